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

#include "sample_events.hpp"
#include "timing.hpp"
#include "cellos/json/cloud_event.hpp"
#include "cellos/json/events.hpp"
#include "cellos/json/write.hpp"

namespace {


using cellos::bench::destroyed_event;
using cellos::bench::dns_event;
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
