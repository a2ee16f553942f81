// bench/sample_events.hpp — the events the benchmarks measure, once: a supervisor event as it
// appears on the wire (lifecycle.v1.destroyed with correlation) and a DNS query event with a
// traceparent extension.
#pragma once

#include <string_view>

namespace cellos::bench {

inline constexpr std::string_view destroyed_event =
    R"({"specversion":"1.0","id":"urn:cellos:event:5f0c6d4e-8a3b-4c2d-9e1f-0a1b2c3d4e5f","source":"/cellos/supervisor/host-1",)"
    R"("type":"dev.cellos.events.cell.lifecycle.v1.destroyed","datacontenttype":"application/json",)"
    R"("subject":"urn:cellos:cell:build-cell-01","time":"2026-11-28T12:00:04.123456Z",)"
    R"("data":{"cellId":"build-cell-01","specId":"build-cell-01","runId":"run-1",)"
    R"("correlation":{"correlationId":"ci-run-4711","tenantId":"acme"},"outcome":"succeeded","terminalState":"clean"}})";
inline constexpr std::string_view dns_event =
    R"({"specversion":"1.0","id":"urn:cellos:event:0b5e8a4c-1d2f-4e3a-9b8c-7d6e5f4a3b2c","source":"/cellos/dns-proxy/host-1",)"
    R"("type":"dev.cellos.events.cell.dns.v1.query_permitted","datacontenttype":"application/json",)"
    R"("time":"2026-11-28T12:00:01+01:00","traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",)"
    R"("data":{"cellId":"build-cell-01","specId":"build-cell-01","hostname":"registry.example.com","queryType":"AAAA",)"
    R"("resolverId":"corp-dns","answers":["2001:db8::10","2001:db8::11"],"ttlSeconds":300}})";

}  // namespace cellos::bench
