// tests/unit/seed_test.cpp — the seed's own names and examples (cellos-core 0.7 README "Examples"):
// lifecycle_started_data_v1 with its ten parameters inside a CloudEvent built field by field,
// validate_authority_derivation / authority_validation_result, try_new<K> and output_of.
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "../doctest.hpp"
#include "cellos/authority.hpp"
#include "cellos/json/events.hpp"

namespace {

using cellos::errc;

cellos::authority_derivation seed_derivation() {
    return {
        .inputs = {cellos::authority_input{.input_type = cellos::authority_input_type::sni,
                                           .value = "api.example.com",
                                           .confidence = 0.95,
                                           .source_event_id = std::nullopt}},
        .rules_applied = {cellos::applied_rule{.rule = cellos::rule::raw_sni_observed, .cls = cellos::rule_class::raw_observation}},
        .output = cellos::authority_output{.tier = 2,
                                           .confidence = 0.95,
                                           .epistemic_status = cellos::epistemic_status::direct_observation,
                                           .binding_status = cellos::binding_status::not_applicable},
    };
}

}  // namespace

TEST_CASE("seed example (a): lifecycle.started data in a CloudEvent built field by field") {
    cellos::execution_cell_spec spec;
    spec.id = "seed-spec";
    const auto data = cellos::lifecycle_started_data_v1(spec, "cell-abc123", "run-2026-05-16-001", true, "ops", std::nullopt,
                                                        "sha256:...", std::nullopt, std::nullopt, std::nullopt);
    cellos::cloud_event_v1 event;
    event.specversion = "1.0";
    event.id = "0f8fad5b-d9cb-469f-a165-70867728950e";
    event.source = "//cellos/supervisor";
    event.type = "dev.cellos.events.cell.lifecycle.v1.started";
    event.datacontenttype = "application/json";
    event.data = cellos::json_data{cellos::json::payload_text(data)};
    event.time = "2026-05-16T12:00:00+00:00";

    const auto text = cellos::json::to_text(event);
    REQUIRE(text.has_value());
    CHECK(text.value() ==
          R"({"specversion":"1.0","id":"0f8fad5b-d9cb-469f-a165-70867728950e","source":"//cellos/supervisor",)"
          R"("type":"dev.cellos.events.cell.lifecycle.v1.started","datacontenttype":"application/json",)"
          R"("data":{"cellId":"cell-abc123","specId":"seed-spec","runId":"run-2026-05-16-001","derivationVerified":true,)"
          R"("roleRoot":"ops","specHash":"sha256:..."},"time":"2026-05-16T12:00:00+00:00"})");
    const auto back = cellos::json::parse_event_payload<cellos::lifecycle_started_v1>(text.value());
    REQUIRE(back.has_value());
    CHECK(back.value() == data);
    CHECK_FALSE(back.value().parent_run_id.has_value());  // None stays absent
    CHECK_FALSE(cellos::traceparent(event).has_value());

    // a wrong type inside data is reported under /data
    auto bad = cellos::json::parse_event_payload<cellos::lifecycle_started_v1>(
        R"({"specversion":"1.0","id":"x","source":"//s","type":"dev.cellos.events.cell.lifecycle.v1.started",)"
        R"("data":{"cellId":"c","specId":"s","specHash":["sha256:..."]}})");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code == errc::wrong_type);
    CHECK(bad.error().pointer == "/data/specHash");
}

TEST_CASE("seed example (b): try_new<observed> and output_of") {
    auto observed = cellos::try_new<cellos::authority_kind::observed>(seed_derivation());
    REQUIRE(observed.has_value());
    CHECK(cellos::output_of(observed.value()).tier == 2);
    CHECK(cellos::output_of(observed.value()).confidence == 0.95);
    CHECK(std::holds_alternative<cellos::observed_authority<2, cellos::epistemic_status::direct_observation>>(observed.value()));

    // the envelope check is try_new's: the same derivation is no Declared authority
    auto declared = cellos::try_new<cellos::authority_kind::declared>(seed_derivation());
    REQUIRE_FALSE(declared.has_value());
    CHECK(cellos::code_of(declared.error()) == errc::type_class_incompatible);

    // Proven needs its artifact (and a proof rule)
    auto proven = cellos::try_new<cellos::authority_kind::proven>(seed_derivation(), cellos::proven_authority_artifact{});
    CHECK_FALSE(proven.has_value());
}

TEST_CASE("validate_authority_derivation: valid and invalid derivations") {
    const cellos::authority_validation_result ok = cellos::validate_authority_derivation(seed_derivation());
    CHECK(ok.valid);
    CHECK(static_cast<bool>(ok));
    CHECK_FALSE(ok.error.has_value());
    CHECK_FALSE(ok.to_problem().has_value());

    auto inflated = seed_derivation();
    inflated.output.confidence = 0.99;  // above the only input's 0.95
    const auto r = cellos::validate_authority_derivation(inflated);
    CHECK_FALSE(r.valid);
    REQUIRE(r.error.has_value());
    CHECK(std::holds_alternative<cellos::violation::confidence_inflation>(*r.error));
    const auto p = r.to_problem();
    REQUIRE(p.has_value());
    CHECK(p->code == errc::confidence_inflation);
    CHECK(p->pointer == "/output/confidence");  // relative to the derivation itself
    CHECK(p->message == cellos::message_of(*r.error));

    auto mislabelled = seed_derivation();
    mislabelled.rules_applied.front().cls = cellos::rule_class::structural_alignment;
    const auto m = cellos::validate_authority_derivation(mislabelled).to_problem();
    REQUIRE(m.has_value());
    CHECK(m->code == errc::rule_class_mismatch);
    CHECK(m->pointer == "/rules_applied/0/class");

    auto empty = seed_derivation();
    empty.inputs.clear();
    const auto e = cellos::validate_authority_derivation(empty).to_problem();
    REQUIRE(e.has_value());
    CHECK(e->code == errc::no_inputs);
    CHECK(e->pointer == "/inputs");

    // constexpr, like validate(): a derivation written in the source is checked at compile time
    static_assert(cellos::validate_authority_derivation(cellos::static_authority_derivation{
                                                            .inputs = {{cellos::authority_input_type::sni, "a", 0.9, std::nullopt}},
                                                            .rules_applied = {{cellos::rule::raw_sni_observed, cellos::rule_class::raw_observation}},
                                                            .output = {2, 0.9, cellos::epistemic_status::direct_observation,
                                                                       cellos::binding_status::not_applicable}})
                      .valid);
}
