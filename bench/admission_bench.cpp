// bench/admission_bench.cpp — throughput of admission (strict parse + decode, validation, canonical
// hash, policy check) on ExecutionCellDocuments, reported as ratios against a baseline measured in
// the same process: raw boost::json::parse of the same documents. Plus RFC 8785 canonicalization
// against boost::json::serialize on the same values.
// Usage: admission_bench [ITERATIONS]. Prints one JSON object.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "cellos/json.hpp"
#include "cellos/policy/check.hpp"
#include "cellos/spec/validate.hpp"
#include "cellos/trust/spec_hash.hpp"

namespace {

// Three realistic specs, all valid and all admitted by `pack_json`: a lint job (run + one egress
// rule), a CI build (git ingress, environment, identity, limits, three egress rules, one export),
// and a release job (git + OCI ingress, 20 variables, 12 egress rules, DNS and CDN authority,
// six exports to three targets).
constexpr std::string_view small_doc =
    R"({"apiVersion":"cellos.io/v1","kind":"ExecutionCell","spec":{"id":"lint-42",)"
    R"("correlation":{"tenantId":"acme"},"authority":{"secretRefs":[],)"
    R"("egressRules":[{"host":"registry.npmjs.org","port":443,"protocol":"tcp"}]},)"
    R"("lifetime":{"ttlSeconds":600},"run":{"argv":["/usr/bin/npm","run","lint"],)"
    R"("secretDelivery":"runtimeBroker","timeoutMs":300000,"limits":{"memoryMaxBytes":536870912,)"
    R"("cpuMax":{"quotaMicros":100000}}}}})";
constexpr std::string_view medium_doc =
    R"({"apiVersion":"cellos.io/v1","kind":"ExecutionCell","spec":{"id":"build-7f3a9c",)"
    R"("correlation":{"correlationId":"req-2024-11-28-0001","tenantId":"acme"},)"
    R"("ingress":{"git":{"url":"https://git.example.org/acme/payments.git",)"
    R"("commit":"4b825dc642cb6eb9a060e54bf8d69288fbee4904","ref":"main","path":"/workspace/src"}},)"
    R"("environment":{"imageDigest":"sha256:9f2c4e1a7b3d5f60812a3c4b5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80",)"
    R"("variables":[{"name":"CI","value":"true"},{"name":"RUST_LOG","value":"info"},{"name":"CARGO_HOME",)"
    R"("value":"/workspace/.cargo"}]},"placement":{"poolId":"pool-eu-1","region":"eu-west"},)"
    R"("policy":{"packId":"baseline","packVersion":"1.2.0"},"identity":{"kind":"spiffe",)"
    R"("spiffeId":"spiffe://example.org/ci/payments"},"authority":{"secretRefs":["CARGO_REGISTRY_TOKEN"],)"
    R"("egressRules":[{"host":"crates.io","port":443,"protocol":"tcp"},{"host":"static.crates.io","port":443,)"
    R"("protocol":"tcp"},{"host":"index.crates.io","port":443,"protocol":"tcp"}]},)"
    R"("lifetime":{"ttlSeconds":3600},"run":{"argv":["/usr/local/bin/cargo","test","--workspace","--locked"],)"
    R"("secretDelivery":"runtimeBroker","workingDirectory":"/workspace/src","timeoutMs":2700000,)"
    R"("limits":{"memoryMaxBytes":4294967296,"cpuMax":{"quotaMicros":200000,"periodMicros":100000},)"
    R"("gracefulShutdownSeconds":30}},"export":{"artifacts":[{"name":"junit.xml",)"
    R"("path":"/workspace/out/junit.xml","target":"results"}],"targets":[{"kind":"s3","name":"results",)"
    R"("bucket":"acme-ci-results","keyPrefix":"payments/"}]},"telemetry":{"channels":["events","logs"]}}})";
constexpr std::string_view large_doc =
    R"({"apiVersion":"cellos.io/v1","kind":"ExecutionCell","spec":{"id":"release-2024.11.3-payments",)"
    R"("correlation":{"correlationId":"rel-9d1e7c52-4f8b-4b8e-a8f1-6c2b1d0e9a77","tenantId":"acme"},)"
    R"("ingress":{"git":{"url":"ssh://git@git.example.org:2222/acme/payments.git",)"
    R"("commit":"4b825dc642cb6eb9a060e54bf8d69288fbee4904","ref":"release/2024.11","path":"/workspace/src"},)"
    R"("ociImage":{"reference":"registry.example.org/acme/toolchain:2024.11",)"
    R"("digest":"sha256:0aa1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f"}},)"
    R"("environment":{"imageDigest":"sha256:9f2c4e1a7b3d5f60812a3c4b5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80",)"
    R"("variables":[{"name":"VAR_00","value":"value-0-with-some-realistic-length/opt/tool/bin"},)"
    R"({"name":"VAR_01","value":"value-1-with-some-realistic-length/opt/tool/bin"},{"name":"VAR_02",)"
    R"("value":"value-2-with-some-realistic-length/opt/tool/bin"},{"name":"VAR_03",)"
    R"("value":"value-3-with-some-realistic-length/opt/tool/bin"},{"name":"VAR_04",)"
    R"("value":"value-4-with-some-realistic-length/opt/tool/bin"},{"name":"VAR_05",)"
    R"("value":"value-5-with-some-realistic-length/opt/tool/bin"},{"name":"VAR_06",)"
    R"("value":"value-6-with-some-realistic-length/opt/tool/bin"},{"name":"VAR_07",)"
    R"("value":"value-7-with-some-realistic-length/opt/tool/bin"},{"name":"VAR_08",)"
    R"("value":"value-8-with-some-realistic-length/opt/tool/bin"},{"name":"VAR_09",)"
    R"("value":"value-9-with-some-realistic-length/opt/tool/bin"},{"name":"VAR_10",)"
    R"("value":"value-10-with-some-realistic-length/opt/tool/bin"},{"name":"VAR_11",)"
    R"("value":"value-11-with-some-realistic-length/opt/tool/bin"},{"name":"VAR_12",)"
    R"("value":"value-12-with-some-realistic-length/opt/tool/bin"},{"name":"VAR_13",)"
    R"("value":"value-13-with-some-realistic-length/opt/tool/bin"},{"name":"VAR_14",)"
    R"("value":"value-14-with-some-realistic-length/opt/tool/bin"},{"name":"VAR_15",)"
    R"("value":"value-15-with-some-realistic-length/opt/tool/bin"},{"name":"VAR_16",)"
    R"("value":"value-16-with-some-realistic-length/opt/tool/bin"},{"name":"VAR_17",)"
    R"("value":"value-17-with-some-realistic-length/opt/tool/bin"},{"name":"VAR_18",)"
    R"("value":"value-18-with-some-realistic-length/opt/tool/bin"},{"name":"VAR_19",)"
    R"("value":"value-19-with-some-realistic-length/opt/tool/bin"}]},"placement":{"poolId":"pool-eu-1",)"
    R"("region":"eu-west","zone":"eu-west-1b"},"policy":{"packId":"baseline","packVersion":"1.2.0"},)"
    R"("identity":{"kind":"oidc","audience":"sts.example.org"},)"
    R"("authority":{"secretRefs":["CARGO_REGISTRY_TOKEN","SIGNING_KEY","S3_UPLOAD_TOKEN","GITHUB_TOKEN"],)"
    R"("egressRules":[{"host":"api.github.com","port":443,"protocol":"tcp"},)"
    R"({"host":"objects.githubusercontent.com","port":443,"protocol":"tcp"},{"host":"pypi.org","port":443,)"
    R"("protocol":"tcp"},{"host":"files.pythonhosted.org","port":443,"protocol":"tcp"},)"
    R"({"host":"registry.npmjs.org","port":443,"protocol":"tcp"},{"host":"proxy.golang.org","port":443,)"
    R"("protocol":"tcp"},{"host":"sum.golang.org","port":443,"protocol":"tcp"},)"
    R"({"host":"storage.googleapis.com","port":443,"protocol":"tcp"},{"host":"dl.google.com","port":443,)"
    R"("protocol":"tcp"},{"host":"repo.maven.apache.org","port":443,"protocol":"tcp"},{"host":"10.20.0.53",)"
    R"("port":53,"protocol":"udp","dnsEgressAcknowledged":true,)"
    R"("justification":"corporate resolver for internal mirrors"},{"host":"10.20.0.54","port":53,)"
    R"("protocol":"tcp","dnsEgressAcknowledged":true,"justification":"corporate resolver, TCP fallback"}],)"
    R"("dnsAuthority":{"resolvers":[{"resolverId":"corp-a","protocol":"do53-udp","endpoint":"10.20.0.53:53",)"
    R"("dnssecPolicy":"validate"},{"resolverId":"corp-b","protocol":"do53-tcp","endpoint":"10.20.0.54",)"
    R"("dnssecPolicy":"validate"},{"resolverId":"public-doh","protocol":"doh",)"
    R"("endpoint":"https://dns.example.net/dns-query","dnssecPolicy":"require"}],)"
    R"("hostnameAllowlist":["api.github.com","objects.githubusercontent.com","pypi.org",)"
    R"("files.pythonhosted.org","registry.npmjs.org","proxy.golang.org","sum.golang.org",)"
    R"("storage.googleapis.com","dl.google.com","repo.maven.apache.org","*.internal.example.org",)"
    R"("*.mirror.example.org"],"allowedQueryTypes":["A","AAAA","CNAME","HTTPS"],)"
    R"("refreshPolicy":{"minTtlSeconds":30,"maxStaleSeconds":600,"strategy":"ttl-honor"},)"
    R"("rebindingPolicy":{"rejectPrivateAddresses":true,"maxDistinctAddresses":16}},)"
    R"("cdnAuthority":{"providers":[{"providerId":"fastly","hostnames":["*.global.ssl.fastly.net",)"
    R"("*.fastly.example.org"]},{"providerId":"cloudfront","hostnames":["*.cloudfront.net"]}]}},)"
    R"("lifetime":{"ttlSeconds":14400},"run":{"argv":["/usr/local/bin/release","--channel","stable","--sign",)"
    R"("--upload","--manifest","/workspace/src/release.toml","--verbose","--jobs","8"],)"
    R"("secretDelivery":"runtimeLeasedBroker","workingDirectory":"/workspace/src","timeoutMs":10800000,)"
    R"("limits":{"memoryMaxBytes":17179869184,"cpuMax":{"quotaMicros":800000,"periodMicros":100000},)"
    R"("gracefulShutdownSeconds":120}},"export":{"artifacts":[{"name":"payments-linux-amd64.tar.gz",)"
    R"("path":"/workspace/out/payments-linux-amd64.tar.gz","target":"releases"},)"
    R"({"name":"payments-linux-arm64.tar.gz","path":"/workspace/out/payments-linux-arm64.tar.gz",)"
    R"("target":"releases"},{"name":"SHA256SUMS","path":"/workspace/out/SHA256SUMS","target":"releases"},)"
    R"({"name":"SHA256SUMS.sig","path":"/workspace/out/SHA256SUMS.sig","target":"releases"},)"
    R"({"name":"sbom.spdx.json","path":"/workspace/out/sbom.spdx.json","target":"compliance"},)"
    R"({"name":"junit.xml","path":"/workspace/out/junit.xml","target":"dashboard"}],"targets":[{"kind":"s3",)"
    R"("name":"releases","bucket":"acme-releases","keyPrefix":"payments/2024.11.3/"},{"kind":"s3",)"
    R"("name":"compliance","bucket":"acme-compliance"},{"kind":"http","name":"dashboard",)"
    R"("pathPrefix":"/ingest/junit"}]},"telemetry":{"channels":["events","logs","metrics","traces"]}}})";
constexpr std::string_view pack_json =
    R"({"apiVersion":"cellos.io/v1","kind":"PolicyPack","spec":{"id":"baseline","version":"1.2.0",)"
    R"("rules":{"maxLifetimeTtlSeconds":86400,"maxMemoryMaxBytes":34359738368,"maxRunTimeoutMs":14400000,)"
    R"("allowedEgressHosts":["*.crates.io","crates.io","api.github.com","objects.githubusercontent.com",)"
    R"("pypi.org","files.pythonhosted.org","registry.npmjs.org","proxy.golang.org","sum.golang.org",)"
    R"("storage.googleapis.com","dl.google.com","repo.maven.apache.org","10.20.0.53","10.20.0.54"],)"
    R"("requireRuntimeSecretDelivery":true,"requireResourceLimits":true,)"
    R"("flagDnsEgressWithoutAcknowledgment":true,"requireDnsEgressJustification":true,)"
    R"("secretRefAllowlist":{"acme":["CARGO_REGISTRY_TOKEN","SIGNING_KEY","S3_UPLOAD_TOKEN","GITHUB_TOKEN"],)"
    R"("*":[]}}}})";

volatile std::size_t sink = 0;

/// Nanoseconds per call of one batch of `iterations` calls.
template <class F>
double batch_ns(std::size_t iterations, const F& f) {
    const auto t0 = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < iterations; ++i) sink = sink + f();
    const auto t1 = std::chrono::steady_clock::now();
    return std::chrono::duration<double, std::nano>(t1 - t0).count() / static_cast<double>(iterations);
}

/// Nanoseconds per call of each function: best of 9 rounds, the functions interleaved within a
/// round so that load from other processes spreads over all of them alike (ratios stay fair).
template <class... F>
std::array<double, sizeof...(F)> ns_per_call(std::size_t iterations, const F&... f) {
    std::array<double, sizeof...(F)> best;
    best.fill(1e300);
    for (int round = 0; round < 9; ++round) {
        std::size_t k = 0;
        ((best[k] = std::min(best[k], batch_ns(iterations, f)), ++k), ...);
    }
    return best;
}

[[noreturn]] void die(std::string_view what, const cellos::problem& e) {
    std::cerr << what << ": " << e.code_name() << " at \"" << e.pointer << "\": " << e.message << '\n';
    std::exit(1);
}

boost::json::object measure(std::string_view name, std::string_view doc, const cellos::policy_pack_document& pack,
                            std::size_t n) {
    const auto once = cellos::json::parse_execution_cell_document(doc);
    if (!once) die(name, once.error());
    if (!cellos::validate_execution_cell_document(once.value()).empty() || !cellos::admits(pack, once.value())) {
        std::cerr << name << ": not admitted by the benchmark pack\n";
        std::exit(1);
    }
    const auto decode = [&] {
        auto r = cellos::json::parse_execution_cell_document(doc);
        if (!r) die(name, r.error());
        return std::move(r).value();
    };
    const cellos::execution_cell_document d = once.value();
    const std::string canonical = cellos::json::canonicalize(cellos::json::to_value(d)).value();
    const boost::json::value value = cellos::json::parse_strict(doc).value();  // numbers correctly rounded
    const auto t = ns_per_call(
        n,
        // (a) the baseline: Boost.JSON's own parser, no strictness, no conversion.
        [&] { return boost::json::parse(doc).as_object().size(); },
        // (b) strict parse + strict decode into execution_cell_document.
        [&] { return decode().spec.id.size(); },
        // (c) (b) + every validation rule.
        [&] {
            const auto x = decode();
            return x.spec.id.size() + cellos::validate_execution_cell_document(x).size();
        },
        // (d) (c) + canonical_spec_hash: encode, RFC 8785 canonical text, SHA-256.
        [&] {
            const auto x = decode();
            return cellos::validate_execution_cell_document(x).size() + cellos::canonical_spec_hash(x).size();
        },
        // (e) (d) + validate_spec_against_policy against the pack (the pack is decoded once, in main).
        [&] {
            const auto x = decode();
            return cellos::validate_execution_cell_document(x).size() + cellos::canonical_spec_hash(x).size() +
                   cellos::validate_spec_against_policy(x.spec, pack.spec).size();
        },
        // The parts alone, to explain the steps between the rows.
        [&] { return cellos::json::parse_strict(doc).value().as_object().size(); },
        [&] { return cellos::validate_execution_cell_document(d).size() + 1; },
        [&] { return cellos::json::to_value(d).as_object().size(); },
        [&] { return cellos::trust::sha256_digest_string(canonical).size(); },
        [&] { return cellos::validate_spec_against_policy(d.spec, pack.spec).size() + 1; },
        // JCS against boost::json::serialize on the same value.
        [&] { return boost::json::serialize(value).size(); },
        [&] { return cellos::json::canonicalize(value).value().size(); });
    const auto [raw, parsed, validated, hashed, admitted, strict_only, validate_only, encode_only, sha256_only, policy_only,
                serialize, jcs] = t;

    return {{"document", name},
            {"bytes", doc.size()},
            {"raw_boost_json_parse_ns", raw},
            {"parse_decode_ns", parsed},
            {"validate_ns", validated},
            {"hash_ns", hashed},
            {"policy_ns", admitted},
            {"parse_decode_vs_raw", parsed / raw},
            {"validate_vs_raw", validated / raw},
            {"hash_vs_raw", hashed / raw},
            {"policy_vs_raw", admitted / raw},
            {"raw_documents_per_second", 1e9 / raw},
            {"admitted_documents_per_second", 1e9 / admitted},
            {"parts_ns", {{"parse_strict", strict_only},
                          {"decode", parsed - strict_only},
                          {"validate", validate_only},
                          {"to_value", encode_only},
                          {"canonicalize", jcs},
                          {"sha256", sha256_only},
                          {"policy", policy_only}}},
            {"boost_serialize_ns", serialize},
            {"canonicalize_ns", jcs},
            {"canonicalize_vs_serialize", jcs / serialize}};
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 2000;
    const auto pack = cellos::json::parse_policy_pack_document(pack_json);
    if (!pack) die("pack", pack.error());
    if (!cellos::validate_policy_pack_document(pack.value()).empty()) {
        std::cerr << "pack: invalid\n";
        return 1;
    }
    boost::json::array results{measure("lint_job", small_doc, pack.value(), n), measure("ci_build", medium_doc, pack.value(), n),
                               measure("release_job", large_doc, pack.value(), n)};
    std::cout << cellos::json::to_text(boost::json::object{{"benchmark", "admission"}, {"iterations", n},
                                                           {"results", std::move(results)}})
              << '\n';
    return 0;
}
