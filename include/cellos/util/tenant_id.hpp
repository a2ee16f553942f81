// cellos/util/tenant_id.hpp — tenant ids are interpolated into NATS subjects
// (`cellos.<tenant>.…`), so a tenant id must be exactly one subject token: a '.' would add a level
// and '*' / '>' would turn a publish subject into a wildcard. Upstream
// `validate_tenant_id_for_subject_token`; the reserved set beyond NATS's own is our choice.
#pragma once

#include <string_view>

#include "cellos/error.hpp"

namespace cellos {

/// Why `token` cannot be one NATS subject token, or "" when it can. Our choice of rules: non-empty;
/// no '.', '*', '>'; no ASCII whitespace or control character (0x00–0x20, 0x7F); and no byte
/// ≥ 0x80, i.e. ASCII only, so that Unicode spaces (U+00A0, U+2028) and look-alikes never reach a
/// subject. No length limit (NATS has none per token).
[[nodiscard]] constexpr std::string_view subject_token_problem(std::string_view token) noexcept {
    if (token.empty()) return "must not be empty";
    for (const char ch : token) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '.') return "must not contain '.' (the NATS subject token separator)";
        if (c == '*' || c == '>') return "must not contain '*' or '>' (NATS subject wildcards)";
        if (c <= 0x20 || c == 0x7F) return "must not contain whitespace or control characters";
        if (c >= 0x80) return "must be ASCII";
    }
    return {};
}

/// `token` is usable as one NATS subject token (see subject_token_problem for the rules).
[[nodiscard]] constexpr bool is_subject_token_safe(std::string_view token) noexcept {
    return subject_token_problem(token).empty();
}

/// Admission check for a spec's tenant id. Fails with errc::invalid_spec (upstream
/// CellosError::InvalidSpec); subject_token_problem(tenant_id) says why.
[[nodiscard]] inline result<void> validate_tenant_id_for_subject_token(std::string_view tenant_id) {
    if (!is_subject_token_safe(tenant_id)) return errc::invalid_spec;
    return boost::outcome_v2::success();
}

}  // namespace cellos
