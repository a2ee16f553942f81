// tests/unit/sample_specs.hpp — admission documents shared by spec_test.cpp and policy_test.cpp:
// an ExecutionCellDocument that sets every member of every block (all valid), a minimal one, and
// policy-pack / authorization-policy documents that set every member.
#pragma once

#include <string_view>

namespace cellos_test {

/// Valid, and every optional member of every spec block is present; defaulted members are written
/// explicitly, so its JCS equals the JCS of the decoder's output.
constexpr std::string_view full_cell_json = R"({
  "apiVersion": "cellos.io/v1",
  "kind": "ExecutionCell",
  "spec": {
    "id": "build-cell-042",
    "correlation": {"correlationId": "run-7f3a", "tenantId": "acme"},
    "ingress": {
      "git": {"url": "https://github.com/acme/app.git", "commit": "0123456789abcdef0123456789abcdef01234567",
              "ref": "main", "path": "/workspace/src"},
      "ociImage": {"reference": "registry.example.com/acme/app:1.2",
                   "digest": "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}
    },
    "environment": {
      "imageDigest": "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      "variables": [{"name": "RUST_LOG", "value": "info"}, {"name": "CI", "value": "1"}]
    },
    "placement": {"poolId": "pool-a", "region": "eu-west-1", "zone": "eu-west-1a"},
    "policy": {"packId": "baseline", "packVersion": "1.2.0"},
    "identity": {"kind": "spiffe", "spiffeId": "spiffe://example.org/cell/build"},
    "authority": {
      "secretRefs": ["DB_PASSWORD", "github-token"],
      "egressRules": [
        {"host": "api.example.com", "port": 443, "protocol": "tcp"},
        {"host": "10.0.0.53", "port": 53, "protocol": "udp", "dnsEgressAcknowledged": true,
         "justification": "internal resolver"}
      ],
      "dnsAuthority": {
        "resolvers": [
          {"resolverId": "corp-dns", "protocol": "do53-udp", "endpoint": "10.0.0.53:53", "dnssecPolicy": "validate"},
          {"resolverId": "cloudflare-doh", "protocol": "doh", "endpoint": "https://cloudflare-dns.com/dns-query"}
        ],
        "hostnameAllowlist": ["api.example.com", "*.cdn.example.com"],
        "allowedQueryTypes": ["A", "AAAA"],
        "refreshPolicy": {"minTtlSeconds": 30, "maxStaleSeconds": 300, "strategy": "ttl-honor"},
        "rebindingPolicy": {"rejectPrivateAddresses": true, "maxDistinctAddresses": 8}
      },
      "cdnAuthority": {"providers": [{"providerId": "fastly", "hostnames": ["*.fastly.example.net"]}]}
    },
    "lifetime": {"ttlSeconds": 3600},
    "run": {
      "argv": ["/usr/bin/make", "-j4", "test"],
      "secretDelivery": "runtimeBroker",
      "workingDirectory": "/workspace/src",
      "timeoutMs": 1800000,
      "limits": {"memoryMaxBytes": 2147483648, "cpuMax": {"quotaMicros": 50000, "periodMicros": 100000},
                 "gracefulShutdownSeconds": 30}
    },
    "export": {
      "artifacts": [{"name": "report.xml", "path": "/workspace/out/report.xml", "target": "results"},
                    {"name": "coverage.json", "path": "/workspace/out/coverage.json"}],
      "targets": [{"kind": "s3", "name": "results", "bucket": "acme-ci-results", "keyPrefix": "cells/"},
                  {"kind": "http", "name": "dashboard", "pathPrefix": "/ingest"}]
    },
    "telemetry": {"channels": ["events", "logs"]}
  }
})";

/// Upstream's minimal example shape: only the required members.
constexpr std::string_view minimal_cell_json =
    R"({"apiVersion":"cellos.io/v1","kind":"ExecutionCell","spec":{"id":"demo-cell-001","authority":{"secretRefs":[]},"lifetime":{"ttlSeconds":300}}})";

/// Every PolicyRules member set (a structurally valid pack; not meant to admit full_cell_json).
constexpr std::string_view full_pack_json = R"({
  "apiVersion": "cellos.io/v1",
  "kind": "PolicyPack",
  "spec": {
    "id": "baseline",
    "description": "CI cells: bounded, declared egress only",
    "version": "1.2.0",
    "placement": {"poolId": "pool-a", "region": "eu-west-1", "zone": "eu-west-1a"},
    "rules": {
      "maxLifetimeTtlSeconds": 7200,
      "maxMemoryMaxBytes": 4294967296,
      "maxRunTimeoutMs": 3600000,
      "requireEgressDeclared": true,
      "forbidOutboundEgressRules": false,
      "allowedEgressHosts": ["api.example.com", "*.example.net"],
      "requireRuntimeSecretDelivery": true,
      "requireResourceLimits": true,
      "flagDnsEgressWithoutAcknowledgment": true,
      "requireDnsEgressJustification": false,
      "secretRefAllowlist": {"acme": ["DB_PASSWORD", "github-token"], "*": []}
    }
  }
})";

constexpr std::string_view full_authorization_json = R"({
  "apiVersion": "cellos.io/v1",
  "kind": "AuthorizationPolicy",
  "spec": {
    "subjects": ["tenant:acme", "oidc:github:acme/platform"],
    "allowedPools": ["pool-a", "pool-b"],
    "allowedPolicyPacks": ["baseline"],
    "maxCellsPerHour": 120
  }
})";

}  // namespace cellos_test
