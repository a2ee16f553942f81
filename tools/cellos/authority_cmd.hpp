// tools/cellos/authority_cmd.hpp — `cellos authority validate|kinds`.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <variant>

#include <boost/hana/for_each.hpp>
#include <boost/json/value_from.hpp>

#include "cellos/json.hpp"
#include "cli.hpp"

namespace cellos::cli {

inline int authority_run(const parsed_args& p);

inline constexpr std::array<std::string_view, 2> authority_usage{"validate --kind observed|proven|imposed|declared FILE|-", "kinds"};
inline constexpr std::array<std::string_view, 1> authority_options{"kind"};
inline constexpr std::array<std::string_view, 2> authority_subcommands{"validate", "kinds"};
inline constexpr command authority_command{
    "authority",
    authority_usage,
    "typed-authority documents: validate one, list the kinds",
    "validate  strictly parse a typed-authority document ({\"derivation\": ...} plus \"artifact\"\n"
    "          for proven), run the validator and the kind's envelope, and print the static\n"
    "          type it maps to. Exit 0 valid, 1 rejected, 2 usage / I/O.\n"
    "kinds     print every kind's envelope and its admissible (tier, status) types.\n",
    option_spec{authority_options, {}, {}},
    authority_subcommands,
    authority_run};

/// The C++ spelling of a typed authority's static type, e.g. authority<observed, 2, DIRECT_OBSERVATION>.
template <class A>
std::string type_spelling() {
    return "authority<" + std::string(to_wire(A::authority_kind)) + ", " + std::to_string(A::tier) + ", " +
           std::string(to_wire(A::status)) + ">";
}

inline boost::json::array class_names(class_set s) {
    boost::json::array out;
    for (rule_class c : detail::all_enumerators<rule_class>())
        if (s.contains(c)) out.push_back(boost::json::value_from(c));
    return out;
}

/// What `validate` prints for an accepted document.
template <class A>
boost::json::object describe(const A& a) {
    const authority_output out = a.output();
    boost::json::object o{{"valid", true},
                          {"kind", boost::json::value_from(A::authority_kind)},
                          {"type", type_spelling<A>()},
                          {"tier", A::tier},
                          {"confidence", out.confidence},
                          {"epistemic_status", boost::json::value_from(A::status)},
                          {"binding_status", boost::json::value_from(out.binding_status)},
                          {"classes", class_names(a.derivation().classes())}};
    return o;
}

inline int authority_validate(const parsed_args& p) {
    const auto kind_name = p.option("kind");
    if (!kind_name) return fail(errc::usage, "missing --kind", help_text(authority_command));
    const auto k = from_wire<authority_kind>(*kind_name);
    if (!k) return fail(errc::usage, "unknown kind \"" + std::string(*kind_name) + "\"", help_text(authority_command));
    if (p.positionals.size() != 2) return fail(errc::usage, "expected exactly one FILE (or - for stdin)", help_text(authority_command));
    const auto text = read_input(p.positionals[1]);
    if (!text) return fail(text.error());
    auto parsed = json::parse_authority(*k, text.value());
    if (!parsed) return reject(parsed.error());
    emit(std::visit([](const auto& typed) { return describe(typed); }, parsed.value()));
    return success;
}

inline int authority_kinds(const parsed_args& p) {
    if (p.positionals.size() != 1 || p.option("kind")) return fail(errc::usage, "kinds takes no arguments", help_text(authority_command));
    boost::json::array kinds;
    for (authority_kind k : detail::all_enumerators<authority_kind>()) {
        const envelope& e = envelope_of(k);
        kinds.push_back({{"kind", boost::json::value_from(k)},
                         {"type_name", boost::json::string(e.type_name.data(), e.type_name.size())},
                         {"permitted_classes", class_names(e.permitted)},
                         {"required_classes", class_names(e.required)},
                         {"tier_cap", e.tier_cap},
                         {"types", boost::json::array{}}});
    }
    boost::hana::for_each(all_admissible_authorities, [&](auto t) {
        using A = typename decltype(t)::type;
        kinds[static_cast<std::size_t>(A::authority_kind)].as_object()["types"].as_array().push_back(
            boost::json::string(type_spelling<A>()));
    });
    emit(boost::json::object{{"kinds", std::move(kinds)}});
    return success;
}

inline int authority_run(const parsed_args& p) {
    return p.positionals[0] == "validate" ? authority_validate(p) : authority_kinds(p);
}

}  // namespace cellos::cli
