// tests/unit/property_test.cpp — seeded property tests of the validator and the typed boundary:
// canonical derivations are valid; nothing accepted ever inflates; every single-field inflation is
// refused with the right error; make_authority<K> agrees with validate_as(K, …); and the Hana-built
// admissible types are exactly the (kind, tier, status) triples that is_admissible() allows.
// Everything is driven by std::mt19937 with a fixed seed, printed by each test (MESSAGE) so that a
// failure can be reproduced; the failing derivation is printed as JSON (INFO).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <boost/hana/for_each.hpp>
#include <boost/hana/length.hpp>
#include <boost/json/value_from.hpp>

#include "../doctest.hpp"
#include "cellos/json.hpp"

#define CELLOS_PROPERTY_SEED 20251128
#define CELLOS_STRINGIFY_(x) #x
#define CELLOS_STRINGIFY(x) CELLOS_STRINGIFY_(x)
#define CELLOS_SEED_TEXT " (seed " CELLOS_STRINGIFY(CELLOS_PROPERTY_SEED) ")"

namespace {

using cellos::applied_rule;
using cellos::authority_derivation;
using cellos::authority_input;
using cellos::authority_input_type;
using cellos::binding_status;
using cellos::class_set;
using cellos::epistemic_status;
using cellos::authority_kind;
using cellos::rule;
using cellos::rule_class;
using cellos::validation_error;
namespace violation = cellos::violation;
namespace detail = cellos::detail;

constexpr std::uint32_t seed = CELLOS_PROPERTY_SEED;
constexpr int canonical_count = 6000;  // >= 5000 canonical derivations per property
constexpr int wild_count = 20000;      // fully random ones (about a fifth of them are accepted)
constexpr std::array<authority_kind, 4> all_kinds{authority_kind::observed, authority_kind::proven, authority_kind::imposed, authority_kind::declared};

/// The derivation as JSON, for failure messages (evaluated only when a check fails).
std::string describe(const authority_derivation& d) { return cellos::json::to_text(boost::json::value_from(d)); }

double max_input(const authority_derivation& d) {
    double m = 0.0;
    for (const auto& in : d.inputs) m = std::max(m, in.confidence);
    return m;
}

/// Random derivations. `canonical` ones have a canonical output; `wild` ones do not care.
class generator {
public:
    explicit generator(std::uint32_t s) : rng_(s) {
        for (rule r : detail::all_enumerators<rule>())
            rules_of_[static_cast<std::size_t>(cellos::canonical_class(r))].push_back(r);
    }

    int integer(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
    bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }
    template <class E>
    E any() { return static_cast<E>(integer(0, static_cast<int>(detail::enum_count<E>) - 1)); }

    /// A confidence in [0, 1], hitting both ends now and then (they are the edge cases).
    double unit() {
        switch (integer(0, 19)) {
            case 0: return 0.0;
            case 1: return 1.0;
            default: return std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
        }
    }

    /// The classes rules are drawn from: a kind's envelope (so every kind gets accepted
    /// derivations), a random non-empty subset, or everything.
    class_set pool() {
        switch (integer(0, 3)) {
            case 0:
            case 1: return cellos::envelope_of(any<authority_kind>()).permitted;
            case 2: return class_set::from_bits(static_cast<std::uint8_t>(integer(1, 63)));
            default: return class_set::from_bits(0x3F);
        }
    }

    rule rule_from(class_set classes) {
        std::vector<rule> candidates;
        for (rule_class c : detail::all_enumerators<rule_class>())
            if (classes.contains(c))
                candidates.insert(candidates.end(), rules_of_[static_cast<std::size_t>(c)].begin(),
                                  rules_of_[static_cast<std::size_t>(c)].end());
        return candidates[static_cast<std::size_t>(integer(0, static_cast<int>(candidates.size()) - 1))];
    }

    std::vector<authority_input> inputs() {
        std::vector<authority_input> in(static_cast<std::size_t>(integer(1, 4)));
        for (auto& i : in) {
            i.input_type = any<authority_input_type>();
            i.value = "v";
            i.confidence = unit();
            if (chance(0.2)) i.source_event_id = "urn:e";
        }
        return in;
    }

    /// 1-4 inputs, 1-4 rules with their canonical class, and the canonical output: tier in
    /// [0, ceiling], confidence in [0, max input], canonical status and binding.
    authority_derivation canonical() {
        authority_derivation d;
        d.inputs = inputs();
        const class_set from = pool();
        const int n = integer(1, 4);
        for (int i = 0; i < n; ++i) {
            const rule r = rule_from(from);
            d.rules_applied.push_back(applied_rule{r, cellos::canonical_class(r)});
        }
        // Sometimes force a kind's required class in, so Proven / Imposed are reached often.
        if (chance(0.3)) {
            const rule r = rule_from(class_set{chance(0.5) ? rule_class::cryptographic_proof : rule_class::imposed_interception});
            d.rules_applied.insert(d.rules_applied.begin() + integer(0, static_cast<int>(d.rules_applied.size())),
                                   applied_rule{r, cellos::canonical_class(r)});
        }
        const class_set classes = d.classes();
        d.output.tier = integer(0, cellos::ceiling_of(classes)->tier);
        const double m = max_input(d);
        d.output.confidence = chance(0.2) ? m : m * unit();  // m * u <= m: rounding is monotonic
        d.output.epistemic_status = *cellos::canonical_status(classes);
        d.output.binding_status = cellos::canonical_binding(classes, d.inputs.size());
        return d;
    }

    /// Anything at all, biased so that a fair share is valid: each output field is canonical or
    /// random, classes are usually canonical, values stray outside their domains now and then.
    authority_derivation wild() {
        authority_derivation d = canonical();
        if (chance(0.02)) d.inputs.clear();
        if (chance(0.02)) d.rules_applied.clear();
        for (auto& in : d.inputs)
            if (chance(0.05)) in.confidence = std::uniform_real_distribution<double>(-0.5, 1.5)(rng_);
        for (auto& r : d.rules_applied)
            if (chance(0.1)) r.cls = any<rule_class>();
        if (chance(0.5)) d.output.tier = integer(-1, 5);
        if (chance(0.5)) d.output.confidence = chance(0.9) ? unit() : std::uniform_real_distribution<double>(-0.5, 1.5)(rng_);
        if (chance(0.5)) d.output.epistemic_status = any<epistemic_status>();
        if (chance(0.5)) d.output.binding_status = any<binding_status>();
        return d;
    }

    std::mt19937& engine() { return rng_; }

private:
    std::mt19937 rng_;
    std::array<std::vector<rule>, 6> rules_of_{};
};

/// The payload of the expected alternative; a failed CHECK naming what came instead otherwise.
template <class V>
std::optional<V> expect(const std::optional<validation_error>& e) {
    if (!e) {
        FAIL_CHECK("expected a validation error, the derivation was accepted");
        return std::nullopt;
    }
    if (const V* v = std::get_if<V>(&*e)) return *v;
    FAIL_CHECK("got " << cellos::errc_name(cellos::code_of(*e)) << ": " << cellos::message_of(*e));
    return std::nullopt;
}

}  // namespace

// ================================================================================================
// (a) canonical derivations are valid
// ================================================================================================

TEST_CASE("property: every canonical derivation is valid" CELLOS_SEED_TEXT) {
    generator g(seed);
    for (int i = 0; i < canonical_count; ++i) {
        const authority_derivation d = g.canonical();
        INFO("derivation " << i << ": " << describe(d));
        const auto e = cellos::validate(d);
        CHECK_MESSAGE(!e, (e ? cellos::message_of(*e) : std::string()));
    }
}

// ================================================================================================
// (b) nothing accepted ever inflates
// ================================================================================================

TEST_CASE("property: no accepted derivation inflates confidence or tier" CELLOS_SEED_TEXT) {
    generator g(seed);
    std::size_t accepted = 0;
    std::array<std::size_t, 4> accepted_as{};
    for (int i = 0; i < canonical_count + wild_count; ++i) {
        const authority_derivation d = i < canonical_count ? g.canonical() : g.wild();
        if (cellos::validate(d)) continue;
        ++accepted;
        INFO("derivation " << i << ": " << describe(d));
        const auto ceiling = cellos::ceiling_of(d.classes());
        REQUIRE(ceiling.has_value());
        CHECK(d.output.confidence <= max_input(d));
        CHECK(d.output.tier <= ceiling->tier);
        CHECK(d.output.tier >= 0);
        for (const authority_kind k : all_kinds) {
            if (cellos::validate_as(k, d, true)) continue;
            ++accepted_as[static_cast<std::size_t>(k)];
            CHECK(d.output.tier <= cellos::envelope_of(k).tier_cap);
            CHECK(cellos::fits_envelope(k, d.classes()));
        }
    }
    // Guard against a vacuous pass: the wild generator must produce accepted derivations too.
    CHECK(accepted > static_cast<std::size_t>(canonical_count) + wild_count / 20);
    for (const authority_kind k : all_kinds) {
        INFO("kind " << cellos::to_wire(k));
        CHECK(accepted_as[static_cast<std::size_t>(k)] > 100);
    }
}

// ================================================================================================
// (c) every single-field inflation of a valid derivation is refused with the RIGHT error
// ================================================================================================

TEST_CASE("property: single-field inflations are refused with the right error" CELLOS_SEED_TEXT) {
    generator g(seed);
    std::size_t tier_inflations = 0, confidence_inflations = 0;
    for (int i = 0; i < canonical_count; ++i) {
        const authority_derivation valid = g.canonical();
        REQUIRE_FALSE(cellos::validate(valid));
        INFO("derivation " << i << ": " << describe(valid));
        const class_set classes = valid.classes();
        const cellos::tier_ceiling ceiling = *cellos::ceiling_of(classes);
        const double best = max_input(valid);

        // tier above the ceiling, still in [0, 4]
        for (int t = ceiling.tier + 1; t <= cellos::max_tier; ++t) {
            auto d = valid;
            d.output.tier = t;
            ++tier_inflations;
            if (const auto v = expect<violation::tier_inflation>(cellos::validate(d))) {
                CHECK(v->output == t);
                CHECK(v->ceiling == ceiling.tier);
                CHECK(v->limiting_class == ceiling.limiting_class);
            }
        }
        // tier 5..255 (and below 0)
        for (const int t : {5, 255, g.integer(6, 254), -1, -g.integer(2, 255)}) {
            auto d = valid;
            d.output.tier = t;
            if (const auto v = expect<violation::tier_out_of_range>(cellos::validate(d))) CHECK(v->tier == t);
        }
        // confidence above the best input, still <= 1
        if (best < 1.0) {
            std::vector<double> above{std::nextafter(best, 2.0), 1.0};
            const double between = best + (1.0 - best) * std::uniform_real_distribution<double>(0.0, 1.0)(g.engine());
            if (between > best && between <= 1.0) above.push_back(between);
            for (const double c : above) {
                auto d = valid;
                d.output.confidence = c;
                ++confidence_inflations;
                if (const auto v = expect<violation::confidence_inflation>(cellos::validate(d))) {
                    CHECK(v->output == c);
                    CHECK(v->max_input == best);
                }
            }
        }
        // confidence outside [0, 1] or NaN
        for (const double c : {std::nextafter(1.0, 2.0), 1.0 + std::uniform_real_distribution<double>(1e-9, 10.0)(g.engine()), 1e300,
                               std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN(),
                               -std::numeric_limits<double>::denorm_min(), -0.5}) {
            auto d = valid;
            d.output.confidence = c;
            if (const auto v = expect<violation::output_confidence_invalid>(cellos::validate(d)))
                CHECK((v->value == c || (std::isnan(c) && std::isnan(v->value))));
        }
        // any other epistemic status
        for (const epistemic_status s : detail::all_enumerators<epistemic_status>()) {
            if (s == valid.output.epistemic_status) continue;
            auto d = valid;
            d.output.epistemic_status = s;
            if (const auto v = expect<violation::epistemic_mismatch>(cellos::validate(d))) {
                CHECK(v->declared == s);
                CHECK(v->expected == valid.output.epistemic_status);
            }
        }
        // any other binding status
        for (const binding_status b : detail::all_enumerators<binding_status>()) {
            if (b == valid.output.binding_status) continue;
            auto d = valid;
            d.output.binding_status = b;
            if (const auto v = expect<violation::binding_status_mismatch>(cellos::validate(d))) {
                CHECK(v->declared == b);
                CHECK(v->expected == valid.output.binding_status);
            }
        }
        // one rule's class changed to any other class
        const auto index = static_cast<std::size_t>(g.integer(0, static_cast<int>(valid.rules_applied.size()) - 1));
        for (const rule_class c : detail::all_enumerators<rule_class>()) {
            if (c == valid.rules_applied[index].cls) continue;
            auto d = valid;
            d.rules_applied[index].cls = c;
            if (const auto v = expect<violation::rule_class_mismatch>(cellos::validate(d))) {
                CHECK(v->index == index);
                CHECK(v->rule == valid.rules_applied[index].rule);
                CHECK(v->declared == c);
                CHECK(v->canonical == valid.rules_applied[index].cls);
            }
        }
    }
    // Both inflation kinds were actually exercised.
    CHECK(tier_inflations > 1000);
    CHECK(confidence_inflations > 1000);
}

// ================================================================================================
// (d) make_authority<K> accepts exactly what validate_as(K, d, true) accepts, typed as the output
// ================================================================================================

namespace {

template <authority_kind K>
auto make(const authority_derivation& d, bool usable_artifact) {
    if constexpr (K == authority_kind::proven)
        return cellos::make_authority<K>(d, usable_artifact ? cellos::proven_authority_artifact{cellos::svid_chain_verified{"spiffe://x/w"}}
                                                            : cellos::proven_authority_artifact{cellos::svid_chain_verified{}});
    else
        return cellos::make_authority<K>(d);
}

/// Returns whether K accepted d; checks the agreement and the static type of the result.
template <authority_kind K>
bool check_make_agrees(const authority_derivation& d, bool usable_artifact) {
    const auto expected = cellos::validate_as(K, d, usable_artifact);
    const auto made = make<K>(d, usable_artifact);
    INFO("kind " << cellos::to_wire(K) << (usable_artifact ? "" : " (unusable artifact)"));
    CHECK(made.has_value() == !expected);
    if (made.has_value()) {
        std::visit(
            [&](const auto& a) {
                using A = std::decay_t<decltype(a)>;
                CHECK(A::authority_kind == K);
                CHECK(A::tier == d.output.tier);
                CHECK(A::status == d.output.epistemic_status);
                CHECK(a.derivation() == d);
            },
            made.value());
    } else if (expected) {
        CHECK(made.error().index() == expected->index());
    }
    return made.has_value();
}

}  // namespace

TEST_CASE("property: make_authority<K> accepts iff validate_as(K, d) does, typed as the output" CELLOS_SEED_TEXT) {
    generator g(seed);
    std::array<std::size_t, 4> accepted{};
    for (int i = 0; i < canonical_count + wild_count / 2; ++i) {
        authority_derivation d = i % 2 == 0 ? g.canonical() : g.wild();
        // Half of the canonical ones also probe the tiers above the ceiling (envelope caps).
        if (i % 4 == 0) d.output.tier = g.integer(0, 4);
        INFO("derivation " << i << ": " << describe(d));
        accepted[0] += check_make_agrees<authority_kind::observed>(d, true);
        accepted[1] += check_make_agrees<authority_kind::proven>(d, true);
        check_make_agrees<authority_kind::proven>(d, false);  // never accepted
        accepted[2] += check_make_agrees<authority_kind::imposed>(d, true);
        accepted[3] += check_make_agrees<authority_kind::declared>(d, true);
    }
    for (const authority_kind k : all_kinds) {
        INFO("kind " << cellos::to_wire(k));
        CHECK(accepted[static_cast<std::size_t>(k)] > 100);
    }
}

// ================================================================================================
// (e) the Hana-generated types are exactly the admissible (kind, tier, status) triples
// ================================================================================================

namespace {

using triple_set = std::set<std::pair<int, int>>;  // (tier, status)

template <authority_kind K>
triple_set hana_types() {
    triple_set out;
    std::size_t n = 0;
    boost::hana::for_each(cellos::admissible_authorities<K>, [&](auto t) {
        using A = typename decltype(t)::type;
        CHECK(A::authority_kind == K);
        out.emplace(A::tier, static_cast<int>(A::status));
        ++n;
    });
    CHECK(out.size() == n);  // no type listed twice
    CHECK(std::variant_size_v<cellos::any_authority<K>> == n);
    return out;
}

/// Brute force, independent of is_admissible / bounds_of: every non-empty class set, one rule per
/// class, each tier; the canonical status and binding; keep what validate_as accepts.
triple_set brute_force(authority_kind k) {
    triple_set out;
    for (unsigned bits = 1; bits < cellos::class_set_count; ++bits) {
        const class_set classes = class_set::from_bits(static_cast<std::uint8_t>(bits));
        for (const std::size_t inputs : {std::size_t{1}, std::size_t{2}}) {
            authority_derivation d;
            d.inputs.assign(inputs, authority_input{authority_input_type::sni, "v", 1.0, std::nullopt});
            for (rule r : detail::all_enumerators<rule>()) {
                const rule_class c = cellos::canonical_class(r);
                const bool first_of_class = std::none_of(d.rules_applied.begin(), d.rules_applied.end(),
                                                         [&](const applied_rule& a) { return a.cls == c; });
                if (classes.contains(c) && first_of_class) d.rules_applied.push_back({r, c});
            }
            REQUIRE(d.classes() == classes);
            d.output.confidence = 1.0;
            d.output.epistemic_status = *cellos::canonical_status(classes);
            d.output.binding_status = cellos::canonical_binding(classes, inputs);
            for (int t = -1; t <= 5; ++t) {
                d.output.tier = t;
                if (!cellos::validate_as(k, d, true)) out.emplace(t, static_cast<int>(d.output.epistemic_status));
            }
        }
    }
    return out;
}

}  // namespace

TEST_CASE("property: is_admissible is true exactly for the Hana-generated types") {
    const std::array<triple_set, 4> hana{hana_types<authority_kind::observed>(), hana_types<authority_kind::proven>(),
                                         hana_types<authority_kind::imposed>(), hana_types<authority_kind::declared>()};
    std::size_t total = 0;
    for (const authority_kind k : all_kinds) {
        INFO("kind " << cellos::to_wire(k));
        const triple_set& types = hana[static_cast<std::size_t>(k)];
        const triple_set brute = brute_force(k);
        total += types.size();
        CHECK(types == brute);
        for (int t = -2; t <= 6; ++t) {
            for (const epistemic_status s : detail::all_enumerators<epistemic_status>()) {
                INFO("tier " << t << ", status " << cellos::to_wire(s));
                const bool listed = types.contains({t, static_cast<int>(s)});
                CHECK(cellos::is_admissible(k, t, s) == listed);
                CHECK(brute.contains({t, static_cast<int>(s)}) == listed);
            }
        }
    }
    // The CLI's `authority kinds` contract: 8 + 5 + 5 + 2 types.
    CHECK(hana[0].size() == 8);
    CHECK(hana[1].size() == 5);
    CHECK(hana[2].size() == 5);
    CHECK(hana[3].size() == 2);
    CHECK(total == 20);
    // Runtime, not static_assert: a changed envelope table should fail here, not stop the build.
    CHECK(decltype(boost::hana::length(cellos::all_admissible_authorities))::value == 20);
}
