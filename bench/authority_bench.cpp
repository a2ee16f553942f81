// bench/authority_bench.cpp — throughput of the authority boundary, reported as ratios against a
// baseline measured in the same process: raw boost::json::parse of the same documents.
// Usage: authority_bench [ITERATIONS]. Prints one JSON object.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/parse.hpp>
#include <boost/json/value_from.hpp>

#include "timing.hpp"
#include "cellos/json.hpp"

namespace {

// The seed README's observed authority, and a four-input aligned one.
constexpr std::string_view small_doc =
    R"({"derivation":{"inputs":[{"input_type":"SNI","value":"api.example.com","confidence":0.95}],)"
    R"("rules_applied":[{"rule":"RAW_SNI_OBSERVED","class":"RAW_OBSERVATION"}],)"
    R"("output":{"tier":2,"confidence":0.95,"epistemic_status":"DIRECT_OBSERVATION","binding_status":"NOT_APPLICABLE"}}})";
constexpr std::string_view larger_doc =
    R"({"derivation":{"inputs":[{"input_type":"SNI","value":"api.example.com","confidence":0.95},)"
    R"({"input_type":"HOST_HEADER","value":"api.example.com","confidence":0.9,"source_event_id":"urn:cellos:event:5b0c2f7e-8f43-4d8e-9d51-1f9a3c1d2e40"},)"
    R"({"input_type":"H2_AUTHORITY","value":"api.example.com","confidence":0.9},)"
    R"({"input_type":"DESTINATION_IP","value":"192.0.2.10","confidence":0.8}],)"
    R"("rules_applied":[{"rule":"RAW_SNI_OBSERVED","class":"RAW_OBSERVATION"},)"
    R"({"rule":"SNI_HOST_HEADER_ALIGNED","class":"STRUCTURAL_ALIGNMENT"},)"
    R"({"rule":"SNI_H2_AUTHORITY_ALIGNED","class":"STRUCTURAL_ALIGNMENT"}],)"
    R"("output":{"tier":2,"confidence":0.9,"epistemic_status":"STRUCTURALLY_ALIGNED","binding_status":"BOUND"}}})";

using cellos::bench::ns_per_call;

boost::json::object measure(std::string_view name, std::string_view doc, std::size_t n) {
    const auto typed_once = cellos::json::parse_authority<cellos::authority_kind::observed>(doc);
    if (!typed_once) {
        std::cerr << name << ": " << typed_once.error().code_name() << " " << typed_once.error().message << '\n';
        std::exit(1);
    }
    const double raw = ns_per_call(n, [&] { return boost::json::parse(doc).as_object().size(); });
    const double strict = ns_per_call(n, [&] { return cellos::json::parse_strict(doc).value().as_object().size(); });
    const double typed = ns_per_call(n, [&] {
        return cellos::json::parse_authority<cellos::authority_kind::observed>(doc).value().index();
    });
    const cellos::authority_derivation d =
        std::visit([](const auto& a) { return a.derivation(); }, typed_once.value());
    const double validate = ns_per_call(n * 10, [&] { return cellos::validate_as(cellos::authority_kind::observed, d) ? 1u : 0u; });
    return {{"document", name},
            {"bytes", doc.size()},
            {"raw_boost_json_parse_ns", raw},
            {"strict_parse_ns", strict},
            {"parse_authority_ns", typed},
            {"validate_as_ns", validate},
            {"strict_parse_vs_raw", strict / raw},
            {"parse_authority_vs_raw", typed / raw},
            {"validate_share_of_raw", validate / raw},
            {"documents_per_second", 1e9 / typed}};
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 20000;
    boost::json::array results{measure("seed_observed_sni", small_doc, n), measure("aligned_4_inputs", larger_doc, n)};
    std::cout << cellos::json::to_text(boost::json::object{{"benchmark", "authority_boundary"}, {"iterations", n},
                                                           {"results", std::move(results)}})
              << '\n';
    return 0;
}
