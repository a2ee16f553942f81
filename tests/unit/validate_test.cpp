// tests/unit/validate_test.cpp — the runtime validator (validate / validate_as / make_authority)
// and its JSON route (parse_authority<K>): every one of the 15 validation error kinds, the fixed
// check order of validate.hpp, the four §14 envelopes and the binding-status precedence.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "../doctest.hpp"
#include "cellos/json.hpp"
#include "sample_documents.hpp"

namespace {

using cellos::applied_rule;
using cellos::authority_derivation;
using cellos::authority_input;
using cellos::authority_input_type;
using cellos::binding_status;
using cellos::class_set;
using cellos::epistemic_status;
using cellos::errc;
using cellos::authority_kind;
using cellos::rule;
using cellos::rule_class;
using cellos::validation_error;
namespace violation = cellos::violation;

constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();

// --- building derivations ---------------------------------------------------------------------

authority_input input(authority_input_type type, double confidence) {
    return authority_input{type, "api.example.com", confidence, std::nullopt};
}

applied_rule canonical(rule r) { return applied_rule{r, cellos::canonical_class(r)}; }

/// A derivation whose output is canonical for its rules: highest admissible tier (the class
/// ceiling), best input confidence, canonical status and binding. Valid by construction, so each
/// test below can break exactly one thing.
authority_derivation canonical_derivation(std::vector<authority_input> inputs, std::vector<rule> rules) {
    authority_derivation d;
    d.inputs = std::move(inputs);
    for (rule r : rules) d.rules_applied.push_back(canonical(r));
    const class_set classes = d.classes();
    double best = 0.0;
    for (const auto& in : d.inputs) best = std::max(best, in.confidence);
    d.output.tier = cellos::ceiling_of(classes)->tier;
    d.output.confidence = best;
    d.output.epistemic_status = *cellos::canonical_status(classes);
    d.output.binding_status = cellos::canonical_binding(classes, d.inputs.size());
    return d;
}

authority_derivation sni_derivation() {  // examples/data/authority/observed_sni.json
    return canonical_derivation({input(authority_input_type::sni, 0.95)}, {rule::raw_sni_observed});
}
authority_derivation aligned_derivation() {  // SNI + Host agree; alignment's own ceiling is 3
    return canonical_derivation({input(authority_input_type::sni, 0.95), input(authority_input_type::host_header, 0.9)},
                                {rule::raw_sni_observed, rule::raw_host_header_observed, rule::sni_host_header_aligned});
}
authority_derivation jws_derivation() {  // examples/data/authority/proven_jws.json
    return canonical_derivation({input(authority_input_type::jws, 0.99), input(authority_input_type::sni, 0.95)},
                                {rule::jws_signature_verified, rule::raw_sni_observed});
}
authority_derivation imposed_derivation() {  // examples/data/authority/imposed_tls.json, ceiling 4
    return canonical_derivation({input(authority_input_type::tls_termination, 0.97)}, {rule::imposed_tls_termination});
}
authority_derivation guest_derivation() {  // examples/data/authority/declared_guest.json
    return canonical_derivation({input(authority_input_type::guest_declaration, 0.5)}, {rule::guest_agent_declared});
}

// --- inspecting results -----------------------------------------------------------------------

/// "valid" or the error's stable code name: doctest prints strings, not enumerators.
std::string_view verdict(const std::optional<validation_error>& e) {
    return e ? cellos::errc_name(cellos::code_of(*e)) : std::string_view{"valid"};
}

/// The payload of the expected alternative; a failed CHECK (naming what came instead) and nullopt
/// otherwise, so that callers guard their payload checks with `if`.
template <class V>
std::optional<V> expect(const std::optional<validation_error>& e) {
    if (!e) {
        FAIL_CHECK("expected a validation error, the derivation was accepted");
        return std::nullopt;
    }
    const V* v = std::get_if<V>(&*e);
    if (v == nullptr) {
        FAIL_CHECK("got " << cellos::errc_name(cellos::code_of(*e)) << ": " << cellos::message_of(*e));
        return std::nullopt;
    }
    return *v;
}

// --- JSON documents -----------------------------------------------------------------------------

using namespace cellos_test;  // the sample documents

boost::json::value document(std::string_view text) {
    auto parsed = cellos::json::parse_strict(text);
    REQUIRE_MESSAGE(parsed.has_value(), "fixture does not parse: " << text);
    return std::move(parsed).value();
}
boost::json::object& derivation_of(boost::json::value& doc) { return doc.at("derivation").as_object(); }
boost::json::object& output_of(boost::json::value& doc) { return doc.at("derivation").at("output").as_object(); }
boost::json::object& input_of(boost::json::value& doc, std::size_t i) {
    return doc.at("derivation").at("inputs").as_array().at(i).as_object();
}
boost::json::object& rule_of(boost::json::value& doc, std::size_t i) {
    return doc.at("derivation").at("rules_applied").as_array().at(i).as_object();
}

/// parse_authority<K> must refuse `doc` with this code, this pointer and some message.
template <authority_kind K>
void check_json_rejects(const boost::json::value& doc, std::string_view code, std::string_view pointer) {
    const std::string text = cellos::json::to_text(doc);
    INFO("kind " << cellos::to_wire(K) << ", document " << text);
    const auto r = cellos::json::parse_authority<K>(text);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code_name() == code);
    CHECK(r.error().pointer == pointer);
    CHECK_FALSE(r.error().message.empty());
}

template <authority_kind K>
void check_json_accepts(const boost::json::value& doc) {
    const std::string text = cellos::json::to_text(doc);
    INFO("kind " << cellos::to_wire(K) << ", document " << text);
    const auto r = cellos::json::parse_authority<K>(text);
    CHECK_MESSAGE(r.has_value(), (r ? std::string() : r.error().message));
}

}  // namespace

// ================================================================================================
// The error table itself
// ================================================================================================

TEST_CASE("validation_error alternatives map to errc in declaration order, with names and pointers") {
    // The CLI "code" field is this mapping: a reordered variant would silently rename every error.
    constexpr std::string_view names[] = {
        "no_inputs",       "no_rules_applied",  "input_confidence_out_of_range", "input_confidence_nan",
        "output_confidence_invalid", "tier_out_of_range", "confidence_inflation", "tier_inflation",
        "epistemic_mismatch", "rule_class_mismatch", "binding_status_mismatch", "type_class_incompatible",
        "proven_authority_missing_artifact", "imposed_authority_missing_interception", "empty_class_set"};
    static_assert(std::variant_size_v<validation_error> == std::size(names));
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        (
            [&] {
                const validation_error e{std::in_place_index<I>};
                INFO("alternative " << I);
                CHECK(static_cast<int>(cellos::code_of(e)) == static_cast<int>(errc::no_inputs) + static_cast<int>(I));
                CHECK(cellos::errc_name(cellos::code_of(e)) == names[I]);
                CHECK_FALSE(cellos::message_of(e).empty());
                CHECK(cellos::document_pointer(e).starts_with("/"));
            }(),
            ...);
    }(std::make_index_sequence<std::size(names)>{});
    CHECK(cellos::errc_name(errc::empty_class_set) == "empty_class_set");
    CHECK(static_cast<int>(errc::empty_class_set) - static_cast<int>(errc::no_inputs) + 1 == 15);
}

// ================================================================================================
// Each of the 15 kinds through the C++ API
// ================================================================================================

TEST_CASE("the canonical fixtures are valid (every negative test below breaks exactly one thing)") {
    for (const auto& d : {sni_derivation(), aligned_derivation(), jws_derivation(), imposed_derivation(), guest_derivation()})
        CHECK(verdict(cellos::validate(d)) == "valid");
}

TEST_CASE("no_inputs") {
    auto d = sni_derivation();
    d.inputs.clear();
    const auto e = cellos::validate(d);
    REQUIRE(e);
    CHECK(cellos::code_of(*e) == errc::no_inputs);
    CHECK(expect<violation::no_inputs>(e));
    CHECK(cellos::document_pointer(*e) == "/derivation/inputs");
}

TEST_CASE("no_rules_applied") {
    auto d = sni_derivation();
    d.rules_applied.clear();
    const auto e = cellos::validate(d);
    REQUIRE(e);
    CHECK(cellos::code_of(*e) == errc::no_rules_applied);
    CHECK(cellos::document_pointer(*e) == "/derivation/rules_applied");
}

TEST_CASE("input_confidence_out_of_range names the input and the value") {
    for (const double bad : {1.5, -0.25, std::nextafter(1.0, 2.0), -std::numeric_limits<double>::min(),
                             std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()}) {
        auto d = aligned_derivation();
        d.inputs[1].confidence = bad;
        INFO("confidence " << bad);
        const auto e = cellos::validate(d);
        REQUIRE(e);
        CHECK(cellos::code_of(*e) == errc::input_confidence_out_of_range);
        if (const auto v = expect<violation::input_confidence_out_of_range>(e)) {
            CHECK(v->input == 1);
            CHECK(v->value == bad);
        }
        CHECK(cellos::document_pointer(*e) == "/derivation/inputs/1/confidence");
    }
    // The interval is closed: its ends are in range.
    auto d = aligned_derivation();
    d.inputs[1].confidence = 0.0;
    CHECK(verdict(cellos::validate(d)) == "valid");
    d.inputs[0].confidence = 1.0;
    d.output.confidence = 1.0;
    CHECK(verdict(cellos::validate(d)) == "valid");
}

TEST_CASE("input_confidence_nan (C++ API only: JSON has no NaN)") {
    auto d = aligned_derivation();
    d.inputs[1].confidence = nan_value;
    const auto e = cellos::validate(d);
    REQUIRE(e);
    CHECK(cellos::code_of(*e) == errc::input_confidence_nan);
    if (const auto v = expect<violation::input_confidence_nan>(e)) CHECK(v->input == 1);
    CHECK(cellos::document_pointer(*e) == "/derivation/inputs/1/confidence");
    CHECK(cellos::message_of(*e).find("NaN") != std::string::npos);
    // validate_as reports the same error before any envelope check.
    CHECK(verdict(cellos::validate_as(authority_kind::observed, d)) == "input_confidence_nan");
}

TEST_CASE("output_confidence_invalid: outside [0, 1] or NaN") {
    for (const double bad : {1.5, -0.1, std::nextafter(1.0, 2.0), nan_value, std::numeric_limits<double>::infinity()}) {
        auto d = sni_derivation();
        d.output.confidence = bad;
        INFO("confidence " << bad);
        const auto e = cellos::validate(d);
        REQUIRE(e);
        CHECK(cellos::code_of(*e) == errc::output_confidence_invalid);
        if (const auto v = expect<violation::output_confidence_invalid>(e))
            CHECK((v->value == bad || (std::isnan(bad) && std::isnan(v->value))));
        CHECK(cellos::document_pointer(*e) == "/derivation/output/confidence");
    }
}

TEST_CASE("tier_out_of_range: outside [0, 4]") {
    for (const int bad : {5, 7, 255, -1, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()}) {
        auto d = sni_derivation();
        d.output.tier = bad;
        INFO("tier " << bad);
        const auto e = cellos::validate(d);
        REQUIRE(e);
        CHECK(cellos::code_of(*e) == errc::tier_out_of_range);
        if (const auto v = expect<violation::tier_out_of_range>(e)) CHECK(v->tier == bad);
        CHECK(cellos::document_pointer(*e) == "/derivation/output/tier");
    }
}

TEST_CASE("confidence_inflation is measured against the MAXIMUM input") {
    auto d = aligned_derivation();  // inputs 0.95 and 0.9
    d.output.confidence = 0.95;     // above the second input, equal to the best one
    CHECK(verdict(cellos::validate(d)) == "valid");
    d.output.confidence = std::nextafter(0.95, 1.0);
    const auto e = cellos::validate(d);
    REQUIRE(e);
    CHECK(cellos::code_of(*e) == errc::confidence_inflation);
    if (const auto v = expect<violation::confidence_inflation>(e)) {
        CHECK(v->output == std::nextafter(0.95, 1.0));
        CHECK(v->max_input == 0.95);
    }
    CHECK(cellos::document_pointer(*e) == "/derivation/output/confidence");
    CHECK(cellos::message_of(*e).find("0.95") != std::string::npos);
}

TEST_CASE("tier_inflation names the ceiling and the class that set it") {
    SUBCASE("raw observation alone: ceiling 2") {
        auto d = sni_derivation();
        d.output.tier = 3;
        const auto e = cellos::validate(d);
        REQUIRE(e);
        CHECK(cellos::code_of(*e) == errc::tier_inflation);
        if (const auto v = expect<violation::tier_inflation>(e)) {
            CHECK(v->output == 3);
            CHECK(v->ceiling == 2);
            CHECK(cellos::to_wire(v->limiting_class) == "RAW_OBSERVATION");
            CHECK(v->envelope.empty());  // the class ceiling bit, not an envelope cap
        }
        CHECK(cellos::document_pointer(*e) == "/derivation/output/tier");
        CHECK(cellos::message_of(*e).find("ceiling 2") != std::string::npos);
    }
    SUBCASE("opacity caps alignment at 1") {
        auto d = canonical_derivation({input(authority_input_type::ech_config, 0.6), input(authority_input_type::sni, 0.8)},
                                      {rule::ech_inner_sni_withheld, rule::sni_host_header_aligned});
        REQUIRE(d.output.tier == 1);
        d.output.tier = 2;
        if (const auto v = expect<violation::tier_inflation>(cellos::validate(d))) {
            CHECK(v->ceiling == 1);
            CHECK(cellos::to_wire(v->limiting_class) == "OPACITY");
        }
    }
    SUBCASE("guest declaration caps at 1") {
        auto d = guest_derivation();
        d.output.tier = 2;
        if (const auto v = expect<violation::tier_inflation>(cellos::validate(d))) {
            CHECK(v->ceiling == 1);
            CHECK(cellos::to_wire(v->limiting_class) == "GUEST_AGENT_DECLARATION");
        }
    }
}

TEST_CASE("epistemic_mismatch reports the declared and the canonical status") {
    auto d = aligned_derivation();
    d.output.epistemic_status = epistemic_status::direct_observation;
    const auto e = cellos::validate(d);
    REQUIRE(e);
    CHECK(cellos::code_of(*e) == errc::epistemic_mismatch);
    if (const auto v = expect<violation::epistemic_mismatch>(e)) {
        CHECK(cellos::to_wire(v->declared) == "DIRECT_OBSERVATION");
        CHECK(cellos::to_wire(v->expected) == "STRUCTURALLY_ALIGNED");
    }
    CHECK(cellos::document_pointer(*e) == "/derivation/output/epistemic_status");
    // STATISTICALLY_BOUNDED is reserved: never canonical, so always a mismatch.
    d.output.epistemic_status = epistemic_status::statistically_bounded;
    CHECK(verdict(cellos::validate(d)) == "epistemic_mismatch");
}

TEST_CASE("rule_class_mismatch names the rule's index, the declared and the canonical class") {
    auto d = aligned_derivation();
    d.rules_applied[2].cls = rule_class::cryptographic_proof;  // SNI_HOST_HEADER_ALIGNED is alignment
    const auto e = cellos::validate(d);
    REQUIRE(e);
    CHECK(cellos::code_of(*e) == errc::rule_class_mismatch);
    if (const auto v = expect<violation::rule_class_mismatch>(e)) {
        CHECK(v->index == 2);
        CHECK(cellos::to_wire(v->rule) == "SNI_HOST_HEADER_ALIGNED");
        CHECK(cellos::to_wire(v->declared) == "CRYPTOGRAPHIC_PROOF");
        CHECK(cellos::to_wire(v->canonical) == "STRUCTURAL_ALIGNMENT");
    }
    CHECK(cellos::document_pointer(*e) == "/derivation/rules_applied/2/class");
}

TEST_CASE("binding_status_mismatch reports the declared and the canonical binding") {
    auto d = sni_derivation();
    d.output.binding_status = binding_status::bound;
    const auto e = cellos::validate(d);
    REQUIRE(e);
    CHECK(cellos::code_of(*e) == errc::binding_status_mismatch);
    if (const auto v = expect<violation::binding_status_mismatch>(e)) {
        CHECK(cellos::to_wire(v->declared) == "BOUND");
        CHECK(cellos::to_wire(v->expected) == "NOT_APPLICABLE");
    }
    CHECK(cellos::document_pointer(*e) == "/derivation/output/binding_status");
}

TEST_CASE("type_class_incompatible names the envelope, the permitted set and the first offending rule") {
    const auto d = imposed_derivation();
    REQUIRE_FALSE(cellos::validate(d));
    const auto e = cellos::validate_as(authority_kind::observed, d);
    REQUIRE(e);
    CHECK(cellos::code_of(*e) == errc::type_class_incompatible);
    if (const auto v = expect<violation::type_class_incompatible>(e)) {
        CHECK(v->type_name == "ObservedAuthority");
        CHECK(v->permitted == class_set{rule_class::raw_observation, rule_class::structural_alignment, rule_class::opacity});
        CHECK(cellos::to_wire(v->rejected) == "IMPOSED_INTERCEPTION");
        CHECK(v->index == 0);
    }
    CHECK(cellos::document_pointer(*e) == "/derivation/rules_applied/0/class");
    CHECK(cellos::message_of(*e) ==
          "ObservedAuthority does not permit rule class IMPOSED_INTERCEPTION (permitted: RAW_OBSERVATION, "
          "STRUCTURAL_ALIGNMENT, OPACITY)");
}

TEST_CASE("proven_authority_missing_artifact: no proof rule, or an unusable artifact") {
    SUBCASE("no CRYPTOGRAPHIC_PROOF rule") {
        const auto e = cellos::validate_as(authority_kind::proven, sni_derivation(), true);
        REQUIRE(e);
        CHECK(cellos::code_of(*e) == errc::proven_authority_missing_artifact);
        if (const auto v = expect<violation::proven_authority_missing_artifact>(e)) CHECK_FALSE(v->has_proof_rule);
        CHECK(cellos::document_pointer(*e) == "/derivation/rules_applied");
    }
    SUBCASE("proof rule, unusable artifact") {
        const auto e = cellos::validate_as(authority_kind::proven, jws_derivation(), false);
        REQUIRE(e);
        CHECK(cellos::code_of(*e) == errc::proven_authority_missing_artifact);
        if (const auto v = expect<violation::proven_authority_missing_artifact>(e)) CHECK(v->has_proof_rule);
        CHECK(cellos::document_pointer(*e) == "/artifact");
    }
}

TEST_CASE("imposed_authority_missing_interception") {
    const auto e = cellos::validate_as(authority_kind::imposed, aligned_derivation());
    REQUIRE(e);
    CHECK(cellos::code_of(*e) == errc::imposed_authority_missing_interception);
    CHECK(expect<violation::imposed_authority_missing_interception>(e));
    CHECK(cellos::document_pointer(*e) == "/derivation/rules_applied");
}

TEST_CASE("empty_class_set (C++ API only: the class-set queries)") {
    const auto e = cellos::check_class_set(class_set{});
    REQUIRE(e);
    CHECK(cellos::code_of(*e) == errc::empty_class_set);
    CHECK(expect<violation::empty_class_set>(e));
    CHECK(cellos::document_pointer(*e) == "/derivation/rules_applied");
    CHECK_FALSE(cellos::ceiling_of(class_set{}).has_value());
    CHECK_FALSE(cellos::canonical_status(class_set{}).has_value());
    // Every non-empty set passes the guard and has a ceiling and a status.
    for (unsigned bits = 1; bits < cellos::class_set_count; ++bits) {
        const auto s = class_set::from_bits(static_cast<std::uint8_t>(bits));
        INFO("class set bits " << bits);
        CHECK_FALSE(cellos::check_class_set(s));
        CHECK(cellos::ceiling_of(s).has_value());
        CHECK(cellos::canonical_status(s).has_value());
    }
}

// ================================================================================================
// The same kinds through parse_authority<K>(text): code, pointer, message
// ================================================================================================

TEST_CASE("JSON: the bundled documents are accepted as their kind") {
    check_json_accepts<authority_kind::observed>(document(observed_sni_json));
    check_json_accepts<authority_kind::proven>(document(proven_jws_json));
    check_json_accepts<authority_kind::imposed>(document(imposed_tls_json));
    check_json_accepts<authority_kind::declared>(document(declared_guest_json));
}

TEST_CASE("JSON: no_inputs") {
    auto doc = document(observed_sni_json);
    derivation_of(doc)["inputs"] = boost::json::array{};
    check_json_rejects<authority_kind::observed>(doc, "no_inputs", "/derivation/inputs");
}

TEST_CASE("JSON: no_rules_applied") {
    auto doc = document(observed_sni_json);
    derivation_of(doc)["rules_applied"] = boost::json::array{};
    check_json_rejects<authority_kind::observed>(doc, "no_rules_applied", "/derivation/rules_applied");
}

TEST_CASE("JSON: input_confidence_out_of_range points at the input") {
    auto doc = document(proven_jws_json);
    input_of(doc, 1)["confidence"] = -0.5;
    check_json_rejects<authority_kind::proven>(doc, "input_confidence_out_of_range", "/derivation/inputs/1/confidence");
    input_of(doc, 1)["confidence"] = 0.95;
    input_of(doc, 0)["confidence"] = 1.5;
    check_json_rejects<authority_kind::proven>(doc, "input_confidence_out_of_range", "/derivation/inputs/0/confidence");
}

TEST_CASE("JSON: output_confidence_invalid") {
    auto doc = document(observed_sni_json);
    output_of(doc)["confidence"] = 1.5;
    check_json_rejects<authority_kind::observed>(doc, "output_confidence_invalid", "/derivation/output/confidence");
}

TEST_CASE("JSON: tier_out_of_range (5..255 decode as u8, then the validator refuses them)") {
    for (const int tier : {5, 7, 255}) {
        auto doc = document(observed_sni_json);
        output_of(doc)["tier"] = tier;
        check_json_rejects<authority_kind::observed>(doc, "tier_out_of_range", "/derivation/output/tier");
    }
}

TEST_CASE("JSON: confidence_inflation") {
    auto doc = document(observed_sni_json);
    output_of(doc)["confidence"] = 0.96;
    check_json_rejects<authority_kind::observed>(doc, "confidence_inflation", "/derivation/output/confidence");
}

TEST_CASE("JSON: tier_inflation from the class ceiling and from the Observed envelope") {
    auto doc = document(observed_sni_json);
    output_of(doc)["tier"] = 3;
    check_json_rejects<authority_kind::observed>(doc, "tier_inflation", "/derivation/output/tier");
    check_json_rejects<authority_kind::observed>(document(observed_tier3_json), "tier_inflation", "/derivation/output/tier");
    auto guest = document(declared_guest_json);
    output_of(guest)["tier"] = 2;
    check_json_rejects<authority_kind::declared>(guest, "tier_inflation", "/derivation/output/tier");
}

TEST_CASE("JSON: epistemic_mismatch") {
    auto doc = document(observed_sni_json);
    output_of(doc)["epistemic_status"] = "STRUCTURALLY_ALIGNED";
    check_json_rejects<authority_kind::observed>(doc, "epistemic_mismatch", "/derivation/output/epistemic_status");
}

TEST_CASE("JSON: rule_class_mismatch points at the rule's class") {
    auto doc = document(proven_jws_json);
    rule_of(doc, 1)["class"] = "STRUCTURAL_ALIGNMENT";
    check_json_rejects<authority_kind::proven>(doc, "rule_class_mismatch", "/derivation/rules_applied/1/class");
}

TEST_CASE("JSON: binding_status_mismatch") {
    auto doc = document(observed_sni_json);
    output_of(doc)["binding_status"] = "UNKNOWN";
    check_json_rejects<authority_kind::observed>(doc, "binding_status_mismatch", "/derivation/output/binding_status");
}

TEST_CASE("JSON: type_class_incompatible points at the first offending rule") {
    check_json_rejects<authority_kind::observed>(document(imposed_tls_json), "type_class_incompatible",
                                       "/derivation/rules_applied/0/class");
    // A declaration cannot smuggle in host-side evidence (rejected_guest_claims_sni.json).
    auto doc = document(declared_guest_json);
    auto& d = derivation_of(doc);
    d["inputs"].as_array().push_back({{"input_type", "SNI"}, {"value", "api.example.com"}, {"confidence", 0.9}});
    d["rules_applied"].as_array().push_back({{"rule", "RAW_SNI_OBSERVED"}, {"class", "RAW_OBSERVATION"}});
    output_of(doc)["binding_status"] = "UNKNOWN";
    check_json_rejects<authority_kind::declared>(doc, "type_class_incompatible", "/derivation/rules_applied/1/class");
}

TEST_CASE("JSON: proven_authority_missing_artifact") {
    SUBCASE("no proof rule: points at rules_applied") {
        auto doc = document(observed_sni_json);
        doc.as_object()["artifact"] = {{"JWS_VERIFIED", {{"kid", "workload-key-2026-11"}}}};
        check_json_rejects<authority_kind::proven>(doc, "proven_authority_missing_artifact", "/derivation/rules_applied");
    }
    SUBCASE("only the artifact id is empty: points at /artifact") {
        for (std::string_view tag : {"JWS_VERIFIED", "DANE_TLSA_BOUND", "SVID_CHAIN_VERIFIED"}) {
            std::string_view field = tag == "JWS_VERIFIED" ? "kid" : tag == "DANE_TLSA_BOUND" ? "tlsa_record_id" : "spiffe_id";
            auto doc = document(proven_jws_json);
            boost::json::object body;
            body[field] = "";
            boost::json::object artifact;
            artifact[tag] = std::move(body);
            doc.as_object()["artifact"] = std::move(artifact);
            check_json_rejects<authority_kind::proven>(doc, "proven_authority_missing_artifact", "/artifact");
        }
    }
}

TEST_CASE("JSON: imposed_authority_missing_interception") {
    check_json_rejects<authority_kind::imposed>(document(observed_sni_json), "imposed_authority_missing_interception",
                                      "/derivation/rules_applied");
}

TEST_CASE("JSON cannot reach input_confidence_nan or empty_class_set: the earlier error is reported") {
    SUBCASE("1e400 is not a finite double: number_out_of_range at the confidence") {
        auto text = std::string(observed_sni_json);
        text.replace(text.find("\"confidence\": 0.95"), 18, "\"confidence\": 1e400");
        const auto r = cellos::json::parse_authority<authority_kind::observed>(text);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code_name() == "number_out_of_range");
        CHECK(r.error().pointer == "/derivation/inputs/0/confidence");
    }
    SUBCASE("NaN and Infinity literals are not JSON") {
        for (std::string_view literal : {"NaN", "nan", "Infinity", "-Infinity"}) {
            auto text = std::string(observed_sni_json);
            text.replace(text.find("\"confidence\": 0.95"), 18, "\"confidence\": " + std::string(literal));
            const auto r = cellos::json::parse_authority<authority_kind::observed>(text);
            REQUIRE_FALSE(r.has_value());
            CHECK(r.error().code_name() == "malformed_json");
        }
    }
    SUBCASE("an empty class set means no rules at all: no_rules_applied") {
        auto doc = document(observed_sni_json);
        derivation_of(doc)["rules_applied"] = boost::json::array{};
        for (const auto k : {authority_kind::observed, authority_kind::imposed, authority_kind::declared}) {
            const auto r = cellos::json::parse_authority(k, cellos::json::to_text(doc));
            REQUIRE_FALSE(r.has_value());
            CHECK(r.error().code_name() == "no_rules_applied");
        }
    }
}

// ================================================================================================
// The fixed check order (validate.hpp): the FIRST violation wins
// ================================================================================================

TEST_CASE("check order: presence before everything, inputs before rules") {
    authority_derivation d;  // empty and with a nonsense output
    d.output.tier = 9;
    d.output.confidence = nan_value;
    CHECK(verdict(cellos::validate(d)) == "no_inputs");
    d.inputs.push_back(input(authority_input_type::sni, nan_value));
    CHECK(verdict(cellos::validate(d)) == "no_rules_applied");
}

TEST_CASE("check order: input confidences in input order, NaN tested before the range") {
    auto d = aligned_derivation();
    d.inputs[0].confidence = nan_value;
    d.inputs[1].confidence = 7.0;
    if (const auto v = expect<violation::input_confidence_nan>(cellos::validate(d))) CHECK(v->input == 0);
    d.inputs[0].confidence = 7.0;
    d.inputs[1].confidence = nan_value;
    if (const auto v = expect<violation::input_confidence_out_of_range>(cellos::validate(d))) CHECK(v->input == 0);
}

TEST_CASE("check order: inputs, then output confidence, then output tier") {
    auto d = sni_derivation();
    d.inputs[0].confidence = -1.0;
    d.output.confidence = 2.0;
    d.output.tier = 9;
    CHECK(verdict(cellos::validate(d)) == "input_confidence_out_of_range");
    d.inputs[0].confidence = 0.5;
    CHECK(verdict(cellos::validate(d)) == "output_confidence_invalid");
    d.output.confidence = 0.5;
    CHECK(verdict(cellos::validate(d)) == "tier_out_of_range");
}

TEST_CASE("check order: tier range before rule classes, rule classes before confidence inflation") {
    auto d = aligned_derivation();
    d.rules_applied[0].cls = rule_class::opacity;  // rule-class mismatch
    d.output.confidence = 0.99;                      // and confidence inflation
    d.output.tier = 9;                               // and tier out of range
    CHECK(verdict(cellos::validate(d)) == "tier_out_of_range");
    d.output.tier = 2;
    if (const auto v = expect<violation::rule_class_mismatch>(cellos::validate(d))) CHECK(v->index == 0);
    // With several mismatches the first in rules_applied order is named.
    d.rules_applied[2].cls = rule_class::opacity;
    if (const auto v = expect<violation::rule_class_mismatch>(cellos::validate(d))) CHECK(v->index == 0);
    d.rules_applied[0].cls = rule_class::raw_observation;
    if (const auto v = expect<violation::rule_class_mismatch>(cellos::validate(d))) CHECK(v->index == 2);
}

TEST_CASE("check order: confidence inflation, tier inflation, epistemic status, binding status") {
    auto d = sni_derivation();
    d.output.confidence = 0.99;
    d.output.tier = 4;
    d.output.epistemic_status = epistemic_status::opaque;
    d.output.binding_status = binding_status::imposed_bound;
    CHECK(verdict(cellos::validate(d)) == "confidence_inflation");
    d.output.confidence = 0.95;
    CHECK(verdict(cellos::validate(d)) == "tier_inflation");
    d.output.tier = 2;
    CHECK(verdict(cellos::validate(d)) == "epistemic_mismatch");
    d.output.epistemic_status = epistemic_status::direct_observation;
    CHECK(verdict(cellos::validate(d)) == "binding_status_mismatch");
    d.output.binding_status = binding_status::not_applicable;
    CHECK(verdict(cellos::validate(d)) == "valid");
}

TEST_CASE("check order: envelope errors come only after validate() passes") {
    auto d = imposed_derivation();  // IMPOSED_INTERCEPTION: outside the Observed envelope
    d.output.confidence = 0.99;     // and inflated
    CHECK(verdict(cellos::validate_as(authority_kind::observed, d)) == "confidence_inflation");
    CHECK(verdict(cellos::validate_as(authority_kind::declared, d)) == "confidence_inflation");
    d.output.confidence = 0.97;
    CHECK(verdict(cellos::validate_as(authority_kind::observed, d)) == "type_class_incompatible");
    // For every kind, an invalid derivation reports exactly validate()'s error.
    auto broken = jws_derivation();
    broken.output.binding_status = binding_status::unknown;
    for (const auto k : {authority_kind::observed, authority_kind::proven, authority_kind::imposed, authority_kind::declared})
        CHECK(verdict(cellos::validate_as(k, broken, true)) == "binding_status_mismatch");
    // ... also through make_authority
    const auto made = cellos::make_authority<authority_kind::proven>(broken, cellos::jws_verified{""});
    REQUIRE_FALSE(made.has_value());
    CHECK(cellos::errc_name(cellos::code_of(made.error())) == "binding_status_mismatch");
}

TEST_CASE("check order inside the envelope: permitted classes, then required evidence, then the cap") {
    // Proven with an opacity rule and no proof: the forbidden class is named first.
    auto d = canonical_derivation({input(authority_input_type::ech_config, 0.6)}, {rule::raw_sni_observed, rule::sni_absent});
    CHECK(verdict(cellos::validate(d)) == "valid");
    if (const auto v = expect<violation::type_class_incompatible>(cellos::validate_as(authority_kind::proven, d, true))) {
        CHECK(v->index == 1);
        CHECK(v->type_name == "ProvenAuthority");
    }
    CHECK(verdict(cellos::validate_as(authority_kind::imposed, d)) == "type_class_incompatible");
    // Imposed with only permitted classes but no interception.
    CHECK(verdict(cellos::validate_as(authority_kind::imposed, aligned_derivation())) == "imposed_authority_missing_interception");
}

// ================================================================================================
// The four envelopes
// ================================================================================================

TEST_CASE("Observed: host-observed classes only, tier cap 2") {
    CHECK(verdict(cellos::validate_as(authority_kind::observed, sni_derivation())) == "valid");
    SUBCASE("proof, interception and declaration classes are incompatible") {
        struct forbidden_case {
            authority_derivation d;
            std::string_view rejected;
            std::size_t index;
        };
        auto proof = jws_derivation();  // JWS rule at index 0
        auto interception = canonical_derivation({input(authority_input_type::sni, 0.9)},
                                                 {rule::raw_sni_observed, rule::imposed_sni_rewrite});
        auto declaration = guest_derivation();
        // Named members, not structured bindings: clang 14 cannot capture those in doctest's INFO.
        for (const auto& entry : {forbidden_case{proof, "CRYPTOGRAPHIC_PROOF", 0},
                                                 forbidden_case{interception, "IMPOSED_INTERCEPTION", 1},
                                                 forbidden_case{declaration, "GUEST_AGENT_DECLARATION", 0}}) {
            const auto& d = entry.d;
            const auto& rejected = entry.rejected;
            const auto& index = entry.index;
            INFO("class " << rejected);
            REQUIRE_FALSE(cellos::validate(d));
            const auto e = cellos::validate_as(authority_kind::observed, d);
            if (const auto v = expect<violation::type_class_incompatible>(e)) {
                CHECK(v->type_name == "ObservedAuthority");
                CHECK(cellos::to_wire(v->rejected) == rejected);
                CHECK(v->index == index);
            }
            CHECK(cellos::make_authority<authority_kind::observed>(d).has_error());
        }
    }
    SUBCASE("STRUCTURALLY_ALIGNED: tier 3 passes validate() but the envelope caps it at 2") {
        auto d = aligned_derivation();
        REQUIRE(d.output.tier == 3);
        CHECK(verdict(cellos::validate(d)) == "valid");
        if (const auto v = expect<violation::tier_inflation>(cellos::validate_as(authority_kind::observed, d))) {
            CHECK(v->output == 3);
            CHECK(v->ceiling == 2);
            CHECK(cellos::to_wire(v->limiting_class) == "STRUCTURAL_ALIGNMENT");
            CHECK(v->envelope == "ObservedAuthority");
        }
        CHECK(cellos::message_of(*cellos::validate_as(authority_kind::observed, d)).find("ObservedAuthority") != std::string::npos);
        d.output.tier = 2;
        const auto made = cellos::make_authority<authority_kind::observed>(d);
        REQUIRE(made.has_value());
        CHECK(std::holds_alternative<cellos::observed_authority<2, epistemic_status::structurally_aligned>>(made.value()));
    }
    SUBCASE("opacity is permitted, and caps at 1") {
        auto d = canonical_derivation({input(authority_input_type::ech_config, 0.6), input(authority_input_type::destination_ip, 0.8)},
                                      {rule::ech_inner_sni_withheld, rule::raw_destination_ip_observed});
        const auto made = cellos::make_authority<authority_kind::observed>(d);
        REQUIRE(made.has_value());
        CHECK(std::holds_alternative<cellos::observed_authority<1, epistemic_status::opaque>>(made.value()));
    }
}

TEST_CASE("Proven: needs a CRYPTOGRAPHIC_PROOF rule and a non-empty artifact id") {
    const auto d = jws_derivation();
    SUBCASE("every artifact alternative with an id is accepted, and kept") {
        for (const cellos::proven_authority_artifact& a :
             {cellos::proven_authority_artifact{cellos::jws_verified{"kid-1"}},
              cellos::proven_authority_artifact{cellos::dane_tlsa_bound{"tlsa-1"}},
              cellos::proven_authority_artifact{cellos::svid_chain_verified{"spiffe://example.org/w"}}}) {
            const auto made = cellos::make_authority<authority_kind::proven>(d, a);
            REQUIRE(made.has_value());
            const auto* typed = std::get_if<cellos::proven_authority<4>>(&made.value());
            REQUIRE(typed != nullptr);
            CHECK(typed->artifact() == a);
            CHECK(typed->derivation() == d);
        }
    }
    SUBCASE("an empty id in any alternative is refused with has_proof_rule = true") {
        for (const cellos::proven_authority_artifact& a :
             {cellos::proven_authority_artifact{cellos::jws_verified{}},
              cellos::proven_authority_artifact{cellos::dane_tlsa_bound{}},
              cellos::proven_authority_artifact{cellos::svid_chain_verified{}}}) {
            CHECK_FALSE(cellos::is_usable(a));
            const auto made = cellos::make_authority<authority_kind::proven>(d, a);
            REQUIRE_FALSE(made.has_value());
            const std::optional<validation_error> e = made.error();
            if (const auto v = expect<violation::proven_authority_missing_artifact>(e)) CHECK(v->has_proof_rule);
            CHECK(cellos::document_pointer(made.error()) == "/artifact");
        }
    }
    SUBCASE("a good artifact does not replace the proof rule") {
        const auto made = cellos::make_authority<authority_kind::proven>(aligned_derivation(), cellos::jws_verified{"kid-1"});
        REQUIRE_FALSE(made.has_value());
        const std::optional<validation_error> e = made.error();
        if (const auto v = expect<violation::proven_authority_missing_artifact>(e)) CHECK_FALSE(v->has_proof_rule);
    }
    SUBCASE("opacity, interception and declaration are incompatible") {
        auto opaque = canonical_derivation({input(authority_input_type::jws, 0.9)}, {rule::jws_signature_verified, rule::sni_absent});
        auto imposed = canonical_derivation({input(authority_input_type::jws, 0.9)},
                                            {rule::jws_signature_verified, rule::imposed_tls_termination});
        for (const auto& bad : {opaque, imposed, guest_derivation()})
            CHECK(verdict(cellos::validate_as(authority_kind::proven, bad, true)) == "type_class_incompatible");
    }
}

TEST_CASE("Imposed: needs an IMPOSED_INTERCEPTION rule") {
    const auto made = cellos::make_authority<authority_kind::imposed>(imposed_derivation());
    REQUIRE(made.has_value());
    CHECK(std::holds_alternative<cellos::imposed_authority<4>>(made.value()));
    // Observation classes may accompany the interception.
    auto with_sni = canonical_derivation({input(authority_input_type::sni_rewrite, 0.9), input(authority_input_type::sni, 0.8)},
                                         {rule::raw_sni_observed, rule::imposed_sni_rewrite});
    CHECK(verdict(cellos::validate_as(authority_kind::imposed, with_sni)) == "valid");
    CHECK(verdict(cellos::validate_as(authority_kind::imposed, sni_derivation())) == "imposed_authority_missing_interception");
    CHECK(verdict(cellos::validate_as(authority_kind::imposed, jws_derivation())) == "type_class_incompatible");
}

TEST_CASE("Declared: only GUEST_AGENT_DECLARATION, tier <= 1, status DECLARED") {
    auto d = guest_derivation();
    for (const int tier : {0, 1}) {
        d.output.tier = tier;
        const auto made = cellos::make_authority<authority_kind::declared>(d);
        REQUIRE(made.has_value());
        std::visit([&](const auto& a) {
            CHECK(a.tier == tier);
            CHECK(a.status == epistemic_status::declared);
        }, made.value());
    }
    d.output.tier = 2;
    CHECK(verdict(cellos::validate_as(authority_kind::declared, d)) == "tier_inflation");
    d.output.tier = 1;
    for (const auto status : {epistemic_status::direct_observation, epistemic_status::opaque,
                              epistemic_status::statistically_bounded}) {
        d.output.epistemic_status = status;
        if (const auto v = expect<violation::epistemic_mismatch>(cellos::validate_as(authority_kind::declared, d)))
            CHECK(cellos::to_wire(v->expected) == "DECLARED");
    }
    // Host-side evidence in a declaration, in any position.
    for (const auto& rules : {std::vector<rule>{rule::guest_agent_declared, rule::raw_sni_observed},
                              std::vector<rule>{rule::sni_host_header_aligned, rule::guest_agent_declared}}) {
        auto mixed = canonical_derivation({input(authority_input_type::guest_declaration, 0.5), input(authority_input_type::sni, 0.9)}, rules);
        CHECK(mixed.output.epistemic_status == epistemic_status::declared);  // the declaration dominates
        CHECK(verdict(cellos::validate(mixed)) == "valid");
        CHECK(verdict(cellos::validate_as(authority_kind::declared, mixed)) == "type_class_incompatible");
    }
}

TEST_CASE("kinds never accept each other's canonical documents") {
    struct row {
        authority_derivation d;
        authority_kind home;
    };
    for (const auto& entry : {row{sni_derivation(), authority_kind::observed}, row{jws_derivation(), authority_kind::proven},
                                  row{imposed_derivation(), authority_kind::imposed}, row{guest_derivation(), authority_kind::declared}}) {
        const auto& d = entry.d;
        const auto& home = entry.home;
        for (const auto k : {authority_kind::observed, authority_kind::proven, authority_kind::imposed, authority_kind::declared}) {
            INFO("derivation of " << cellos::to_wire(home) << " as " << cellos::to_wire(k));
            const bool accepted = !cellos::validate_as(k, d, true);
            CHECK(accepted == (k == home));
        }
    }
}

// ================================================================================================
// Binding status precedence: IMPOSED_BOUND > UNKNOWN (opacity) > BOUND > NOT_APPLICABLE > UNKNOWN
// ================================================================================================

TEST_CASE("canonical_binding precedence") {
    using enum rule_class;
    const auto wire = [](class_set s, std::size_t n) { return cellos::to_wire(cellos::canonical_binding(s, n)); };
    // Interception beats everything, even opacity and a single input.
    CHECK(wire({imposed_interception, opacity, structural_alignment, cryptographic_proof}, 1) == "IMPOSED_BOUND");
    CHECK(wire({imposed_interception}, 3) == "IMPOSED_BOUND");
    // Opacity beats alignment / proof and the single-input rule.
    CHECK(wire({opacity, structural_alignment, cryptographic_proof}, 2) == "UNKNOWN");
    CHECK(wire({opacity}, 1) == "UNKNOWN");
    // Alignment or proof binds, even a single input.
    CHECK(wire({structural_alignment}, 1) == "BOUND");
    CHECK(wire({cryptographic_proof, raw_observation}, 1) == "BOUND");
    CHECK(wire({cryptographic_proof}, 4) == "BOUND");
    // Nothing binding: one input is not applicable, several are unknown.
    CHECK(wire({raw_observation}, 1) == "NOT_APPLICABLE");
    CHECK(wire({raw_observation}, 2) == "UNKNOWN");
    CHECK(wire({guest_agent_declaration}, 1) == "NOT_APPLICABLE");
    CHECK(wire({guest_agent_declaration, raw_observation}, 2) == "UNKNOWN");
}

TEST_CASE("the validator enforces the binding precedence") {
    struct row {
        std::vector<rule> rules;
        std::size_t inputs;
        binding_status expected;
    };
    for (const auto& entry : {row{{rule::imposed_tls_termination, rule::sni_absent}, 1, binding_status::imposed_bound},
                             row{{rule::sni_absent, rule::sni_host_header_aligned}, 2, binding_status::unknown},
                             row{{rule::sni_host_header_aligned}, 1, binding_status::bound},
                             row{{rule::raw_sni_observed}, 1, binding_status::not_applicable},
                             row{{rule::raw_sni_observed}, 2, binding_status::unknown}}) {
        const auto& rules = entry.rules;
        const auto& inputs = entry.inputs;
        const auto& expected = entry.expected;
        std::vector<authority_input> in(inputs, input(authority_input_type::sni, 0.9));
        auto d = canonical_derivation(in, rules);
        INFO("expected " << cellos::to_wire(expected));
        CHECK(d.output.binding_status == expected);
        for (const auto b : {binding_status::bound, binding_status::unknown, binding_status::imposed_bound,
                             binding_status::not_applicable}) {
            d.output.binding_status = b;
            const auto e = cellos::validate(d);
            if (b == expected) {
                CHECK(verdict(e) == "valid");
            } else if (const auto v = expect<violation::binding_status_mismatch>(e)) {
                CHECK(v->expected == expected);
                CHECK(v->declared == b);
            }
        }
    }
}

// ================================================================================================
// Ceilings and statuses of class sets
// ================================================================================================

TEST_CASE("ceiling_of: highest positive evidence, capped by opacity / declaration; ties keep declaration order") {
    using enum rule_class;
    const auto ceiling = [](class_set s) { return *cellos::ceiling_of(s); };
    CHECK(ceiling({raw_observation}) == cellos::tier_ceiling{2, raw_observation});
    CHECK(ceiling({raw_observation, structural_alignment}) == cellos::tier_ceiling{3, structural_alignment});
    CHECK(ceiling({raw_observation, cryptographic_proof}) == cellos::tier_ceiling{4, cryptographic_proof});
    CHECK(ceiling({imposed_interception, cryptographic_proof}) == cellos::tier_ceiling{4, cryptographic_proof});
    CHECK(ceiling({imposed_interception}) == cellos::tier_ceiling{4, imposed_interception});
    CHECK(ceiling({cryptographic_proof, opacity}) == cellos::tier_ceiling{1, opacity});
    CHECK(ceiling({opacity}) == cellos::tier_ceiling{1, opacity});
    CHECK(ceiling({guest_agent_declaration}) == cellos::tier_ceiling{1, guest_agent_declaration});
    CHECK(ceiling({opacity, guest_agent_declaration}) == cellos::tier_ceiling{1, opacity});
}

TEST_CASE("canonical_status: the dominant class decides") {
    using enum rule_class;
    const auto status = [](class_set s) { return cellos::to_wire(*cellos::canonical_status(s)); };
    CHECK(status({raw_observation}) == "DIRECT_OBSERVATION");
    CHECK(status({raw_observation, structural_alignment}) == "STRUCTURALLY_ALIGNED");
    CHECK(status({structural_alignment, cryptographic_proof}) == "CRYPTOGRAPHICALLY_PROVEN");
    CHECK(status({cryptographic_proof, imposed_interception}) == "IMPOSED_OBSERVATION");
    CHECK(status({imposed_interception, opacity}) == "OPAQUE");
    CHECK(status({opacity, guest_agent_declaration}) == "DECLARED");
}
