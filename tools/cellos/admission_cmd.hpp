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
    "usage: cellos spec validate FILE|-\n"
    "       cellos spec hash FILE|-\n"
    "\n"
    "validate  strictly parse an ExecutionCellDocument and report every violated rule (code, rule,\n"
    "          JSON pointer, message); prints its canonical hash when valid.\n"
    "hash      canonical_spec_hash: sha256 of the RFC 8785 form of the decoded document.\n"
    "Exit 0 valid / hashed, 1 rejected, 2 usage / I/O.\n";

inline constexpr std::string_view policy_help =
    "usage: cellos policy validate PACK\n"
    "       cellos policy check --pack PACK SPEC\n"
    "\n"
    "validate  strictly parse a PolicyPackDocument, check its structure and its version against the\n"
    "          floor (CELLOS_POLICY_ALLOW_DOWNGRADE=1 admits older packs).\n"
    "check     admission of SPEC (an ExecutionCellDocument) under PACK: every violated rule, in\n"
    "          PolicyRules order. Exit 0 admitted, 1 rejected, 2 usage / I/O.\n";

inline constexpr std::string_view authz_help =
    "usage: cellos authz check --policy POLICY --subject S [--pool X] [--pack Y] [--spec SPEC]\n"
    "                          [--cells-this-hour N]\n"
    "\n"
    "Decide whether subject S may admit a cell under the AuthorizationPolicyDocument POLICY. Pool and\n"
    "pack come from --pool/--pack, or from SPEC's placement.poolId and policy.packId. Exit 0 allowed,\n"
    "1 denied or rejected, 2 usage / I/O.\n";

/// Reads and strictly decodes a document; on failure the error is already printed (exit code in `code`).
template <class Doc>
std::optional<Doc> load(std::string_view path, int& code) {
    const auto text = read_input(path);
    if (!text) {
        code = fail(errc::io_error, "cannot read " + std::string(path));
        return std::nullopt;
    }
    auto doc = json::parse_document<Doc>(*text);
    if (!doc) {
        code = reject(doc.error());
        return std::nullopt;
    }
    return std::move(doc).value();
}

/// The operator's downgrade decision, read here (the library never reads the environment).
inline allow_downgrade downgrade_from_environment() {
    const char* v = std::getenv(std::string(policy_allow_downgrade_env).c_str());
    return v != nullptr && std::string_view(v) == "1" ? allow_downgrade::yes : allow_downgrade::no;
}

inline int spec_command(args a) {
    const parsed_args p = parse_args(a, {});
    if (p.help) {
        std::cout << spec_help;
        return success;
    }
    if (p.error) return fail(errc::usage, *p.error, spec_help);
    if (p.positionals.size() != 2 || (p.positionals[0] != "validate" && p.positionals[0] != "hash"))
        return fail(errc::usage, "expected: spec validate FILE | spec hash FILE", spec_help);
    int code = 0;
    const auto doc = load<execution_cell_document>(p.positionals[1], code);
    if (!doc) return code;
    const std::string hash = canonical_spec_hash(*doc);
    if (p.positionals[0] == "hash") {
        emit(boost::json::object{{"id", doc->spec.id}, {"hash", hash}});
        return success;
    }
    const auto violations = validate_execution_cell_document(*doc);
    if (!violations.empty()) {
        emit(boost::json::object{{"valid", false}, {"id", doc->spec.id}, {"violations", problem_array(violations)}});
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
inline problem_list pack_violations(const policy_pack_document& pack, policy_version_verdict verdict) {
    problem_list out = validate_policy_pack_document(pack);
    if (verdict == policy_version_verdict::below_floor)
        out.push_back({errc::policy_version_unsupported, "version", "/spec/version",
                       "pack version is below the supported floor " + std::string(min_supported_policy_pack_version) +
                           " (set " + std::string(policy_allow_downgrade_env) + "=1 to allow a downgrade)"});
    return out;
}

inline int policy_command(args a) {
    const parsed_args p = parse_args(a, {"pack"});
    if (p.help) {
        std::cout << policy_help;
        return success;
    }
    if (p.error) return fail(errc::usage, *p.error, policy_help);
    int code = 0;
    if (p.positionals.size() == 2 && p.positionals[0] == "validate" && !p.option("pack")) {
        const auto pack = load<policy_pack_document>(p.positionals[1], code);
        if (!pack) return code;
        const auto verdict = policy_pack_version_verdict(pack->spec, downgrade_from_environment());
        const auto violations = pack_violations(*pack, verdict);
        boost::json::object out{{"valid", violations.empty()}, {"id", pack->spec.id},
                                {"version", pack->spec.version.value_or(std::string(min_supported_policy_pack_version))},
                                {"versionVerdict", version_verdict_name(verdict)}};
        if (!violations.empty()) out["violations"] = problem_array(violations);
        emit(out);
        return violations.empty() ? success : rejected;
    }
    if (p.positionals.size() == 2 && p.positionals[0] == "check" && p.option("pack")) {
        const auto pack = load<policy_pack_document>(*p.option("pack"), code);
        if (!pack) return code;
        const auto spec = load<execution_cell_document>(p.positionals[1], code);
        if (!spec) return code;
        // A broken pack or spec cannot be judged: report what is wrong with it instead.
        auto invalid = pack_violations(*pack, policy_pack_version_verdict(pack->spec, downgrade_from_environment()));
        for (auto& v : validate_execution_cell_document(*spec)) invalid.push_back(std::move(v));
        if (!invalid.empty()) {
            emit(boost::json::object{{"admitted", false}, {"pack", pack->spec.id}, {"spec", spec->spec.id},
                                     {"violations", problem_array(invalid)}});
            return rejected;
        }
        const bool in_scope = spec_matches_placement_scope(pack->spec, spec->spec);
        const auto violations = validate_spec_against_policy(spec->spec, pack->spec);
        emit(boost::json::object{{"admitted", violations.empty()}, {"pack", pack->spec.id}, {"spec", spec->spec.id},
                                 {"inScope", in_scope}, {"violations", problem_array(violations)}});
        return violations.empty() ? success : rejected;
    }
    return fail(errc::usage, "expected: policy validate PACK | policy check --pack PACK SPEC", policy_help);
}

inline int authz_command(args a) {
    const parsed_args p = parse_args(a, {"policy", "subject", "pool", "pack", "spec", "cells-this-hour"});
    if (p.help) {
        std::cout << authz_help;
        return success;
    }
    if (p.error) return fail(errc::usage, *p.error, authz_help);
    if (p.positionals.size() != 1 || p.positionals[0] != "check" || !p.option("policy") || !p.option("subject"))
        return fail(errc::usage, "expected: authz check --policy POLICY --subject S", authz_help);
    if (p.option("spec") && (p.option("pool") || p.option("pack")))
        return fail(errc::usage, "give --spec or --pool/--pack, not both", authz_help);
    std::uint32_t count = 0;
    if (const auto n = p.option("cells-this-hour")) {
        const std::string s(*n);
        char* end = nullptr;
        const unsigned long long v = s.empty() || s.front() == '-' ? 0 : std::strtoull(s.c_str(), &end, 10);
        if (s.empty() || end == nullptr || *end != '\0' || v > UINT32_MAX)
            return fail(errc::usage, "--cells-this-hour needs an integer in [0, 4294967295]", authz_help);
        count = static_cast<std::uint32_t>(v);
    }
    int code = 0;
    const auto policy = load<authorization_policy_document>(*p.option("policy"), code);
    if (!policy) return code;
    if (const auto invalid = validate_authorization_policy(*policy); !invalid.empty()) {
        emit(boost::json::object{{"allowed", false}, {"violations", problem_array(invalid)}});
        return rejected;
    }
    authorization_request req{*p.option("subject"), p.option("pool"), p.option("pack"), count};
    std::optional<execution_cell_document> spec;
    if (p.option("spec")) {
        spec = load<execution_cell_document>(*p.option("spec"), code);
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
