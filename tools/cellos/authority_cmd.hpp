// tools/cellos/authority_cmd.hpp — `cellos authority validate|kinds`.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include <boost/hana/for_each.hpp>
#include <boost/json/value_from.hpp>

#include "cellos/json.hpp"
#include "cli.hpp"

namespace cellos::cli {

inline constexpr std::string_view authority_help =
    "usage: cellos authority validate --kind observed|proven|imposed|declared FILE|-\n"
    "       cellos authority kinds\n"
    "\n"
    "validate  strictly parse a typed-authority document ({\"derivation\": ...} plus \"artifact\"\n"
    "          for proven), run the validator and the kind's envelope, and print the static\n"
    "          type it maps to. Exit 0 valid, 1 rejected, 2 usage / I/O.\n"
    "kinds     print every kind's envelope and its admissible (tier, status) types.\n";

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

inline int authority_validate(args a) {
    const parsed_args p = parse_args(a, {"kind"});
    if (p.help) {
        std::cout << authority_help;
        return success;
    }
    if (p.error) return fail(errc::usage, *p.error, authority_help);
    const auto kind_name = p.option("kind");
    if (!kind_name) return fail(errc::usage, "missing --kind", authority_help);
    const auto k = from_wire<authority_kind>(*kind_name);
    if (!k) return fail(errc::usage, "unknown kind \"" + std::string(*kind_name) + "\"", authority_help);
    if (p.positionals.size() != 1) return fail(errc::usage, "expected exactly one FILE (or - for stdin)", authority_help);
    const auto text = read_input(p.positionals[0]);
    if (!text) return fail(text.error());
    auto parsed = json::parse_authority(*k, text.value());
    if (!parsed) return reject(parsed.error());
    emit(std::visit([](const auto& typed) { return describe(typed); }, parsed.value()));
    return success;
}

inline int authority_kinds(args a) {
    const parsed_args p = parse_args(a, {});
    if (p.help) {
        std::cout << authority_help;
        return success;
    }
    if (p.error || !p.positionals.empty()) return fail(errc::usage, p.error.value_or("kinds takes no arguments"), authority_help);
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

inline int authority_command(args a) {
    if (a.empty()) return fail(errc::usage, "missing authority subcommand", authority_help);
    if (a[0] == "--help" || a[0] == "-h") {
        std::cout << authority_help;
        return success;
    }
    if (a[0] == "validate") return authority_validate(a.subspan(1));
    if (a[0] == "kinds") return authority_kinds(a.subspan(1));
    return fail(errc::usage, "unknown authority subcommand \"" + std::string(a[0]) + "\"", authority_help);
}

}  // namespace cellos::cli
