// cellos/spec/rules.hpp — the single table of document validation rules (specs, policy packs,
// authorization policies): stable camelCase id, errc and
// message. The checks (spec/validate.hpp) name rules from this table only, so the compile-time
// verdict, the JSON-boundary report and the docs (docs/spec.md#rules) cannot drift apart.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cellos/detail/enum_table.hpp"
#include "cellos/error.hpp"

namespace cellos {

enum class spec_rule {
    api_version,
    kind,
    portable_identifier,
    sha256_digest,
    bounded_text,
    tenant_id,
    unique,
    ingress_source,
    git_url,
    git_commit,
    absolute_path,
    env_var_name,
    env_var_value,
    workload_identity,
    egress_host,
    egress_port,
    dns_resolvers,
    resolver_endpoint,
    allowlist_entry,
    refresh_window,
    positive,
    cpu_period,
    argv_non_empty,
    argv_element,
    argv_too_large,
    within_lifetime,
    artifact_name,
    export_target,
    s3_bucket,
    semver_version,
    temperature_range,
    non_empty,
    envelope_kind,
    contradictory_rules,
    safe_integer,
};

template <>
struct detail::enum_names<spec_rule> {
    static constexpr std::array<std::string_view, 35> wire{
        "apiVersion",     "kind",           "portableIdentifier", "sha256Digest",   "boundedText",   "tenantId",
        "unique",         "ingressSource",  "gitUrl",             "gitCommit",      "absolutePath",  "envVarName",
        "envVarValue",    "workloadIdentity", "egressHost",       "egressPort",     "dnsResolvers",  "resolverEndpoint",
        "allowlistEntry", "refreshWindow",  "positive",           "cpuPeriod",      "argvNonEmpty",  "argvElement",
        "argvTooLarge",   "withinLifetime", "artifactName",       "exportTarget",   "s3Bucket",      "semver",
        "temperatureRange", "nonEmpty",     "envelopeKind",     "contradictoryRules", "safeInteger"};
};

struct spec_rule_info {
    /// errc{} for the rules every document shares (identifiers, text, duplicates…): they take the
    /// code of the document being checked (invalid_spec for specs, invalid_policy for packs and
    /// authorization policies); the others name their own.
    errc code;
    std::string_view message;
};

inline constexpr std::size_t bounded_text_max_bytes = 1024;
/// The JSON boundary refuses larger integers (json/decode.hpp); C++-built documents get this rule.
inline constexpr std::uint64_t max_safe_integer = std::uint64_t{1} << 53;
/// Upstream FC-17: base64(JSON array of argv) must fit the kernel command line with headroom.
inline constexpr std::size_t argv_kernel_cmdline_limit_bytes = 3072;
inline constexpr std::uint64_t cpu_period_min_micros = 1000, cpu_period_max_micros = 1000000;

inline constexpr std::array<spec_rule_info, detail::enum_count<spec_rule>> spec_rule_table{{
    {errc{}, "apiVersion must be \"cellos.io/v1\""},
    {errc{}, "kind must name this document type"},
    {errc{}, "must be a portable identifier: 1-128 bytes of [A-Za-z0-9._-], starting alphanumeric, without \"..\""},
    {errc::invalid_spec, "must be \"sha256:\" followed by 64 lowercase hex digits"},
    {errc{}, "must be 1-1024 bytes without control characters"},
    {errc{}, "must be usable as a NATS subject token: no '.', '*', '>', whitespace or control characters"},
    {errc{}, "duplicate entry"},
    {errc::invalid_spec, "ingress must name at least one source (git or ociImage)"},
    {errc::invalid_spec, "must be an https:// or ssh:// URL with a valid host and no credentials"},
    {errc::invalid_spec, "must be a full commit id: 40 lowercase hex digits"},
    {errc::invalid_spec, "must be an absolute path without \".\" or \"..\" segments or control characters"},
    {errc::invalid_spec, "must be an environment variable name: [A-Za-z_][A-Za-z0-9_]*, at most 128 bytes"},
    {errc::invalid_spec, "must not contain NUL"},
    {errc::invalid_spec, "spiffe identities need a spiffeId \"spiffe://<trust-domain>/...\" and no audience; oidc identities need an audience and no spiffeId"},
    {errc::invalid_spec, "must be a DNS name or an IP literal (no wildcard, no port)"},
    {errc::invalid_spec, "must be in 1..65535"},
    {errc::invalid_spec, "dnsAuthority must declare at least one resolver"},
    {errc::invalid_spec, "does not fit the protocol: ip[:port] for do53-*, host[:port] for dot/doq, an https:// URL for doh"},
    {errc{}, "must be a hostname, or \"*.\" followed by a hostname of at least two labels (allowedEgressHosts also takes IP literals)"},
    {errc::invalid_spec, "minTtlSeconds must not exceed maxStaleSeconds"},
    {errc{}, "must be at least 1"},
    {errc::invalid_spec, "must be within [1000, 1000000] microseconds (cgroup v2 cpu.max)"},
    {errc::invalid_spec, "run.argv must not be empty"},
    {errc::invalid_spec, "argv[0] must be non-empty and no argument may contain NUL"},
    {errc::argv_too_large, "spec.run.argv encoded as base64 exceeds the 3072-byte kernel cmdline limit"},
    {errc::invalid_spec, "must not exceed the cell's lifetime (lifetime.ttlSeconds)"},
    {errc::invalid_spec, "must be a safe single path segment: no '/', '\\', \"..\", NUL, leading '~'; at most 255 bytes"},
    {errc::invalid_spec, "names no target declared in export.targets"},
    {errc::invalid_spec, "must be an S3 bucket name: 3-63 bytes of [a-z0-9.-], starting and ending alphanumeric"},
    {errc{}, "must be a semantic version MAJOR.MINOR.PATCH[-prerelease][+build]"},
    {errc::invalid_spec, "must be within [0, 2]"},
    {errc{}, "must not be empty"},
    {errc::invalid_spec, "kind must be \"signed-trust-keyset-envelope-v1\""},
    {errc::invalid_policy, "requireEgressDeclared and forbidOutboundEgressRules cannot both hold: no spec could pass"},
    {errc{}, "must be at most 2^53 (I-JSON): canonical JSON writes numbers as doubles, larger integers would collide"},
}};

[[nodiscard]] constexpr const spec_rule_info& info(spec_rule r) noexcept { return spec_rule_table[static_cast<std::size_t>(r)]; }

}  // namespace cellos
