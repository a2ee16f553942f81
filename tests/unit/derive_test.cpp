// Runtime side of the type-state layer: what make_authority, weaken, derive and the guest-event
// builder put in the payload, and that every derived payload re-validates (derive is total).
#include <random>
#include <string>
#include <variant>

#include <boost/hana/for_each.hpp>
#include <boost/json/value_from.hpp>

#include "../doctest.hpp"
#include "cellos/json.hpp"

namespace {

using namespace cellos;
using es = epistemic_status;

authority_input atom(authority_input_type t, std::string v, double c) { return {t, std::move(v), c, std::nullopt}; }

authority_derivation sni_derivation(int tier, double confidence) {
    return {{atom(authority_input_type::sni, "api.example.com", confidence)},
            {{rule::raw_sni_observed, rule_class::raw_observation}},
            {tier, confidence, es::direct_observation, binding_status::not_applicable}};
}

template <class A, class Variant>
A expect_alternative(Variant v) {
    REQUIRE(std::holds_alternative<A>(v));
    return std::get<A>(std::move(v));
}

}  // namespace

TEST_CASE("make_authority picks the alternative whose static type matches the output") {
    auto made = make_authority<authority_kind::observed>(sni_derivation(1, 0.8));
    REQUIRE(made.has_value());
    const auto a = expect_alternative<observed_authority<1, es::direct_observation>>(std::move(made).value());
    CHECK(a.output().tier == 1);
    CHECK(a.derivation().inputs.at(0).value == "api.example.com");

    auto rejected = make_authority<authority_kind::declared>(sni_derivation(1, 0.8));
    REQUIRE(rejected.has_error());
    CHECK(code_of(rejected.error()) == errc::type_class_incompatible);
}

TEST_CASE("weaken lowers the tier in the payload too, and only the tier") {
    const auto a = expect_alternative<observed_authority<2, es::direct_observation>>(
        make_authority<authority_kind::observed>(sni_derivation(2, 0.9)).value());
    const auto w = a.weaken<0>();
    CHECK(w.output().tier == 0);
    CHECK(w.output().confidence == a.output().confidence);
    CHECK(w.derivation().inputs == a.derivation().inputs);
    CHECK(a.output().tier == 2);  // the source is untouched (const& overload)
    CHECK_FALSE(validate_as(authority_kind::observed, w.derivation()));
    auto moved = std::move(w).weaken<0>();  // && overload
    CHECK(moved.output().tier == 0);
}

TEST_CASE("derive carries evidence over, de-duplicates rules, takes the weakest confidence") {
    const auto sni = expect_alternative<observed_authority<2, es::direct_observation>>(
        make_authority<authority_kind::observed>(sni_derivation(2, 0.9)).value());
    authority_derivation host{{atom(authority_input_type::sni, "api.example.com", 0.95),
                               atom(authority_input_type::host_header, "api.example.com", 0.8)},
                              {{rule::raw_sni_observed, rule_class::raw_observation},
                               {rule::sni_host_header_aligned, rule_class::structural_alignment}},
                              {2, 0.8, es::structurally_aligned, binding_status::bound}};
    const auto aligned = expect_alternative<observed_authority<2, es::structurally_aligned>>(
        make_authority<authority_kind::observed>(host).value());

    const auto d = derive<authority_kind::observed, 2>(sni, aligned);
    static_assert(std::is_same_v<std::decay_t<decltype(d)>, observed_authority<2, es::structurally_aligned>>);
    CHECK(d.derivation().inputs.size() == 3);
    CHECK(d.derivation().rules_applied.size() == 2);  // RAW_SNI_OBSERVED once
    CHECK(d.output().confidence == doctest::Approx(0.8));
    CHECK(d.output().binding_status == binding_status::bound);
    CHECK_FALSE(validate_as(authority_kind::observed, d.derivation()));
}

TEST_CASE("derive into Proven keeps the first Proven input's artifact") {
    authority_derivation jws{{atom(authority_input_type::jws, "eyJ...", 0.99)},
                             {{rule::jws_signature_verified, rule_class::cryptographic_proof}},
                             {4, 0.99, es::cryptographically_proven, binding_status::bound}};
    const auto p = expect_alternative<proven_authority<4>>(
        make_authority<authority_kind::proven>(jws, jws_verified{"kid-1"}).value());
    const auto sni = expect_alternative<observed_authority<2, es::direct_observation>>(
        make_authority<authority_kind::observed>(sni_derivation(2, 0.9)).value());
    const auto d = derive<authority_kind::proven, 2>(sni, p);
    CHECK(std::get<jws_verified>(d.artifact()).kid == "kid-1");
    CHECK(d.output().confidence == doctest::Approx(0.9));
    CHECK_FALSE(validate_as(authority_kind::proven, d.derivation(), is_usable(d.artifact())));
}

TEST_CASE("property: every derive over random typed observed inputs re-validates (seed 20261128)") {
    std::mt19937 rng(20261128u);
    std::uniform_real_distribution<double> conf(0.0, 1.0);
    const authority_derivation shapes[] = {
        sni_derivation(0, 1.0),
        {{atom(authority_input_type::sni, "a", 1.0), atom(authority_input_type::host_header, "a", 1.0)},
         {{rule::sni_host_header_aligned, rule_class::structural_alignment}},
         {0, 1.0, es::structurally_aligned, binding_status::bound}},
        {{atom(authority_input_type::ech_config, "a", 1.0)},
         {{rule::ech_inner_sni_withheld, rule_class::opacity}},
         {0, 1.0, es::opaque, binding_status::unknown}},
    };
    int derived = 0;
    for (int i = 0; i < 600; ++i) {
        auto make_one = [&] {
            authority_derivation d = shapes[rng() % 3];
            const double c = conf(rng);
            for (auto& in : d.inputs) in.confidence = c;
            d.output.confidence = c * conf(rng);
            d.output.tier = static_cast<int>(rng() % 3);
            return make_authority<authority_kind::observed>(d);  // may be rejected (opaque tier 2): skip those
        };
        auto a = make_one();
        auto b = make_one();
        if (!a || !b) continue;
        std::visit(
            [&](const auto& x, const auto& y) {
                if constexpr (requires { derive<authority_kind::observed, 0>(x, y); }) {
                    const auto d = derive<authority_kind::observed, 0>(x, y);
                    CHECK_FALSE(validate_as(authority_kind::observed, d.derivation()));
                    CHECK(d.output().confidence <= std::max(x.output().confidence, y.output().confidence));
                    ++derived;
                }
            },
            a.value(), b.value());
    }
    CHECK(derived > 300);
}

TEST_CASE("the guest event builder produces an event with the Declared evidence") {
    authority_derivation guest{{atom(authority_input_type::guest_declaration, "api.example.com", 0.5)},
                               {{rule::guest_agent_declared, rule_class::guest_agent_declaration}},
                               {1, 0.5, es::declared, binding_status::not_applicable}};
    const auto declared = expect_alternative<declared_authority<1>>(make_authority<authority_kind::declared>(guest).value());
    auto event = guest_event_builder<>("cell-abc123", "dns_query").with_authority(declared).build();
    CHECK(event.cell_id == "cell-abc123");
    CHECK(event.event_type == "dns_query");
    CHECK(event.authority.output().tier == 1);
    const std::string text = json::to_text(boost::json::value_from(event));
    CHECK(text.find("\"event_type\":\"dns_query\"") != std::string::npos);
    CHECK(text.find("\"GUEST_AGENT_DECLARATION\"") != std::string::npos);
}
