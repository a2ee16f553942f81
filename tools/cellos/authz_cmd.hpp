// tools/cellos/authz_cmd.hpp — `cellos authz check`: the RBAC decision of an AuthorizationPolicyDocument for a subject,
// from explicit pool/pack or from a spec's placement and policy.
#pragma once

#include <array>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value_from.hpp>

#include "admission_io.hpp"
#include "cli.hpp"

namespace cellos::cli {

inline int authz_run(const parsed_args& p);

inline constexpr std::array<std::string_view, 1> authz_usage{"check --policy POLICY --subject S [--pool X] [--pack Y] [--spec SPEC] [--cells-this-hour N] [--max-violations N]"};
inline constexpr std::array<std::string_view, 7> authz_options{"policy", "subject", "pool", "pack", "spec", "cells-this-hour", "max-violations"};
inline constexpr std::array<std::string_view, 1> authz_subcommands{"check"};
inline constexpr command authz_command{
    "authz",
    authz_usage,
    "the RBAC decision of an AuthorizationPolicyDocument",
    "Decide whether subject S may admit a cell under the AuthorizationPolicyDocument POLICY. Pool and\n"
    "pack come from --pool/--pack, or from SPEC's placement.poolId and policy.packId. Errors name the\n"
    "document (\"policy\" or \"spec\"). Exit 0 allowed, 1 denied or rejected, 2 usage / I/O.\n",
    option_spec{authz_options, {}, {}},
    authz_subcommands,
    authz_run};

inline int authz_run(const parsed_args& p) {
    const auto cap = max_violations_of(p);
    if (!cap) return fail(errc::usage, "--max-violations needs an integer in [0, 100000]", help_text(authz_command));
    if (p.positionals.size() != 1 || p.positionals[0] != "check" || !p.option("policy") || !p.option("subject"))
        return fail(errc::usage, "expected: authz check --policy POLICY --subject S", help_text(authz_command));
    if (p.option("spec") && (p.option("pool") || p.option("pack")))
        return fail(errc::usage, "give --spec or --pool/--pack, not both", help_text(authz_command));
    std::uint32_t count = 0;
    if (const auto n = p.option("cells-this-hour")) {
        const auto v = parse_count(*n, UINT32_MAX);
        if (!v) return fail(errc::usage, "--cells-this-hour needs an integer in [0, 4294967295]", help_text(authz_command));
        count = static_cast<std::uint32_t>(*v);
    }
    int code = 0;
    const auto policy = load<authorization_policy_document>("policy", *p.option("policy"), code);
    if (!policy) return code;
    if (const auto invalid = validate_authorization_policy(*policy, *cap); !invalid.empty()) {
        boost::json::object out{{"allowed", false}, {"document", "policy"}};
        put_violations(out, invalid);
        emit(out);
        return rejected;
    }
    authorization_request req{*p.option("subject"), p.option("pool"), p.option("pack"), count};
    std::optional<execution_cell_document> spec;
    if (p.option("spec")) {
        spec = load<execution_cell_document>("spec", *p.option("spec"), code);
        if (!spec) return code;
        req = authorization_request_for(*p.option("subject"), spec->spec, count);
    }
    const authorization_verdict verdict = authorize(policy->spec, req);
    boost::json::object out{{"allowed", verdict == authorization_verdict::allowed},
                            {"verdict", boost::json::value_from(verdict)},
                            {"subject", boost::json::string(req.subject.data(), req.subject.size())}};
    if (req.pool_id) out["pool"] = boost::json::string(req.pool_id->data(), req.pool_id->size());
    if (req.policy_pack_id) out["pack"] = boost::json::string(req.policy_pack_id->data(), req.policy_pack_id->size());
    if (verdict != authorization_verdict::allowed) out["code"] = errc_name(errc::unauthorized);
    emit(out);
    return verdict == authorization_verdict::allowed ? success : rejected;
}

}  // namespace cellos::cli
