// cellos/authority/validation_error.hpp — the 15 upstream ValidationError kinds, as a closed
// variant of payload structs. Each maps to a stable `cellos::errc`, a human message and a JSON
// pointer into the typed-authority document (`{"derivation": …, "artifact": …}`). We add the
// index of the offending input / rule where upstream's payload has none.
#pragma once

#include <charconv>
#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

#include "cellos/authority/binding_status.hpp"
#include "cellos/authority/epistemic_status.hpp"
#include "cellos/authority/rule.hpp"
#include "cellos/authority/rule_class.hpp"
#include "cellos/error.hpp"
#include "cellos/problem.hpp"

namespace cellos {

namespace violation {
struct no_inputs {};
struct no_rules_applied {};
struct input_confidence_out_of_range { std::size_t input; double value; };
struct input_confidence_nan { std::size_t input; };
struct output_confidence_invalid { double value; };
struct tier_out_of_range { int tier; };
struct confidence_inflation { double output; double max_input; };
/// `envelope` names the typed-authority envelope when its cap (not the class ceiling) was exceeded.
struct tier_inflation { int output; int ceiling; rule_class limiting_class; std::string_view envelope{}; };
struct epistemic_mismatch { epistemic_status declared; epistemic_status expected; };
struct rule_class_mismatch { std::size_t index; cellos::rule rule; rule_class declared; rule_class canonical; };
struct binding_status_mismatch { binding_status declared; binding_status expected; };
struct type_class_incompatible { std::string_view type_name; class_set permitted; rule_class rejected; std::size_t index; };
/// `has_proof_rule` distinguishes "no CryptographicProof rule" from "empty artifact id".
struct proven_authority_missing_artifact { bool has_proof_rule; };
struct imposed_authority_missing_interception {};
struct empty_class_set {};
}  // namespace violation

using validation_error = std::variant<
    violation::no_inputs, violation::no_rules_applied, violation::input_confidence_out_of_range,
    violation::input_confidence_nan, violation::output_confidence_invalid,
    violation::tier_out_of_range, violation::confidence_inflation, violation::tier_inflation,
    violation::epistemic_mismatch, violation::rule_class_mismatch,
    violation::binding_status_mismatch, violation::type_class_incompatible,
    violation::proven_authority_missing_artifact, violation::imposed_authority_missing_interception,
    violation::empty_class_set>;

/// The stable error code; the variant order equals the errc order (static_assert'ed in tests).
[[nodiscard]] constexpr errc code_of(const validation_error& e) noexcept {
    return static_cast<errc>(static_cast<int>(errc::no_inputs) + static_cast<int>(e.index()));
}

namespace detail {

inline std::string number_text(double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}
inline std::string number_text(std::size_t v) { return std::to_string(v); }
inline std::string number_text(int v) { return std::to_string(v); }

inline std::string class_list(class_set s) {
    std::string out;
    for (rule_class c : all_enumerators<rule_class>()) {
        if (!s.contains(c)) continue;
        if (!out.empty()) out += ", ";
        out += to_wire(c);
    }
    return out;
}

}  // namespace detail

/// JSON pointer of the offending value inside a typed-authority document.
[[nodiscard]] inline std::string document_pointer(const validation_error& e) {
    using detail::number_text;
    struct visitor {
        std::string operator()(const violation::no_inputs&) const { return "/derivation/inputs"; }
        std::string operator()(const violation::no_rules_applied&) const { return "/derivation/rules_applied"; }
        std::string operator()(const violation::input_confidence_out_of_range& v) const {
            return "/derivation/inputs/" + number_text(v.input) + "/confidence";
        }
        std::string operator()(const violation::input_confidence_nan& v) const {
            return "/derivation/inputs/" + number_text(v.input) + "/confidence";
        }
        std::string operator()(const violation::output_confidence_invalid&) const { return "/derivation/output/confidence"; }
        std::string operator()(const violation::tier_out_of_range&) const { return "/derivation/output/tier"; }
        std::string operator()(const violation::confidence_inflation&) const { return "/derivation/output/confidence"; }
        std::string operator()(const violation::tier_inflation&) const { return "/derivation/output/tier"; }
        std::string operator()(const violation::epistemic_mismatch&) const { return "/derivation/output/epistemic_status"; }
        std::string operator()(const violation::rule_class_mismatch& v) const {
            return "/derivation/rules_applied/" + number_text(v.index) + "/class";
        }
        std::string operator()(const violation::binding_status_mismatch&) const { return "/derivation/output/binding_status"; }
        std::string operator()(const violation::type_class_incompatible& v) const {
            return "/derivation/rules_applied/" + number_text(v.index) + "/class";
        }
        std::string operator()(const violation::proven_authority_missing_artifact& v) const {
            return v.has_proof_rule ? "/artifact" : "/derivation/rules_applied";
        }
        std::string operator()(const violation::imposed_authority_missing_interception&) const { return "/derivation/rules_applied"; }
        std::string operator()(const violation::empty_class_set&) const { return "/derivation/rules_applied"; }
    };
    return std::visit(visitor{}, e);
}

/// One human sentence naming the invariant and the offending values.
[[nodiscard]] inline std::string message_of(const validation_error& e) {
    using detail::number_text;
    struct visitor {
        std::string operator()(const violation::no_inputs&) const { return "derivation has no inputs (ADG presence, property 4)"; }
        std::string operator()(const violation::no_rules_applied&) const { return "derivation applied no rules (ADG presence, property 4)"; }
        std::string operator()(const violation::input_confidence_out_of_range& v) const {
            return "input " + number_text(v.input) + " confidence " + number_text(v.value) + " is outside [0, 1]";
        }
        std::string operator()(const violation::input_confidence_nan& v) const {
            return "input " + number_text(v.input) + " confidence is NaN";
        }
        std::string operator()(const violation::output_confidence_invalid& v) const {
            return "output confidence " + number_text(v.value) + " is outside [0, 1] or NaN";
        }
        std::string operator()(const violation::tier_out_of_range& v) const {
            return "output tier " + number_text(v.tier) + " is outside [0, 4]";
        }
        std::string operator()(const violation::confidence_inflation& v) const {
            return "output confidence " + number_text(v.output) + " exceeds the best input confidence " +
                   number_text(v.max_input) + " (non-inflation, property 1)";
        }
        std::string operator()(const violation::tier_inflation& v) const {
            if (!v.envelope.empty())
                return "output tier " + number_text(v.output) + " exceeds the " + std::string(v.envelope) +
                       " envelope cap " + number_text(v.ceiling) + " (the classes alone, led by " +
                       std::string(to_wire(v.limiting_class)) + ", would allow more)";
            return "output tier " + number_text(v.output) + " exceeds the ceiling " + number_text(v.ceiling) +
                   " set by " + std::string(to_wire(v.limiting_class)) + " (tier non-inflation)";
        }
        std::string operator()(const violation::epistemic_mismatch& v) const {
            return "epistemic status " + std::string(to_wire(v.declared)) + " is not the canonical " +
                   std::string(to_wire(v.expected)) + " for the applied rule classes";
        }
        std::string operator()(const violation::rule_class_mismatch& v) const {
            return "rule " + std::string(to_wire(v.rule)) + " declares class " + std::string(to_wire(v.declared)) +
                   " but its canonical class is " + std::string(to_wire(v.canonical));
        }
        std::string operator()(const violation::binding_status_mismatch& v) const {
            return "binding status " + std::string(to_wire(v.declared)) + " is not the canonical " +
                   std::string(to_wire(v.expected));
        }
        std::string operator()(const violation::type_class_incompatible& v) const {
            return std::string(v.type_name) + " does not permit rule class " + std::string(to_wire(v.rejected)) +
                   " (permitted: " + detail::class_list(v.permitted) + ")";
        }
        std::string operator()(const violation::proven_authority_missing_artifact& v) const {
            return v.has_proof_rule ? "ProvenAuthority artifact has an empty identifier"
                                    : "ProvenAuthority needs at least one CRYPTOGRAPHIC_PROOF rule";
        }
        std::string operator()(const violation::imposed_authority_missing_interception&) const {
            return "ImposedAuthority needs at least one IMPOSED_INTERCEPTION rule";
        }
        std::string operator()(const violation::empty_class_set&) const { return "the rule-class set is empty"; }
    };
    return std::visit(visitor{}, e);
}

/// The error as the library's one problem record, losslessly: code_of(e) names the kind (one errc
/// per ValidationError kind, so `rule` stays empty), the pointer locates it, the message carries
/// every field of the variant.
[[nodiscard]] inline problem to_problem(const validation_error& e) {
    return make_problem(code_of(e), document_pointer(e), message_of(e));
}

}  // namespace cellos
