// examples/supervisor.cpp — runs the generic supervisor (supervisor.hpp) on the in-memory backend and
// sink with the noop brokers (and once with a receipt-giving export sink), checks the event types
// it recorded and the order of the port calls, and exits non-zero on any difference.
#include <cstdint>
#include <cstdio>
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "cellos/json/authority.hpp"
#include "cellos/json/events.hpp"
#include "cellos/json/spec.hpp"
#include "cellos/lifecycle.hpp"
#include "cellos/ports.hpp"
#include "supervisor.hpp"

namespace {

using namespace cellos;

constexpr std::string_view cell_without_secrets = R"({"apiVersion":"cellos.io/v1","kind":"ExecutionCell","spec":{
  "id":"build-cell-01","identity":{"kind":"spiffe","spiffeId":"spiffe://acme.example/ci/build-cell-01"},
  "authority":{"secretRefs":[]},"lifetime":{"ttlSeconds":1800},
  "run":{"argv":["/usr/bin/make","release"],"secretDelivery":"env"},
  "export":{"artifacts":[{"name":"service.tar.gz","path":"/workspace/out/service.tar.gz","target":"releases"}],
            "targets":[{"kind":"s3","name":"releases","bucket":"acme-releases","keyPrefix":"service/"}]}}})";
constexpr std::string_view cell_with_secret = R"({"apiVersion":"cellos.io/v1","kind":"ExecutionCell","spec":{
  "id":"build-cell-02","authority":{"secretRefs":["REGISTRY_TOKEN"]},"lifetime":{"ttlSeconds":1800},
  "run":{"argv":["/usr/bin/make","release"],"secretDelivery":"env"}}})";
constexpr std::string_view sni_authority = R"({"derivation":{"inputs":[{"input_type":"SNI","value":"registry.example.com","confidence":0.95}],
  "rules_applied":[{"rule":"RAW_SNI_OBSERVED","class":"RAW_OBSERVATION"}],
  "output":{"tier":2,"confidence":0.95,"epistemic_status":"DIRECT_OBSERVATION","binding_status":"NOT_APPLICABLE"}}})";
constexpr std::string_view guest_authority = R"({"derivation":{"inputs":[{"input_type":"GUEST_DECLARATION","value":"build","confidence":0.5}],
  "rules_applied":[{"rule":"GUEST_AGENT_DECLARED","class":"GUEST_AGENT_DECLARATION"}],
  "output":{"tier":1,"confidence":0.5,"epistemic_status":"DECLARED","binding_status":"NOT_APPLICABLE"}}})";

/// The port calls in the order the supervisor made them: the CONFIRMED order is create ... destroy,
/// then revoke.
std::vector<std::string> calls;

struct logged_backend : memory_cell_backend {
    checked<cell_handle> create(const execution_cell_document& doc) {
        calls.emplace_back("create");
        return memory_cell_backend::create(doc);
    }
    checked<teardown_report> destroy(const cell_handle& handle) {
        calls.emplace_back("destroy");
        return memory_cell_backend::destroy(handle);
    }
};

template <SecretBroker K>
struct logged_broker : K {
    checked<void> revoke_for_cell(std::string_view cell_id) {
        calls.emplace_back("revoke");
        return K::revoke_for_cell(cell_id);
    }
};

json::event_context deterministic_context(int& counter) {
    return {"/cellos/supervisor/example-host",
            [&counter] {
                char uuid[40];
                std::snprintf(uuid, sizeof uuid, "00000000-0000-4000-8000-%012d", ++counter);
                return std::string(uuid);
            },
            [] { return std::string("2026-12-08T03:00:00Z"); }};
}

/// Runs one cell on the memory backend + memory sink with the given brokers; prints and checks the
/// event types. `expected_problem` is the message of the first problem, "" for none.
template <class K, class E>
bool scenario(std::string_view name, std::string_view document, std::string_view authority_json, K secrets, E exports,
              const std::vector<std::string_view>& expected, std::string_view expected_problem) {
    const auto doc = json::parse_execution_cell_document(document);
    auto authority = json::parse_authority<authority_kind::observed>(authority_json);
    auto declared = json::parse_authority<authority_kind::declared>(authority_json);
    if (!doc || (!authority && !declared)) {
        std::cout << name << ": fixture rejected\n";
        return false;
    }
    logged_backend backend;
    logged_broker<K> broker{secrets};
    memory_event_sink sink;
    int counter = 0;
    calls.clear();
    const auto run_with = [&](const auto& typed) {
        using A = std::decay_t<decltype(typed)>;
        supervisor::cell_supervisor<A, logged_backend, memory_event_sink, logged_broker<K>, E> sup(backend, sink, broker, exports,
                                                                                                 deterministic_context(counter));
        return sup.run(admit_cell(doc.value().spec, doc.value().spec.id, typed, "run-1"), doc.value(), [] { return 0; });
    };
    // generic in the authority kind: each run dispatches on the static type the boundary produced
    const std::vector<problem> problems = authority ? std::visit(run_with, authority.value()) : std::visit(run_with, declared.value());

    bool ok = backend.live_count() == 0 && sink.events.size() == expected.size();
    std::cout << name << ":\n";
    const bool order = calls == std::vector<std::string>{"create", "destroy", "revoke"};
    std::cout << "  " << (order ? "ok   " : "DIFF ") << "port calls create, destroy, revoke\n";
    ok = ok && order;
    for (std::size_t i = 0; i < sink.events.size(); ++i) {
        const bool same = i < expected.size() && sink.events[i].type == expected[i];
        ok = ok && same;
        std::cout << "  " << (same ? "ok   " : "DIFF ") << sink.events[i].type << "\n";
    }
    for (const problem& p : problems) std::cout << "  problem: " << p.code_name() << ": " << p.message << "\n";
    const std::string first = problems.empty() ? std::string() : problems.front().message;
    if (first != expected_problem) {
        std::cout << "  expected problem: \"" << expected_problem << "\"\n";
        ok = false;
    }
    return ok;
}

}  // namespace

int main() {
    constexpr std::string_view started = "dev.cellos.events.cell.lifecycle.v1.started";
    constexpr std::string_view command = "dev.cellos.events.cell.command.v1.completed";
    constexpr std::string_view exported = "dev.cellos.events.cell.export.v2.completed";
    constexpr std::string_view export_failed = "dev.cellos.events.cell.export.v2.failed";
    constexpr std::string_view revoked = "dev.cellos.events.cell.identity.v1.revoked";
    constexpr std::string_view destroyed = "dev.cellos.events.cell.lifecycle.v1.destroyed";
    constexpr std::string_view failed = "dev.cellos.events.cell.lifecycle.v1.failed";

    bool ok = true;
    // noop brokers: the export is refused (no sink configured), everything else runs
    ok &= scenario("noop brokers", cell_without_secrets, sni_authority, noop_secret_broker{}, noop_export_sink{},
                   {started, command, export_failed, revoked, destroyed},
                   R"(NoopExportSink: cannot push "service.tar.gz" (no export sink is configured))");
    // a secretRef with the noop broker: fails closed before start; torn down and revoked all the same
    ok &= scenario("noop secret broker, one secretRef", cell_with_secret, guest_authority, noop_secret_broker{}, noop_export_sink{},
                   {failed}, R"(NoopSecretBroker: cannot resolve "REGISTRY_TOKEN" (use MemorySecretBroker or a real broker))");
    // an export sink that gives receipts
    ok &= scenario("receipt export sink", cell_without_secrets, guest_authority, noop_secret_broker{}, supervisor::receipt_export_sink{},
                   {started, command, exported, revoked, destroyed}, "");
    std::cout << (ok ? "supervisor: all runs as expected\n" : "supervisor: MISMATCH\n");
    return ok ? 0 : 1;
}
