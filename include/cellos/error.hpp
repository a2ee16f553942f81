// cellos/error.hpp — the library's single error enum `cellos::errc`, registered as a Boost.System
// error category, and `cellos::result<T>` on Boost.Outcome. Codes are append-only: their
// snake_case names are a stable wire contract (CLI "code" field, docs/errors.md).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <system_error>

#include <boost/outcome/result.hpp>
#include <boost/outcome/try.hpp>
#include <boost/system/error_category.hpp>
#include <boost/system/error_code.hpp>

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
};

namespace detail {

inline constexpr std::array<std::string_view, 44> errc_names{
    "success",
    "malformed_json",
    "input_too_large",
    "nesting_too_deep",
    "invalid_utf8",
    "duplicate_key",
    "unknown_field",
    "missing_field",
    "wrong_type",
    "unknown_enum_value",
    "number_out_of_range",
    "invalid_value",
    "no_inputs",
    "no_rules_applied",
    "input_confidence_out_of_range",
    "input_confidence_nan",
    "output_confidence_invalid",
    "tier_out_of_range",
    "confidence_inflation",
    "tier_inflation",
    "epistemic_mismatch",
    "rule_class_mismatch",
    "binding_status_mismatch",
    "type_class_incompatible",
    "proven_authority_missing_artifact",
    "imposed_authority_missing_interception",
    "empty_class_set",
    "usage",
    "io_error",
    "invalid_spec",
    "argv_too_large",
    "invalid_policy",
    "policy_violation",
    "policy_version_unsupported",
    "unauthorized",
    "unsupported_spec_version",
    "empty_attribute",
    "invalid_attribute_name",
    "invalid_timestamp",
    "invalid_media_type",
    "invalid_uri",
    "invalid_base64",
    "conflicting_fields",
    "invalid_transition",
};
static_assert(errc_names.size() == static_cast<std::size_t>(errc::invalid_transition) + 1, "one name per code");

}  // namespace detail

/// Stable snake_case name of a code ("tier_inflation"); "unknown" for values outside the enum.
[[nodiscard]] constexpr std::string_view errc_name(errc e) noexcept {
    const auto i = static_cast<int>(e);
    return i >= 0 && static_cast<std::size_t>(i) < detail::errc_names.size() ? detail::errc_names[static_cast<std::size_t>(i)]
                                                                              : std::string_view{"unknown"};
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

/// The library's result type: a value or a `boost::system::error_code` (usually a `cellos::errc`).
template <class T>
using result = boost::outcome_v2::result<T>;

}  // namespace cellos

template <>
struct boost::system::is_error_code_enum<cellos::errc> : std::true_type {};
