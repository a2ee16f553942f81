// tools/cellos/util_cmd.hpp — `cellos util …`: the cellos/util helpers from the shell, so that
// operators and scripts can check a cgroup segment, a redaction, an allowlist decision, a
// principal URI or a tenant id exactly as the library decides them. Follows cli.hpp: JSON on
// stdout, exit 0 answered / valid, 1 input rejected, 2 usage or I/O.
#pragma once

#include <cstddef>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value_from.hpp>

#include "cellos/json/decode.hpp"
#include "cellos/json/parse.hpp"
#include "cellos/json/principal.hpp"
#include "cellos/util/cgroup_id.hpp"
#include "cellos/detail/utf8.hpp"
#include "cellos/util/hostname.hpp"
#include "cellos/util/principal.hpp"
#include "cellos/util/redaction.hpp"
#include "cellos/util/tenant_id.hpp"
#include "cli.hpp"

namespace cellos::cli {

inline constexpr std::string_view util_help =
    "usage: cellos util cgroup-segment ID\n"
    "       cellos util redact-url TEXT\n"
    "       cellos util hostname-match --allowlist FILE|- HOST\n"
    "       cellos util principal URI\n"
    "       cellos util tenant-id ID\n"
    "\n"
    "cgroup-segment  the cgroup v2 leaf segment for a cell id: {\"segment\": ...}\n"
    "redact-url      TEXT with URL credentials removed: {\"redacted\": ..., \"changed\": bool}\n"
    "hostname-match  whether HOST is allowed by FILE, a JSON array of allowlist entries\n"
    "                (\"api.example.com\", \"*.cdn.example.com\"): {\"host\", \"allowed\", \"entry\"};\n"
    "                a denied host is an answer (exit 0); a bad allowlist is rejected (exit 1)\n"
    "principal       parse a principal URI (principal://operator/<id>, ...) and print its JSON\n"
    "                form and canonical URI\n"
    "tenant-id       whether ID is usable as a NATS subject token: {\"valid\": true} or exit 1\n"
    "\n"
    "Exit 0 answered / valid, 1 input rejected, 2 usage / I/O.\n";

namespace detail {

inline boost::json::string json_string(std::string_view s) { return boost::json::string(s.data(), s.size()); }

/// Text that will be echoed must be UTF-8, or the JSON on stdout would not be.
inline std::optional<int> reject_non_utf8(std::string_view text, std::string_view what) {
    if (cellos::detail::is_valid_utf8(text)) return std::nullopt;
    return reject(make_problem(errc::invalid_utf8, "", std::string(what) + " is not valid UTF-8"));
}

/// The single positional of a `util` subcommand, or the exit code of the usage error.
struct one_argument {
    parsed_args p;
    std::optional<int> exit;
};

inline one_argument single_positional(args a, std::initializer_list<std::string_view> valued, std::string_view what) {
    one_argument r{parse_args(a, valued), std::nullopt};
    if (r.p.help) {
        std::cout << util_help;
        r.exit = success;
    } else if (r.p.error) {
        r.exit = fail(errc::usage, *r.p.error, util_help);
    } else if (r.p.positionals.size() != 1) {
        r.exit = fail(errc::usage, "expected exactly one " + std::string(what), util_help);
    }
    return r;
}

}  // namespace detail

inline int util_cgroup_segment(args a) {
    const auto in = detail::single_positional(a, {}, "ID");
    if (in.exit) return *in.exit;
    // the output is ASCII whatever the input, so even non-UTF-8 ids get an answer
    emit(boost::json::object{{"segment", cellos::sanitize_cgroup_leaf_segment(in.p.positionals[0])}});
    return success;
}

inline int util_redact_url(args a) {
    const auto in = detail::single_positional(a, {}, "TEXT");
    if (in.exit) return *in.exit;
    const std::string_view text = in.p.positionals[0];
    if (const auto rejected = detail::reject_non_utf8(text, "TEXT")) return *rejected;
    const std::string redacted = cellos::redact_url_credentials_for_logs(text);
    emit(boost::json::object{{"redacted", redacted}, {"changed", redacted != text}});
    return success;
}

inline int util_hostname_match(args a) {
    const auto in = detail::single_positional(a, {"allowlist"}, "HOST");
    if (in.exit) return *in.exit;
    const auto file = in.p.option("allowlist");
    if (!file) return fail(errc::usage, "missing --allowlist FILE", util_help);
    const std::string_view host = in.p.positionals[0];
    const auto text = read_input(*file);
    if (!text) return fail(text.error());
    auto doc = json::parse_strict(text.value());
    if (!doc) return reject(doc.error());
    json::decoder d;
    auto entries = json::decode<std::vector<std::string>>(doc.value(), d);
    if (!entries) return reject(entries.error());
    for (std::size_t i = 0; i < entries.value().size(); ++i)
        if (!cellos::is_valid_allowlist_entry(entries.value()[i]))
            return reject(make_problem(
                errc::invalid_value, "/" + std::to_string(i),
                "not an allowlist entry: expected a DNS name or \"*.\" and a name of two or more labels"));
    if (const auto rejected = detail::reject_non_utf8(host, "HOST")) return *rejected;
    boost::json::value matched = nullptr;
    for (const std::string& e : entries.value())
        if (cellos::hostname_matches_entry(host, e)) {
            matched = boost::json::string(e);
            break;
        }
    const bool allowed = !matched.is_null();
    emit(boost::json::object{{"host", detail::json_string(host)}, {"allowed", allowed}, {"entry", std::move(matched)}});
    return success;
}

inline int util_principal(args a) {
    const auto in = detail::single_positional(a, {}, "URI");
    if (in.exit) return *in.exit;
    auto p = cellos::parse_principal_uri(in.p.positionals[0]);
    if (!p) return reject(p.error());
    emit(boost::json::object{{"valid", true}, {"principal", boost::json::value_from(p.value())}, {"uri", p.value().to_source_uri()}});
    return success;
}

inline int util_tenant_id(args a) {
    const auto in = detail::single_positional(a, {}, "ID");
    if (in.exit) return *in.exit;
    const std::string_view id = in.p.positionals[0];
    if (!cellos::validate_tenant_id_for_subject_token(id))
        return reject(make_problem(errc::invalid_spec, "",
                                                "tenant id " + std::string(cellos::subject_token_problem(id))));
    emit(boost::json::object{{"valid", true}});
    return success;
}

inline int util_command(args a) {
    if (a.empty()) return fail(errc::usage, "missing util subcommand", util_help);
    if (a[0] == "--help" || a[0] == "-h") {
        std::cout << util_help;
        return success;
    }
    if (a[0] == "cgroup-segment") return util_cgroup_segment(a.subspan(1));
    if (a[0] == "redact-url") return util_redact_url(a.subspan(1));
    if (a[0] == "hostname-match") return util_hostname_match(a.subspan(1));
    if (a[0] == "principal") return util_principal(a.subspan(1));
    if (a[0] == "tenant-id") return util_tenant_id(a.subspan(1));
    return fail(errc::usage, "unknown util subcommand \"" + std::string(a[0]) + "\"", util_help);
}

}  // namespace cellos::cli
