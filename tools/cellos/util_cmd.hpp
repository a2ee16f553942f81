// tools/cellos/util_cmd.hpp — `cellos util …`: the cellos/util helpers from the shell, so that
// operators and scripts can check a cgroup segment, a redaction, an allowlist decision, a
// principal URI or a tenant id exactly as the library decides them. Follows cli.hpp: JSON on
// stdout, exit 0 answered / valid, 1 input rejected, 2 usage or I/O.
#pragma once

#include <array>
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

inline int util_run(const parsed_args& p);

inline constexpr std::array<std::string_view, 5> util_usage{"cgroup-segment ID", "redact-url TEXT", "hostname-match --allowlist FILE|- HOST", "principal URI", "tenant-id ID"};
inline constexpr std::array<std::string_view, 1> util_options{"allowlist"};
inline constexpr std::array<std::string_view, 5> util_subcommands{"cgroup-segment", "redact-url", "hostname-match", "principal", "tenant-id"};
inline constexpr command util_command{
    "util",
    util_usage,
    "the pure helpers: cgroup segment, URL redaction, hostname allowlist, principal, tenant id",
    "cgroup-segment  the cgroup v2 leaf segment for a cell id: {\"segment\": ...}\n"
    "redact-url      TEXT with URL credentials removed: {\"redacted\": ..., \"changed\": bool}\n"
    "hostname-match  whether HOST is allowed by FILE, a JSON array of allowlist entries\n"
    "                (\"api.example.com\", \"*.cdn.example.com\"): {\"host\", \"allowed\", \"entry\"};\n"
    "                a denied host is an answer (exit 0); a bad allowlist is rejected (exit 1)\n"
    "principal       parse a principal URI (principal://operator/<id>, ...) and print its JSON\n"
    "                form and canonical URI\n"
    "tenant-id       whether ID is usable as a NATS subject token: {\"valid\": true} or exit 1\n"
    "\n"
    "Exit 0 answered / valid, 1 input rejected, 2 usage / I/O.\n",
    option_spec{util_options, {}, {}},
    util_subcommands,
    util_run};

namespace detail {

/// Text that will be echoed must be UTF-8, or the JSON on stdout would not be.
inline std::optional<int> reject_non_utf8(std::string_view text, std::string_view what) {
    if (cellos::detail::is_valid_utf8(text)) return std::nullopt;
    return reject(make_problem(errc::invalid_utf8, "", std::string(what) + " is not valid UTF-8"));
}

/// The exit code of a usage error, unless `p` holds the subcommand and exactly one argument (and
/// --allowlist only for hostname-match).
inline std::optional<int> single_positional(const parsed_args& p, std::string_view what) {
    if (p.option("allowlist") && p.positionals[0] != "hostname-match")
        return fail(errc::usage, "--allowlist applies to hostname-match only", help_text(util_command));
    if (p.positionals.size() != 2) return fail(errc::usage, "expected exactly one " + std::string(what), help_text(util_command));
    return std::nullopt;
}

}  // namespace detail

inline int util_cgroup_segment(const parsed_args& p) {
    if (const auto usage = detail::single_positional(p, "ID")) return *usage;
    // the output is ASCII whatever the input, so even non-UTF-8 ids get an answer
    emit(boost::json::object{{"segment", cellos::sanitize_cgroup_leaf_segment(p.positionals[1])}});
    return success;
}

inline int util_redact_url(const parsed_args& p) {
    if (const auto usage = detail::single_positional(p, "TEXT")) return *usage;
    const std::string_view text = p.positionals[1];
    if (const auto rejected = detail::reject_non_utf8(text, "TEXT")) return *rejected;
    const std::string redacted = cellos::redact_url_credentials_for_logs(text);
    emit(boost::json::object{{"redacted", redacted}, {"changed", redacted != text}});
    return success;
}

inline int util_hostname_match(const parsed_args& p) {
    if (const auto usage = detail::single_positional(p, "HOST")) return *usage;
    const auto file = p.option("allowlist");
    if (!file) return fail(errc::usage, "missing --allowlist FILE", help_text(util_command));
    const std::string_view host = p.positionals[1];
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
    emit(boost::json::object{{"host", json_string(host)}, {"allowed", allowed}, {"entry", std::move(matched)}});
    return success;
}

inline int util_principal(const parsed_args& p) {
    if (const auto usage = detail::single_positional(p, "URI")) return *usage;
    auto principal = cellos::parse_principal_uri(p.positionals[1]);
    if (!principal) return reject(principal.error());
    emit(boost::json::object{{"valid", true}, {"principal", boost::json::value_from(principal.value())}, {"uri", principal.value().to_source_uri()}});
    return success;
}

inline int util_tenant_id(const parsed_args& p) {
    if (const auto usage = detail::single_positional(p, "ID")) return *usage;
    const std::string_view id = p.positionals[1];
    if (!cellos::validate_tenant_id_for_subject_token(id))
        return reject(make_problem(errc::invalid_spec, "",
                                                "tenant id " + std::string(cellos::subject_token_problem(id))));
    emit(boost::json::object{{"valid", true}});
    return success;
}

inline int util_run(const parsed_args& p) {
    const std::string_view helper = p.positionals[0];
    if (helper == "cgroup-segment") return util_cgroup_segment(p);
    if (helper == "redact-url") return util_redact_url(p);
    if (helper == "hostname-match") return util_hostname_match(p);
    if (helper == "principal") return util_principal(p);
    return util_tenant_id(p);
}

}  // namespace cellos::cli
