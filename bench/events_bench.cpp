// bench/events_bench.cpp — CloudEvent throughput, reported as ratios against baselines measured in
// the same process on the same bytes: strict parse + decode + validation of an event (and of a
// batch) against raw boost::json::parse, and our encoder against boost::json::serialize of the
// same value. Usage: events_bench [ITERATIONS]. Prints one JSON object.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "timing.hpp"
#include "cellos/json/cloud_event.hpp"
#include "cellos/json/events.hpp"
#include "cellos/json/write.hpp"

namespace {

// A supervisor event as it appears on the wire (lifecycle.v1.destroyed with correlation), and a
// DNS query event with a traceparent extension.
constexpr std::string_view destroyed_event =
    R"({"specversion":"1.0","id":"urn:cellos:event:5f0c6d4e-8a3b-4c2d-9e1f-0a1b2c3d4e5f","source":"/cellos/supervisor/host-1",)"
    R"("type":"dev.cellos.events.cell.lifecycle.v1.destroyed","datacontenttype":"application/json",)"
    R"("subject":"urn:cellos:cell:build-cell-01","time":"2026-11-28T12:00:04.123456Z",)"
    R"("data":{"cellId":"build-cell-01","specId":"build-cell-01","runId":"run-1",)"
    R"("correlation":{"correlationId":"ci-run-4711","tenantId":"acme"},"outcome":"succeeded","terminalState":"clean"}})";
constexpr std::string_view dns_event =
    R"({"specversion":"1.0","id":"urn:cellos:event:0b5e8a4c-1d2f-4e3a-9b8c-7d6e5f4a3b2c","source":"/cellos/dns-proxy/host-1",)"
    R"("type":"dev.cellos.events.cell.dns.v1.query_permitted","datacontenttype":"application/json",)"
    R"("time":"2026-11-28T12:00:01+01:00","traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",)"
    R"("data":{"cellId":"build-cell-01","specId":"build-cell-01","hostname":"registry.example.com","queryType":"AAAA",)"
    R"("resolverId":"corp-dns","answers":["2001:db8::10","2001:db8::11"],"ttlSeconds":300}})";

using cellos::bench::ns_per_call;

boost::json::object measure(std::string_view name, std::string_view doc, std::size_t n) {
    const auto once = cellos::json::parse_cloud_event(doc);
    if (!once) {
        std::cerr << name << ": " << once.error().code_name() << " " << once.error().message << '\n';
        std::exit(1);
    }
    const boost::json::value value = boost::json::parse(doc);
    const double raw_parse = ns_per_call(n, [&] { return boost::json::parse(doc).as_object().size(); });
    const double parse = ns_per_call(n, [&] { return cellos::json::parse_cloud_event(doc).value().id.size(); });
    const double raw_serialize = ns_per_call(n, [&] { return boost::json::serialize(value).size(); });
    const double serialize = ns_per_call(n, [&] { return cellos::json::to_text(once.value()).value().size(); });

    std::string batch = "[";
    for (int i = 0; i < 32; ++i) batch += (i ? "," : "") + std::string(doc);
    batch += "]";
    const double raw_batch = ns_per_call(n / 16 + 1, [&] { return boost::json::parse(batch).as_array().size(); });
    const double parsed_batch = ns_per_call(n / 16 + 1, [&] { return cellos::json::parse_cloud_event_batch(batch).value().size(); });
    return {{"event", name},
            {"bytes", doc.size()},
            {"raw_boost_json_parse_ns", raw_parse},
            {"parse_cloud_event_ns", parse},
            {"parse_vs_raw", parse / raw_parse},
            {"events_per_second", 1e9 / parse},
            {"raw_boost_json_serialize_ns", raw_serialize},
            {"to_text_ns", serialize},
            {"serialize_vs_raw", serialize / raw_serialize},
            {"batch_of_32_vs_raw", parsed_batch / raw_batch}};
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 20000;
    boost::json::array results{measure("lifecycle_destroyed", destroyed_event, n), measure("dns_query_permitted", dns_event, n)};
    std::cout << cellos::json::to_text(boost::json::object{{"benchmark", "cloud_events"}, {"iterations", n},
                                                           {"results", std::move(results)}})
              << '\n';
    return 0;
}
