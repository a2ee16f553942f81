// cellos/error.hpp — the library's single error enum `cellos::errc`, registered as a Boost.System
// error category, the conditions that group the codes (`cellos::condition`), and `cellos::result<T>`
// on Boost.Outcome. One table (`detail::errc_table`) holds each code's name and condition. Codes are
// append-only: their snake_case names are a stable wire contract (CLI "code" field, docs/errors.md).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <system_error>

#include <boost/outcome/result.hpp>
#include <boost/outcome/try.hpp>
#include <boost/system/error_category.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/error_condition.hpp>

namespace cellos {

enum class errc : int {
    // 0 is success, as for every error_code enum.
    // --- the strict JSON boundary -------------------------------------------------------------
    malformed_json = 1,    ///< not JSON at all, truncated, trailing garbage
    input_too_large,       ///< document exceeds the configured byte limit
    nesting_too_deep,      ///< arrays/objects nested deeper than the limit
    invalid_utf8,          ///< a string is not valid UTF-8
    duplicate_key,         ///< the same member name twice in one object
    unknown_field,         ///< a member the schema does not define
    missing_field,         ///< a required member is absent
    wrong_type,            ///< e.g. a string where a number is required
    unknown_enum_value,    ///< a string that names no enumerator
    number_out_of_range,   ///< non-finite, or outside the target type's range
    invalid_value,         ///< well-typed but malformed (e.g. an artifact object without exactly one member)
    // --- authority validation: the 15 upstream ValidationError kinds, in declaration order -----
    no_inputs,
    no_rules_applied,
    input_confidence_out_of_range,
    input_confidence_nan,
    output_confidence_invalid,
    tier_out_of_range,
    confidence_inflation,
    tier_inflation,
    epistemic_mismatch,
    rule_class_mismatch,
    binding_status_mismatch,
    type_class_incompatible,
    proven_authority_missing_artifact,
    imposed_authority_missing_interception,
    empty_class_set,
    // --- tools --------------------------------------------------------------------------------
    usage,     ///< command-line misuse (exit code 2)
    io_error,  ///< a file could not be read (exit code 2)
    // --- admission: specs, policy packs, RBAC (upstream CellosError variants where they exist) ---
    invalid_spec,                ///< a spec violates a validation rule (CellosError::InvalidSpec)
    argv_too_large,              ///< run.argv exceeds the kernel-cmdline budget (CellosError::ArgvTooLarge)
    invalid_policy,              ///< a policy pack / authorization policy violates a structural rule
    policy_violation,            ///< a spec violates a rule of a policy pack in force
    policy_version_unsupported,  ///< a pack's version is below MIN_SUPPORTED_POLICY_PACK_VERSION
    unauthorized,                ///< the RBAC gate (AuthorizationPolicy) denies the request
    // --- CloudEvents v1.0 (events/cloud_event.hpp, json/cloud_event.hpp) -----------------------
    unsupported_spec_version,    ///< specversion is not "1.0" (also: a batch mixing specversions)
    empty_attribute,             ///< a context attribute is "" (required ones, datacontenttype, dataschema, subject, time)
    invalid_attribute_name,      ///< an attribute name breaks [a-z0-9]{1,20}, or is reserved
    invalid_timestamp,           ///< not an RFC 3339 date-time
    invalid_media_type,          ///< datacontenttype is not RFC 2046 media type syntax
    invalid_uri,                 ///< source is not a URI-reference, dataschema not an absolute URI (RFC 3986)
    invalid_base64,              ///< data_base64 is not canonical RFC 4648 base64
    conflicting_fields,          ///< members that exclude each other are both present (data and data_base64)
    // --- lifecycle ------------------------------------------------------------------------------
    invalid_transition,          ///< a recorded stage history leaves the transition table
    // --- event payloads and ports (upstream CellosError variants) --------------------------------
    unknown_event_type,          ///< a valid envelope whose type the CellOS vocabulary does not define
    host_error,                  ///< CellosError::Host
    event_sink_error,            ///< CellosError::EventSink
    secret_broker_error,         ///< CellosError::SecretBroker
    export_sink_error,           ///< CellosError::ExportSink
    lifecycle_error,             ///< CellosError::Lifecycle
    inference_broker_error,      ///< CellosError::InferenceBroker
    // --- the trust plane (cellos/trust/) ----------------------------------------------------------
    invalid_key,                 ///< a key is not of the required length, encoding or kind
    unknown_key_id,              ///< no trusted key has this key id (kid)
    algorithm_mismatch,          ///< the algorithm named is not the one the key is for, or unknown
    signature_invalid,           ///< a signature or MAC does not verify, or is not in canonical form
    crypto_failure,              ///< the crypto provider itself failed (an exception was caught)
    // --- streams ------------------------------------------------------------------------------------
    empty_input,                 ///< a stream that must hold at least one item holds none (JSON Lines)
    // --- trust chains, thresholds and scopes (cellos/trust/) ---------------------------------------
    threshold_not_met,           ///< fewer distinct trusted signers than required
    outside_validity_window,     ///< used before its notBefore or at/after its notAfter
    version_rollback,            ///< a version or sequence not above the last one accepted (rollback, replay)
    chain_broken,                ///< a link's previous digest is not the digest of the link before it
    chain_gap,                   ///< a position of a chain is missing (dropped, or truncated before its expected head)
    chain_fork,                  ///< two different entries claim one position of a chain
    scope_exceeded,              ///< a token or declared surface claims more than was granted
    // --- formations (ADR-0010) and state projection ----------------------------------------------
    formation_cycle,                      ///< the authorizedBy graph has a cycle (FormationCycle)
    formation_multiple_coordinators,      ///< more than one coordinator (FormationMultipleCoordinators)
    formation_no_coordinator,             ///< no coordinator (FormationNoCoordinator)
    formation_authority_not_narrowing,    ///< a member's authority exceeds its authoriser's (FormationAuthorityNotNarrowing)
    formation_unknown_member,             ///< a reference names no member of the formation
    projection_cell_mismatch,             ///< an event for another cell than the one projected
};

/// What a code is about, for callers that branch on the kind of failure rather than the code
/// (Boost.JSON's `condition` idea): `ec == cellos::condition::schema_violation`.
enum class condition : int {
    // 0 is "no condition", as for every error_condition enum.
    malformed_input = 1,   ///< not a well-formed document: syntax, encoding, duplicate keys
    limit_exceeded,        ///< a size, depth or range limit
    schema_violation,      ///< well-formed, but not the document's shape or a field's grammar
    rule_violation,        ///< well-shaped, but a validation or policy rule refuses it
    authority_violation,   ///< an authority derivation breaks the ADG / §14 invariants
    access_denied,         ///< the RBAC gate refused the request
    port_failure,          ///< a backend, sink or broker failed (upstream CellosError variants)
    io_failure,            ///< a file or stream could not be read or written
    usage_error,           ///< the caller misused an API or the CLI
};

namespace detail {

struct errc_entry {
    std::string_view name;       ///< stable snake_case name (the CLI's "code")
    cellos::condition condition;
    std::string_view summary;    ///< one line, for docs/errors.md and --help
};

/// The one table of codes: index = value. docs/errors.md is checked against it (tests/docs).
inline constexpr std::array<errc_entry, 70> errc_table{{
    {"success", condition{}, "no error"},
    {"malformed_json", condition::malformed_input, "not JSON, truncated, empty, or text after the document"},
    {"input_too_large", condition::limit_exceeded, "the text exceeds the document byte limit"},
    {"nesting_too_deep", condition::limit_exceeded, "arrays/objects nested deeper than the depth limit"},
    {"invalid_utf8", condition::malformed_input, "the text is not valid UTF-8"},
    {"duplicate_key", condition::malformed_input, "the same member name twice in one object"},
    {"unknown_field", condition::schema_violation, "a member the schema does not define"},
    {"missing_field", condition::schema_violation, "a required member is absent"},
    {"wrong_type", condition::schema_violation, "a JSON type other than the expected one"},
    {"unknown_enum_value", condition::schema_violation, "a string that names no enumerator"},
    {"number_out_of_range", condition::limit_exceeded, "a number outside the target type or beyond +-2^53"},
    {"invalid_value", condition::schema_violation, "well-typed but malformed"},
    {"no_inputs", condition::authority_violation, "ValidationError::NoInputs"},
    {"no_rules_applied", condition::authority_violation, "ValidationError::NoRulesApplied"},
    {"input_confidence_out_of_range", condition::authority_violation, "ValidationError::InputConfidenceOutOfRange"},
    {"input_confidence_nan", condition::authority_violation, "ValidationError::InputConfidenceNaN"},
    {"output_confidence_invalid", condition::authority_violation, "ValidationError::OutputConfidenceInvalid"},
    {"tier_out_of_range", condition::authority_violation, "ValidationError::TierOutOfRange"},
    {"confidence_inflation", condition::authority_violation, "ValidationError::ConfidenceInflation"},
    {"tier_inflation", condition::authority_violation, "ValidationError::TierInflation"},
    {"epistemic_mismatch", condition::authority_violation, "ValidationError::EpistemicMismatch"},
    {"rule_class_mismatch", condition::authority_violation, "ValidationError::RuleClassMismatch"},
    {"binding_status_mismatch", condition::authority_violation, "ValidationError::BindingStatusMismatch"},
    {"type_class_incompatible", condition::authority_violation, "ValidationError::TypeClassIncompatible"},
    {"proven_authority_missing_artifact", condition::authority_violation, "ValidationError::ProvenAuthorityMissingArtifact"},
    {"imposed_authority_missing_interception", condition::authority_violation, "ValidationError::ImposedAuthorityMissingInterception"},
    {"empty_class_set", condition::authority_violation, "ValidationError::EmptyClassSet"},
    {"usage", condition::usage_error, "command-line or API misuse"},
    {"io_error", condition::io_failure, "a file or stream could not be read or written"},
    {"invalid_spec", condition::rule_violation, "a spec breaks a validation rule (CellosError::InvalidSpec)"},
    {"argv_too_large", condition::rule_violation, "run.argv exceeds the kernel-cmdline budget (CellosError::ArgvTooLarge)"},
    {"invalid_policy", condition::rule_violation, "a policy pack or authorization policy breaks a structural rule"},
    {"policy_violation", condition::rule_violation, "a spec breaks a rule of a policy pack in force"},
    {"policy_version_unsupported", condition::rule_violation, "a pack's version is below the supported floor"},
    {"unauthorized", condition::access_denied, "the RBAC gate denies the request"},
    {"unsupported_spec_version", condition::schema_violation, "CloudEvents specversion is not \"1.0\""},
    {"empty_attribute", condition::schema_violation, "a CloudEvents attribute is the empty string"},
    {"invalid_attribute_name", condition::schema_violation, "a CloudEvents attribute name breaks [a-z0-9]{1,20} or is reserved"},
    {"invalid_timestamp", condition::schema_violation, "not an RFC 3339 date-time"},
    {"invalid_media_type", condition::schema_violation, "not RFC 2046 media type syntax"},
    {"invalid_uri", condition::schema_violation, "not an RFC 3986 URI(-reference)"},
    {"invalid_base64", condition::schema_violation, "not canonical RFC 4648 base64"},
    {"conflicting_fields", condition::schema_violation, "members that exclude each other are both present"},
    {"invalid_transition", condition::rule_violation, "a stage history leaves the transition table"},
    {"unknown_event_type", condition::schema_violation, "a valid envelope whose type is not in the CellOS vocabulary"},
    {"host_error", condition::port_failure, "a cell backend failed (CellosError::Host)"},
    {"event_sink_error", condition::port_failure, "an event sink failed (CellosError::EventSink)"},
    {"secret_broker_error", condition::port_failure, "a secret broker failed (CellosError::SecretBroker)"},
    {"export_sink_error", condition::port_failure, "an export sink failed (CellosError::ExportSink)"},
    {"lifecycle_error", condition::port_failure, "a lifecycle step failed (CellosError::Lifecycle)"},
    {"inference_broker_error", condition::port_failure, "an inference broker failed (CellosError::InferenceBroker)"},
    {"invalid_key", condition::schema_violation, "a key is not of the required length, encoding or kind"},
    {"unknown_key_id", condition::rule_violation, "no trusted key has this key id (kid)"},
    {"algorithm_mismatch", condition::rule_violation, "the algorithm named is unknown or not the one the key is for"},
    {"signature_invalid", condition::rule_violation, "a signature or MAC does not verify, or is not in canonical form"},
    {"crypto_failure", condition::port_failure, "the crypto provider failed"},
    {"empty_input", condition::schema_violation, "a stream holds no item where one is required (an empty JSON Lines stream)"},
    {"threshold_not_met", condition::rule_violation, "fewer distinct trusted signers than required"},
    {"outside_validity_window", condition::rule_violation, "used before its notBefore or at/after its notAfter"},
    {"version_rollback", condition::rule_violation, "a version or sequence not above the last one accepted (rollback, replay)"},
    {"chain_broken", condition::rule_violation, "a link's previous digest is not the digest of the link before it"},
    {"chain_gap", condition::rule_violation, "a chain position is missing (dropped, or truncated before the expected head)"},
    {"chain_fork", condition::rule_violation, "two different entries claim one position of a chain"},
    {"scope_exceeded", condition::authority_violation, "a token or declared surface claims more than was granted"},
    {"formation_cycle", condition::rule_violation, "the formation's authorizedBy graph has a cycle"},
    {"formation_multiple_coordinators", condition::rule_violation, "the formation has more than one coordinator"},
    {"formation_no_coordinator", condition::rule_violation, "the formation has no coordinator"},
    {"formation_authority_not_narrowing", condition::authority_violation, "a member's authority is not within its authoriser's"},
    {"formation_unknown_member", condition::rule_violation, "a reference names no member of the formation"},
    {"projection_cell_mismatch", condition::rule_violation, "the event is for another cell than the one projected"},
}};
static_assert(errc_table.size() == static_cast<std::size_t>(errc::projection_cell_mismatch) + 1, "one entry per code");

inline constexpr std::array<std::string_view, 10> condition_names{
    "none", "malformed_input", "limit_exceeded", "schema_violation", "rule_violation",
    "authority_violation", "access_denied", "port_failure", "io_failure", "usage_error"};
static_assert(condition_names.size() == static_cast<std::size_t>(condition::usage_error) + 1, "one name per condition");

/// Whether `value` names a code. By index, not by pointer: g++ 12 with ASan/UBSan cannot compare
/// pointers into a table in constant expressions.
[[nodiscard]] constexpr bool is_errc_value(int value) noexcept {
    return value >= 0 && static_cast<std::size_t>(value) < errc_table.size();
}

}  // namespace detail

/// Stable snake_case name of a code ("tier_inflation"); "unknown" for values outside the enum.
[[nodiscard]] constexpr std::string_view errc_name(errc e) noexcept {
    const int v = static_cast<int>(e);
    return detail::is_errc_value(v) ? detail::errc_table[static_cast<std::size_t>(v)].name : std::string_view{"unknown"};
}

/// The condition a code belongs to (condition{} for success and unknown values).
[[nodiscard]] constexpr condition condition_of(errc e) noexcept {
    const int v = static_cast<int>(e);
    return detail::is_errc_value(v) ? detail::errc_table[static_cast<std::size_t>(v)].condition : condition{};
}

/// Stable snake_case name of a condition ("schema_violation").
[[nodiscard]] constexpr std::string_view condition_name(condition c) noexcept {
    const auto i = static_cast<std::size_t>(c);
    return i < detail::condition_names.size() ? detail::condition_names[i] : std::string_view{"unknown"};
}

namespace detail {

// Named (not anonymous) namespace so that every TU shares one category object: error_code
// compares categories by address.
class errc_category final : public boost::system::error_category {
public:
    // A fixed id makes categories compare equal even across shared-library copies.
    constexpr errc_category() noexcept : boost::system::error_category(0xce1105c0de000001ULL) {}
    [[nodiscard]] const char* name() const noexcept override { return "cellos"; }
    [[nodiscard]] std::string message(int ev) const override {
        return std::string(errc_name(static_cast<errc>(ev)));
    }
};

}  // namespace detail

[[nodiscard]] inline const boost::system::error_category& error_category() noexcept {
    static const detail::errc_category category;
    return category;
}

[[nodiscard]] inline boost::system::error_code make_error_code(errc e) noexcept {
    return {static_cast<int>(e), error_category()};
}

namespace detail {

class condition_category_impl final : public boost::system::error_category {
public:
    constexpr condition_category_impl() noexcept : boost::system::error_category(0xce1105c0de000002ULL) {}
    [[nodiscard]] const char* name() const noexcept override { return "cellos.condition"; }
    [[nodiscard]] std::string message(int ev) const override {
        return std::string(condition_name(static_cast<cellos::condition>(ev)));
    }
    // A cellos error code belongs to the condition its table entry names.
    [[nodiscard]] bool equivalent(const boost::system::error_code& code, int cond) const noexcept override {
        return code.category() == cellos::error_category() &&
               static_cast<int>(condition_of(static_cast<errc>(code.value()))) == cond && cond != 0;
    }
};

}  // namespace detail

[[nodiscard]] inline const boost::system::error_category& condition_category() noexcept {
    static const detail::condition_category_impl category;
    return category;
}

[[nodiscard]] inline boost::system::error_condition make_error_condition(condition c) noexcept {
    return {static_cast<int>(c), condition_category()};
}

/// The library's result type: a value or a `boost::system::error_code` (usually a `cellos::errc`).
template <class T>
using result = boost::outcome_v2::result<T>;

}  // namespace cellos

template <>
struct boost::system::is_error_code_enum<cellos::errc> : std::true_type {};
template <>
struct boost::system::is_error_condition_enum<cellos::condition> : std::true_type {};
