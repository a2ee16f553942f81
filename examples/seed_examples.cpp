// examples/seed_examples.cpp — the two examples of the cellos-core 0.7 README ("Examples"), written
// line for line in C++: (a) the lifecycle.started data from a typed spec, wrapped in a CloudEvent
// built field by field; (b) a typed ObservedAuthority through the validating door. The program
// checks its own results and exits non-zero when one differs, so `meson test` runs it as a test.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <optional>
#include <random>
#include <string>

#include "cellos/authority.hpp"
#include "cellos/json/events.hpp"
#include "cellos/spec/document.hpp"

namespace {

int failures = 0;

void expect(bool ok, const char* what) {
    if (!ok) {
        std::cerr << "seed_examples: FAILED: " << what << "\n";
        ++failures;
    }
}

/// uuid::Uuid::new_v4().to_string(): 122 random bits, version 4, RFC 4122 variant.
std::string new_v4() {
    std::random_device seed;
    std::mt19937_64 bits(std::uint64_t{seed()} << 32 | seed());
    const std::uint64_t hi = (bits() & ~std::uint64_t{0xF000}) | 0x4000;                            // version 4
    const std::uint64_t lo = (bits() & ~(std::uint64_t{0xC} << 60)) | (std::uint64_t{0x8} << 60);  // variant 10
    char text[37];
    std::snprintf(text, sizeof text, "%08llx-%04llx-%04llx-%04llx-%012llx", static_cast<unsigned long long>(hi >> 32),
                  static_cast<unsigned long long>((hi >> 16) & 0xFFFF), static_cast<unsigned long long>(hi & 0xFFFF),
                  static_cast<unsigned long long>(lo >> 48), static_cast<unsigned long long>(lo & 0xFFFF'FFFF'FFFFULL));
    return text;
}

/// chrono::Utc::now().to_rfc3339(), to the second.
std::string now_rfc3339() {
    using namespace std::chrono;
    const auto now = floor<seconds>(system_clock::now());
    const auto day = floor<days>(now);
    const year_month_day ymd{day};
    const hh_mm_ss hms{now - day};
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d+00:00", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
    return text;
}

// --- (a) lifecycle.started, wrapped in a CloudEventV1 ----------------------------------------------

// [seed example: lifecycle started]
int demo(const cellos::execution_cell_spec& spec) {
    const cellos::lifecycle_started_v1 data = cellos::lifecycle_started_data_v1(
        spec,
        /* cell_id                   = */ "cell-abc123",
        /* run_id                    = */ "run-2026-05-16-001",
        /* derivation_verified       = */ true,
        /* role_root                 = */ "ops",
        /* parent_run_id             = */ std::nullopt,
        /* spec_hash                 = */ "sha256:...",
        /* kernel_digest_sha256      = */ std::nullopt,
        /* rootfs_digest_sha256      = */ std::nullopt,
        /* firecracker_digest_sha256 = */ std::nullopt);

    cellos::cloud_event_v1 event;
    event.specversion = "1.0";
    event.id = new_v4();
    event.source = "//cellos/supervisor";
    event.type = "dev.cellos.events.cell.lifecycle.v1.started";
    event.datacontenttype = "application/json";
    event.data = cellos::json_data{cellos::json::payload_text(data)};
    event.time = now_rfc3339();
    // traceparent: None. It is an extension attribute here: event.extensions.set("traceparent", …).
// [end: seed example: lifecycle started]

    const auto text = cellos::json::to_text(event);  // validates the envelope, then writes it
    if (!text) {
        std::cerr << "event rejected: " << text.error().code_name() << " at " << text.error().pointer << ": " << text.error().message << "\n";
        return 1;
    }
    std::cout << text.value() << "\n";

    // the data as the seed's builder would write it: the given keys, the None ones omitted
    expect(cellos::json::payload_text(data) ==
               R"({"cellId":"cell-abc123","specId":"seed-example","runId":"run-2026-05-16-001","derivationVerified":true,)"
               R"("roleRoot":"ops","specHash":"sha256:..."})",
           "lifecycle.started data keys");
    const auto back = cellos::json::parse_event_payload<cellos::lifecycle_started_v1>(text.value());
    expect(back.has_value() && back.value() == data, "the event's data reads back as the payload");
    expect(!cellos::traceparent(event).has_value(), "no traceparent");
    return 0;
}

// --- (b) a typed ObservedAuthority ------------------------------------------------------------------

int observed_example() {
    // [seed example: observed authority]
    using cellos::applied_rule, cellos::authority_derivation, cellos::authority_input, cellos::authority_input_type,
        cellos::authority_output, cellos::binding_status, cellos::epistemic_status, cellos::rule, cellos::rule_class;

    authority_derivation derivation{
        .inputs = {authority_input{
            .input_type = authority_input_type::sni,
            .value = "api.example.com",
            .confidence = 0.95,
            .source_event_id = std::nullopt,
        }},
        .rules_applied = {applied_rule{
            .rule = rule::raw_sni_observed,
            .cls = rule_class::raw_observation,
        }},
        .output = authority_output{
            .tier = 2,
            .confidence = 0.95,
            .epistemic_status = epistemic_status::direct_observation,
            .binding_status = binding_status::not_applicable,
        },
    };

    auto observed = cellos::try_new<cellos::authority_kind::observed>(derivation);
    if (!observed) {  // the seed's `?`
        std::cerr << "ValidationError: " << cellos::message_of(observed.error()) << "\n";
        return 1;
    }
    std::cout << "tier=" << cellos::output_of(observed.value()).tier << " confidence=" << cellos::output_of(observed.value()).confidence
              << "\n";
    // [end: seed example: observed authority]

    expect(cellos::output_of(observed.value()).tier == 2, "tier 2");
    expect(cellos::output_of(observed.value()).confidence == 0.95, "confidence 0.95");
    expect(std::holds_alternative<cellos::observed_authority<2, epistemic_status::direct_observation>>(observed.value()),
           "the typed alternative is observed_authority<2, DIRECT_OBSERVATION>");
    expect(cellos::validate_authority_derivation(derivation).valid, "validate_authority_derivation agrees");
    return 0;
}

}  // namespace

int main() {
    cellos::execution_cell_spec spec;
    spec.id = "seed-example";
    const int a = demo(spec);
    const int b = observed_example();
    return a == 0 && b == 0 && failures == 0 ? 0 : 1;
}
