// tools/cellos/admission_cmd.hpp — `cellos spec validate|hash`, `cellos policy validate|check` and
// `cellos authz check`: the admission half of the library on files, with the contract of cli.hpp.
// A document that does not parse is one boundary error ({"valid": false, "error": …}); a document
// that parses but breaks rules lists every violation ({"valid": false, "violations": […]}).
#pragma once

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value_from.hpp>

#include "cellos/json.hpp"
#include "cellos/policy.hpp"
#include "cellos/trust.hpp"
#include "cli.hpp"

namespace cellos::cli {

inline constexpr std::string_view spec_help =
    "usage: cellos spec validate [--max-violations N] FILE|-\n"
    "       cellos spec hash FILE|-\n"
    "\n"
    "validate  strictly parse an ExecutionCellDocument and report every violated rule (code, rule,\n"
    "          JSON pointer, message); prints its canonical hash when valid.\n"
    "hash      canonical_spec_hash: sha256 of the RFC 8785 form of the decoded document.\n"
    "--max-violations N  list at most N violations (default 100), count the rest (\"total\", \"truncated\").\n"
    "Exit 0 valid / hashed, 1 rejected, 2 usage / I/O.\n";

inline constexpr std::string_view policy_help =
    "usage: cellos policy validate [--max-violations N] PACK\n"
    "       cellos policy check [--max-violations N] --pack PACK SPEC\n"
    "\n"
    "validate  strictly parse a PolicyPackDocument, check its structure and its version against the\n"
    "          floor (CELLOS_POLICY_ALLOW_DOWNGRADE=1 admits older packs).\n"
    "check     admission of SPEC (an ExecutionCellDocument) under PACK: every violated rule, in\n"
    "          PolicyRules order; a pack or spec that is itself invalid is reported instead, naming\n"
    "          which (\"document\": \"pack\" or \"spec\"). At most one of PACK and SPEC may be -.\n"
    "--max-violations N  list at most N violations (default 100), count the rest. Exit 0 admitted,\n"
    "          1 rejected, 2 usage / I/O.\n";

inline constexpr std::string_view authz_help =
    "usage: cellos authz check --policy POLICY --subject S [--pool X] [--pack Y] [--spec SPEC]\n"
    "                          [--cells-this-hour N] [--max-violations N]\n"
    "\n"
    "Decide whether subject S may admit a cell under the AuthorizationPolicyDocument POLICY. Pool and\n"
    "pack come from --pool/--pack, or from SPEC's placement.poolId and policy.packId. Errors name the\n"
    "document (\"policy\" or \"spec\"). Exit 0 allowed, 1 denied or rejected, 2 usage / I/O.\n";

/// Strictly decodes the document `role` names ("spec", "pack", "policy") from `text`, the bytes read
/// or the read's problem; on failure the error, which says which document failed, is already
/// printed (exit code in `code`).
template <class Doc>
std::optional<Doc> decode_document(std::string_view role, const checked<std::string>& text, int& code) {
    if (!text) {
        code = fail(text.error());
        return std::nullopt;
    }
    auto doc = json::parse_document<Doc>(text.value());
    if (!doc) {
        emit(boost::json::object{{"valid", false}, {"document", boost::json::string(role.data(), role.size())},
                                 {"error", problem_object(doc.error())}});
        code = rejected;
        return std::nullopt;
    }
    return std::move(doc).value();
}

/// Reads FILE|- and decodes it as the document `role` names (decode_document).
template <class Doc>
std::optional<Doc> load(std::string_view role, std::string_view path, int& code) {
    return decode_document<Doc>(role, read_input(path, config::json_max_bytes + 1, "the " + std::string(role) + " " + std::string(path)),
                                code);
}

/// The operator's downgrade decision, read here (the library never reads the environment).
inline allow_downgrade downgrade_from_environment() {
    const char* v = std::getenv(std::string(policy_allow_downgrade_env).c_str());
    return v != nullptr && std::string_view(v) == "1" ? allow_downgrade::yes : allow_downgrade::no;
}

inline int spec_command(args a) {
    const parsed_args p = parse_args(a, {"max-violations"});
    if (p.help) {
        std::cout << spec_help;
        return success;
    }
    if (p.error) return fail(errc::usage, *p.error, spec_help);
    const auto cap = max_violations_of(p);
    if (!cap) return fail(errc::usage, "--max-violations needs an integer in [0, 100000]", spec_help);
    if (p.positionals.size() != 2 || (p.positionals[0] != "validate" && p.positionals[0] != "hash"))
        return fail(errc::usage, "expected: spec validate FILE | spec hash FILE", spec_help);
    int code = 0;
    const auto doc = load<execution_cell_document>("spec", p.positionals[1], code);
    if (!doc) return code;
    const std::string hash = canonical_spec_hash(*doc);
    if (p.positionals[0] == "hash") {
        emit(boost::json::object{{"id", doc->spec.id}, {"hash", hash}});
        return success;
    }
    const auto violations = validate_execution_cell_document(*doc, *cap);
    if (!violations.empty()) {
        boost::json::object out{{"valid", false}, {"id", doc->spec.id}};
        put_violations(out, violations);
        emit(out);
        return rejected;
    }
    emit(boost::json::object{{"valid", true}, {"id", doc->spec.id}, {"hash", hash}});
    return success;
}

inline std::string_view version_verdict_name(policy_version_verdict v) {
    switch (v) {
        case policy_version_verdict::supported: return "supported";
        case policy_version_verdict::downgrade_allowed: return "downgradeAllowed";
        case policy_version_verdict::below_floor: return "belowFloor";
        case policy_version_verdict::not_semver: return "notSemver";
    }
    return "unknown";
}

/// Structural violations of a pack plus its version verdict (a refused version is one more violation).
inline problem_list pack_violations(const policy_pack_document& pack, policy_version_verdict verdict, std::size_t cap) {
    problem_list out = validate_policy_pack_document(pack, cap);
    if (verdict == policy_version_verdict::below_floor)
        out.push_back({errc::policy_version_unsupported, "version", "/spec/version",
                       "pack version is below the supported floor " + std::string(min_supported_policy_pack_version) +
                           " (set " + std::string(policy_allow_downgrade_env) + "=1 to allow a downgrade)"});
    return out;
}

inline int policy_command(args a) {
    const parsed_args p = parse_args(a, {"pack", "max-violations"});
    if (p.help) {
        std::cout << policy_help;
        return success;
    }
    if (p.error) return fail(errc::usage, *p.error, policy_help);
    const auto cap = max_violations_of(p);
    if (!cap) return fail(errc::usage, "--max-violations needs an integer in [0, 100000]", policy_help);
    int code = 0;
    if (p.positionals.size() == 2 && p.positionals[0] == "validate" && !p.option("pack")) {
        const auto pack = load<policy_pack_document>("pack", p.positionals[1], code);
        if (!pack) return code;
        const auto verdict = policy_pack_version_verdict(pack->spec, downgrade_from_environment());
        const auto violations = pack_violations(*pack, verdict, *cap);
        boost::json::object out{{"valid", violations.empty()}, {"id", pack->spec.id},
                                {"version", pack->spec.version.value_or(std::string(min_supported_policy_pack_version))},
                                {"versionVerdict", version_verdict_name(verdict)}};
        if (!violations.empty()) put_violations(out, violations);
        emit(out);
        return violations.empty() ? success : rejected;
    }
    if (p.positionals.size() == 2 && p.positionals[0] == "check" && p.option("pack")) {
        const auto pack = load<policy_pack_document>("pack", *p.option("pack"), code);
        if (!pack) return code;
        const auto spec = load<execution_cell_document>("spec", p.positionals[1], code);
        if (!spec) return code;
        // A broken pack or spec cannot be judged: report what is wrong with it instead (the pack first).
        auto invalid = pack_violations(*pack, policy_pack_version_verdict(pack->spec, downgrade_from_environment()), *cap);
        std::string_view broken = "pack";
        if (invalid.empty()) {
            invalid = validate_execution_cell_document(*spec, *cap);
            broken = "spec";
        }
        if (!invalid.empty()) {
            boost::json::object out{{"admitted", false}, {"document", broken}, {"pack", pack->spec.id}, {"spec", spec->spec.id}};
            put_violations(out, invalid);
            emit(out);
            return rejected;
        }
        const bool in_scope = spec_matches_placement_scope(pack->spec, spec->spec);
        const auto violations = validate_spec_against_policy(spec->spec, pack->spec, *cap);
        boost::json::object out{{"admitted", violations.empty()}, {"pack", pack->spec.id}, {"spec", spec->spec.id},
                                {"inScope", in_scope}};
        put_violations(out, violations);
        emit(out);
        return violations.empty() ? success : rejected;
    }
    return fail(errc::usage, "expected: policy validate PACK | policy check --pack PACK SPEC", policy_help);
}

inline int authz_command(args a) {
    const parsed_args p = parse_args(a, {"policy", "subject", "pool", "pack", "spec", "cells-this-hour", "max-violations"});
    if (p.help) {
        std::cout << authz_help;
        return success;
    }
    if (p.error) return fail(errc::usage, *p.error, authz_help);
    const auto cap = max_violations_of(p);
    if (!cap) return fail(errc::usage, "--max-violations needs an integer in [0, 100000]", authz_help);
    if (p.positionals.size() != 1 || p.positionals[0] != "check" || !p.option("policy") || !p.option("subject"))
        return fail(errc::usage, "expected: authz check --policy POLICY --subject S", authz_help);
    if (p.option("spec") && (p.option("pool") || p.option("pack")))
        return fail(errc::usage, "give --spec or --pool/--pack, not both", authz_help);
    std::uint32_t count = 0;
    if (const auto n = p.option("cells-this-hour")) {
        const auto v = parse_count(*n, UINT32_MAX);
        if (!v) return fail(errc::usage, "--cells-this-hour needs an integer in [0, 4294967295]", authz_help);
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
