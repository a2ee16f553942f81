// tests/unit/util_test.cpp — the cellos/util helpers at run time: cgroup segments (upstream
// vectors, multibyte and ill-formed UTF-8), host names and the allowlist matcher over runtime
// containers, URL redaction (both stages, multi-URL lines, garbage), NATS tenant ids, and
// principals (factories, scope rule, depth bound, URI round trips, the strict JSON form).
// Compile-time twins: tests/static/util_static.cpp.
#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/value_from.hpp>

#include "../doctest.hpp"
#include "cellos/json/principal.hpp"
#include "cellos/json/write.hpp"
#include "cellos/util/cgroup_id.hpp"
#include "cellos/util/hostname.hpp"
#include "cellos/util/principal.hpp"
#include "cellos/util/redaction.hpp"
#include "cellos/util/tenant_id.hpp"

namespace {

using namespace cellos;
using namespace std::string_literals;
using cellos::errc;
namespace cj = cellos::json;

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

principal must(cellos::result<principal> r) {
    REQUIRE_MESSAGE(r.has_value(), "factory failed: " << (r ? std::string() : r.error().message()));
    return std::move(r).value();
}

authority_scope scope_of(std::initializer_list<std::string_view> caps) {
    auto s = authority_scope::make(caps);
    REQUIRE(s.has_value());
    return std::move(s).value();
}

principal alice() { return must(principal::make_operator("alice")); }

/// The boundary error of decoding `text` as a principal; fails the test when it is accepted.
cellos::problem principal_rejection(std::string_view text) {
    auto r = cj::parse_principal(text);
    REQUIRE_MESSAGE(r.has_error(), "accepted: " << text);
    return r.error();
}

}  // namespace

// --- cgroup segments -------------------------------------------------------------------------------

TEST_CASE("cgroup segment: the upstream vectors") {
    CHECK(sanitize_cgroup_leaf_segment("ab/cd@ef!") == "ab_cd_ef_");
    CHECK(sanitize_cgroup_leaf_segment(repeat("a", 100)) == repeat("a", 64));
    CHECK(sanitize_cgroup_leaf_segment("") == "cell");
}

TEST_CASE("cgroup segment: one '_' per Unicode scalar, '.' and '/' included") {
    CHECK(sanitize_cgroup_leaf_segment("\xc3\xa9") == "_");             // é
    CHECK(sanitize_cgroup_leaf_segment("\xe6\x97\xa5\xe6\x9c\xac") == "__");  // 日本
    CHECK(sanitize_cgroup_leaf_segment("\xf0\x9f\x98\x82x") == "_x");    // 😂 (4 bytes)
    CHECK(sanitize_cgroup_leaf_segment("my.cell/../x") == "my_cell____x");
    CHECK(sanitize_cgroup_leaf_segment("Cell_01-A") == "Cell_01-A");
    CHECK(sanitize_cgroup_leaf_segment(" ") == "_");
    CHECK(sanitize_cgroup_leaf_segment(".") == "_");
    CHECK(sanitize_cgroup_leaf_segment(std::string_view("\0", 1)) == "_");
    // 64 characters, not 64 bytes: 70 × "é" (140 bytes) → 64 × "_"
    CHECK(sanitize_cgroup_leaf_segment(repeat("\xc3\xa9", 70)) == repeat("_", 64));
    CHECK(sanitize_cgroup_leaf_segment(repeat("a", 63) + "\xe6\x97\xa5zzz") == repeat("a", 63) + "_");
}

TEST_CASE("cgroup segment: ill-formed UTF-8 becomes one '_' per byte (our choice)") {
    CHECK(sanitize_cgroup_leaf_segment("\xc3") == "_");              // truncated 2-byte
    CHECK(sanitize_cgroup_leaf_segment("\xe6\x97") == "__");         // truncated 3-byte
    CHECK(sanitize_cgroup_leaf_segment("\xe6\x97z") == "__z");
    CHECK(sanitize_cgroup_leaf_segment("\xc0\xaf") == "__");         // overlong '/'
    CHECK(sanitize_cgroup_leaf_segment("\xed\xa0\x80") == "___");    // surrogate
    CHECK(sanitize_cgroup_leaf_segment("\xff\xfe" "ab") == "__ab");
    CHECK(sanitize_cgroup_leaf_segment("\x80") == "_");              // lone continuation byte
    CHECK(sanitize_cgroup_leaf_segment(repeat("\xff", 200)) == repeat("_", 64));
}

TEST_CASE("cgroup segment: the output is always a safe segment") {
    std::mt19937 rng(20240611);
    for (int round = 0; round < 2000; ++round) {
        std::string in(rng() % 100, '\0');
        for (char& c : in) c = static_cast<char>(rng() % 256);
        const std::string out = sanitize_cgroup_leaf_segment(in);
        REQUIRE(!out.empty());
        REQUIRE(out.size() <= cgroup_leaf_max_length);
        for (const char c : out) REQUIRE(((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'));
        REQUIRE(sanitize_cgroup_leaf_segment(out) == out);  // idempotent
    }
}

// --- host names -----------------------------------------------------------------------------------------

TEST_CASE("hostname: the §6 table over runtime containers") {
    const std::vector<std::string> allowlist{"api.example.com", "*.cdn.example.com"};
    CHECK(hostname_allowed("api.example.com", allowlist));
    CHECK(hostname_allowed("API.EXAMPLE.COM", allowlist));
    CHECK_FALSE(hostname_allowed("x.api.example.com", allowlist));
    CHECK(hostname_allowed("foo.cdn.example.com", allowlist));
    CHECK(hostname_allowed("a.b.cdn.example.com", allowlist));
    CHECK_FALSE(hostname_allowed("cdn.example.com", allowlist));
    CHECK_FALSE(hostname_allowed("", allowlist));
    CHECK_FALSE(hostname_allowed("api.example.com", std::vector<std::string>{}));
    CHECK(hostname_allowed("api.example.com.", allowlist));  // trailing dot dropped (our choice)
    const char* const c_array[] = {"*.example.org"};
    CHECK(hostname_allowed("www.example.org", c_array));
}

TEST_CASE("hostname: the matcher never matches through garbage") {
    const std::vector<std::string_view> hosts{"", ".", "..", "*", "*.", "a", "\xff.example.com", "a b.example.com",
                                              "example.com..", std::string_view("\0.example.com", 13)};
    const std::vector<std::string_view> entries{"", "*", "*.", ".", "**", "*.*", "a.*", "*a.example.com"};
    for (auto h : hosts)
        for (auto e : entries) CHECK_FALSE(hostname_matches_entry(h, e));
    CHECK(hostname_matches_entry("\xff.example.com", "*.example.com"));  // bytes are not validated here
    CHECK_FALSE(is_valid_allowlist_entry("\xff.example.com"));             // admission refuses them
}

TEST_CASE("hostname: literal predicates at run time") {
    CHECK(is_dns_name(std::string("svc.cluster.local")));
    CHECK_FALSE(is_dns_name(std::string(254, 'a')));
    CHECK(is_ipv4_literal(std::string("10.0.0.1")));
    CHECK(is_ipv6_literal(std::string("fd00::1")));
    CHECK_FALSE(is_ipv6_literal(std::string("fd00::1%lo")));
}

// --- redaction ------------------------------------------------------------------------------------------

TEST_CASE("redaction: the §5.1 examples (WHATWG re-serialization)") {
    CHECK(redact_url_credentials_for_logs("http://u:p@host") == "http://host/");
    CHECK(redact_url_credentials_for_logs("nats://u:p@h:4222") == "nats://h:4222");
    CHECK(redact_url_credentials_for_logs("https://user:pw@Example.COM:443/x") == "https://example.com/x");
}

TEST_CASE("redaction: parse path details") {
    CHECK(redact_url_credentials_for_logs("http://u@host") == "http://host/");           // username only
    CHECK(redact_url_credentials_for_logs("redis://:pw@cache:6379/0") == "redis://cache:6379/0");  // password only
    CHECK(redact_url_credentials_for_logs("HTTP://U:P@HOST:80") == "http://host/");
    CHECK(redact_url_credentials_for_logs("http://u:p@host:8080/a/../b/./c?q=1#f") == "http://host:8080/b/c?q=1#f");
    CHECK(redact_url_credentials_for_logs("http://u:p@host/a/%2E%2e/b/.") == "http://host/b/");
    CHECK(redact_url_credentials_for_logs("nats://u:p@NATS-1:04222") == "nats://NATS-1:4222");  // opaque host keeps case
    CHECK(redact_url_credentials_for_logs("nats://u:p@h?x#y") == "nats://h?x#y");
    CHECK(redact_url_credentials_for_logs("wss://u:p@[::FFFF:1.2.3.4]:443/") == "wss://[::ffff:102:304]/");
    CHECK(redact_url_credentials_for_logs("http://u:p@[2001:db8:0:0:1:0:0:1]/") == "http://[2001:db8::1:0:0:1]/");
    CHECK(redact_url_credentials_for_logs("ftp://u:p@files.example:21") == "ftp://files.example/");
    CHECK(redact_url_credentials_for_logs("ws://u:p@192.0.2.1:8080") == "ws://192.0.2.1:8080/");
    CHECK(redact_url_credentials_for_logs("http:u:p@host") == "http://host/");             // slashes optional (special)
    CHECK(redact_url_credentials_for_logs("https:\\\\u:p@host\\a") == "https://host/a");  // backslashes (special)
    CHECK(redact_url_credentials_for_logs("http://u:p@ss@host/") == "http://host/");       // the last '@' ends userinfo
    CHECK(redact_url_credentials_for_logs("http://u:p@host/{x}`") == "http://host/%7Bx%7D%60");
    CHECK(redact_url_credentials_for_logs("https://u:p@host/?q='a'<b>") == "https://host/?q=%27a%27%3Cb%3E");
    CHECK(redact_url_credentials_for_logs("amqp://u:p@host/?q='a'") == "amqp://host/?q='a'");  // ' only for special
    CHECK(redact_url_credentials_for_logs("http://u:p@host/#a`b") == "http://host/#a%60b");
    CHECK(redact_url_credentials_for_logs("http://u:p@host:") == "http://host/");
    CHECK(redact_url_credentials_for_logs("http://u:p@under_score.example/") == "http://under_score.example/");
}

TEST_CASE("redaction: heuristic stage") {
    // no credentials: unchanged, including URLs that would normalize
    CHECK(redact_url_credentials_for_logs("connecting to https://Example.com:443/api") == "connecting to https://Example.com:443/api");
    CHECK(redact_url_credentials_for_logs("HTTP://HOST") == "HTTP://HOST");
    CHECK(redact_url_credentials_for_logs("plain text, no URL at all") == "plain text, no URL at all");
    // a log line with two URLs, the second with credentials
    CHECK(redact_url_credentials_for_logs("primary=http://a.example/ok backup=nats://svc:s3cret@b.example:4222") ==
          "primary=http://a.example/ok backup=nats://b.example:4222");
    CHECK(redact_url_credentials_for_logs("a=https://x:y@one.example b=https://z:w@two.example/p") ==
          "a=https://one.example b=https://two.example/p");
    // one URL without credentials whose query holds one with credentials
    CHECK(redact_url_credentials_for_logs("http://h/?next=http://x:y@z") == "http://h/?next=http://z");
    // the '@' search stops at '/', '?', '#' and whitespace
    CHECK(redact_url_credentials_for_logs("see https://example.com/@user") == "see https://example.com/@user");
    CHECK(redact_url_credentials_for_logs("see https://example.com?x=@y") == "see https://example.com?x=@y");
    CHECK(redact_url_credentials_for_logs("see https://example.com#@y") == "see https://example.com#@y");
    CHECK(redact_url_credentials_for_logs("see https://host and mail me@example.com") ==
          "see https://host and mail me@example.com");
    // outside the parse subset: the userinfo still goes, the rest is kept as written
    CHECK(redact_url_credentials_for_logs("  http://u:p@Host  ") == "  http://Host  ");
    CHECK(redact_url_credentials_for_logs("http://u:p@exa%41mple.com/") == "http://exa%41mple.com/");
    CHECK(redact_url_credentials_for_logs("http://u:p@xn--bcher-kva.example/") == "http://xn--bcher-kva.example/");
    CHECK(redact_url_credentials_for_logs("http://u:p@0x7f.1/") == "http://0x7f.1/");
    CHECK(redact_url_credentials_for_logs("file://u:p@host/x") == "file://host/x");
    CHECK(redact_url_credentials_for_logs("http://u:p@host:99999/") == "http://host:99999/");
    CHECK(redact_url_credentials_for_logs("http://u:p@h\xc3\xa9st/") == "http://h\xc3\xa9st/");
    // WHATWG finds no credentials in "http://:@host"; the heuristic still drops the empty userinfo
    CHECK(redact_url_credentials_for_logs("http://:@host") == "http://host");
}

TEST_CASE("redaction: a credentialed URL's own query is not searched (upstream behaviour, pinned)") {
    CHECK(redact_url_credentials_for_logs("postgres://u:p@db/x?next=http://a:b@c") == "postgres://db/x?next=http://a:b@c");
}

TEST_CASE("redaction: §5.2 echo replacement") {
    CHECK(redact_url_if_echoed_in_text("connect nats://a:b@h:4222 failed", "nats://a:b@h:4222") ==
          "connect nats://h:4222 failed");
    CHECK(redact_url_if_echoed_in_text("connect nats://h:4222 failed", "nats://h:4222") == "connect nats://h:4222 failed");
    CHECK(redact_url_if_echoed_in_text("a nats://a:b@h b nats://a:b@h c", "nats://a:b@h") == "a nats://h b nats://h c");
    CHECK(redact_url_if_echoed_in_text("no echo here", "nats://a:b@h") == "no echo here");
    CHECK(redact_url_if_echoed_in_text("x", "") == "x");
    CHECK(redact_url_if_echoed_in_text("", "nats://a:b@h") == "");
    CHECK(redact_url_if_echoed_in_text("err: HTTPS://U:P@Example.COM:443", "HTTPS://U:P@Example.COM:443") ==
          "err: https://example.com/");
    // only exact occurrences are replaced
    CHECK(redact_url_if_echoed_in_text("NATS://A:B@H", "nats://a:b@h") == "NATS://A:B@H");
}

TEST_CASE("redaction: garbage never crashes and never grows") {
    const std::vector<std::string> garbage{
        "", "://", "://@", "@@@", ":///@", "http://", "http://@", "http://@/", "a://b@", "[", "http://u:p@[::1",
        "http://u:p@[zz]/", "http://u:p@[::1]x/", "http://u:p@h:1:2/", "x://u:p@h\\y", "http://u:p@/x", "1http://u:p@h",
        ":", "a:", "a:b@c", std::string("\xff\xfe://\0@x", 8), repeat("://", 1000), repeat("://a@", 1000),
        repeat("@", 1000) + "://", "http://u:p@" + repeat("[", 100), "nats://u:p@h" + repeat("/..", 500),
        "http://u:p@host/%", "http://u:p@host/%zz", "h://" + repeat("a:", 500) + "@h"};
    for (const std::string& g : garbage) {
        const std::string out = redact_url_credentials_for_logs(g);
        CHECK(out.size() <= g.size() + 2);  // "/" may be added; percent-encoding needs parse-path input
        (void)redact_url_if_echoed_in_text(g + " " + g, g);
    }
    CHECK(redact_url_credentials_for_logs(repeat("://a@", 3)) == "://://://");
    CHECK(redact_url_credentials_for_logs("http://u:p@/x") == "http:///x");
    std::mt19937 rng(7);
    const std::string alphabet = ":/@?#[]\\ %.a1";
    for (int round = 0; round < 5000; ++round) {
        std::string in(rng() % 40, 'a');
        for (char& c : in) c = alphabet[rng() % alphabet.size()];
        const std::string out = redact_url_credentials_for_logs(in);
        REQUIRE(out.size() <= 3 * in.size() + 1);
    }
}

// --- tenant ids -----------------------------------------------------------------------------------------

TEST_CASE("tenant id: one NATS subject token") {
    CHECK(validate_tenant_id_for_subject_token("tenant-42").has_value());
    CHECK(validate_tenant_id_for_subject_token("Acme_Corp~1").has_value());
    for (std::string_view bad : {"", "acme.prod", "acme*", ">", "a b", "a\tb", "a\nb", "a\rb", "a\x7f",
                                 "caf\xc3\xa9", "\xff"}) {
        const auto r = validate_tenant_id_for_subject_token(bad);
        REQUIRE(r.has_error());
        CHECK(r.error() == errc::invalid_spec);
        CHECK_FALSE(subject_token_problem(bad).empty());
    }
    CHECK(validate_tenant_id_for_subject_token(std::string_view("a\0b", 3)).error() == errc::invalid_spec);
    CHECK(subject_token_problem("") == "must not be empty");
    CHECK(subject_token_problem("a>") == "must not contain '*' or '>' (NATS subject wildcards)");
    CHECK(subject_token_problem("\xc3\xa9") == "must be ASCII");
}

// --- principals: the core type ----------------------------------------------------------------------------

TEST_CASE("principal: factories, kinds, id rules") {
    const principal op = alice();
    CHECK(op.kind() == principal_kind::operator_);
    CHECK(op.get_if<operator_principal>()->id == "alice");
    CHECK(op.delegation_depth() == 0);
    CHECK_FALSE(op.scope_bound().has_value());
    CHECK(must(principal::make_platform("cellos-cloud")).kind() == principal_kind::platform);
    CHECK(must(principal::make_federated("https://token.actions.githubusercontent.com", "repo:acme/api:ref:refs/heads/main")).kind() ==
          principal_kind::federated);
    for (std::string_view bad : {"", " alice", "alice ", "al\nice", "\xc3", "a\xc2\x80"}) {
        CHECK(principal::make_operator(bad).error() == errc::invalid_value);
        CHECK(principal::make_platform(bad).error() == errc::invalid_value);
        CHECK(principal::make_federated(bad, "x").error() == errc::invalid_value);
        CHECK(principal::make_federated("x", bad).error() == errc::invalid_value);
    }
    CHECK(principal::make_operator(std::string(128, 'a')).has_value());
    CHECK(principal::make_operator(std::string(129, 'a')).error() == errc::invalid_value);
    CHECK(principal::make_federated(std::string(256, 'a'), std::string(256, 'b')).has_value());
    CHECK(principal::make_federated(std::string(257, 'a'), "b").error() == errc::invalid_value);
}

TEST_CASE("principal: compose enforces delegate scope ⊆ authorizing scope") {
    const principal d1 = must(principal::compose(alice(), "agent-7", scope_of({"cells:write", "cells:read"})));
    CHECK(d1.kind() == principal_kind::delegate);
    CHECK(d1.delegation_depth() == 1);
    CHECK(d1.root() == alice());
    CHECK(*d1.get_if<delegate_principal>()->authorizing == alice());
    CHECK(d1.scope_bound()->capabilities() == std::vector<std::string>{"cells:read", "cells:write"});
    // narrower: fine; equal: fine; empty: fine; wider: refused
    const principal d2 = must(principal::compose(d1, "sub-agent", scope_of({"cells:read"})));
    CHECK(d2.delegation_depth() == 2);
    CHECK(principal::compose(d1, "same", scope_of({"cells:read", "cells:write"})).has_value());
    CHECK(principal::compose(d1, "nothing", authority_scope{}).has_value());
    CHECK(principal::compose(d1, "greedy", scope_of({"cells:read", "cells:delete"})).error() == errc::invalid_value);
    CHECK(principal::compose(d2, "greedy", scope_of({"cells:write"})).error() == errc::invalid_value);
    // bad delegate id
    CHECK(principal::compose(alice(), "", authority_scope{}).error() == errc::invalid_value);
    // root principals are unbounded (our choice)
    CHECK(principal::compose(must(principal::make_platform("p")), "gc", scope_of({"anything"})).has_value());
}

TEST_CASE("principal: the delegation chain is bounded") {
    principal p = alice();
    for (std::size_t i = 0; i < max_delegation_depth; ++i) p = must(principal::compose(p, "d" + std::to_string(i), scope_of({"x"})));
    CHECK(p.delegation_depth() == max_delegation_depth);
    CHECK(principal::compose(p, "one-too-many", scope_of({"x"})).error() == errc::invalid_value);
    // copies are deep and compare equal; a different leaf compares unequal
    const principal copy = p;  // NOLINT(performance-unnecessary-copy-initialization)
    CHECK(copy == p);
    principal q = alice();
    for (std::size_t i = 0; i < max_delegation_depth; ++i) q = must(principal::compose(q, "d" + std::to_string(i), scope_of({i == 0 ? "y" : "x", "x"})));
    CHECK_FALSE(q == p);
}

TEST_CASE("authority_scope: set semantics") {
    const authority_scope s = scope_of({"b", "a", "b"});
    CHECK(s.capabilities() == std::vector<std::string>{"a", "b"});
    CHECK(s.contains("a"));
    CHECK_FALSE(s.contains("c"));
    CHECK(scope_of({"a"}).is_subset_of(s));
    CHECK(authority_scope{}.is_subset_of(s));
    CHECK_FALSE(s.is_subset_of(scope_of({"a"})));
    CHECK(authority_scope::make({""}).error() == errc::invalid_value);
    CHECK(authority_scope::make({"a\tb"}).error() == errc::invalid_value);
}

// --- principals: URIs -------------------------------------------------------------------------------------

TEST_CASE("principal URI: the forms") {
    CHECK(alice().to_source_uri() == "principal://operator/alice");
    CHECK(must(principal::make_operator("alice@example.com")).to_source_uri() == "principal://operator/alice@example.com");
    CHECK(must(principal::make_operator("alice smith/ops")).to_source_uri() == "principal://operator/alice%20smith%2Fops");
    CHECK(must(principal::make_operator("J\xc3\xb6rg")).to_source_uri() == "principal://operator/J%C3%B6rg");
    CHECK(must(principal::make_platform("cellos-cloud")).to_source_uri() == "principal://platform/cellos-cloud");
    CHECK(must(principal::make_federated("https://token.actions.githubusercontent.com", "repo:acme/api:ref:refs/heads/main"))
              .to_source_uri() ==
          "principal://federated/https:%2F%2Ftoken.actions.githubusercontent.com/repo:acme%2Fapi:ref:refs%2Fheads%2Fmain");
    const principal d1 = must(principal::compose(alice(), "agent-7", scope_of({"cells:write", "cells:read"})));
    CHECK(d1.to_source_uri() == "principal://delegate/agent-7;scope=cells:read,cells:write/operator/alice");
    const principal d2 = must(principal::compose(d1, "sub;agent", scope_of({"cells:read"})));
    CHECK(d2.to_source_uri() == "principal://delegate/sub%3Bagent;scope=cells:read/delegate/agent-7;scope=cells:read,cells:write/operator/alice");
    CHECK(must(principal::compose(alice(), "idle", authority_scope{})).to_source_uri() == "principal://delegate/idle;scope=/operator/alice");
    CHECK(must(principal::compose(alice(), "a", scope_of({"x,y", "%"}))).to_source_uri() == "principal://delegate/a;scope=%25,x%2Cy/operator/alice");
}

TEST_CASE("principal URI: round trips both ways") {
    std::vector<principal> all{alice(), must(principal::make_platform("p 1")),
                               must(principal::make_federated("iss/\xe2\x82\xac", "sub?#%"))};
    all.push_back(must(principal::compose(all[2], "agent", scope_of({"a", "b,c", "d;e", "f/g"}))));
    all.push_back(must(principal::compose(all[3], "sub", scope_of({"b,c"}))));
    all.push_back(must(principal::compose(all[0], "quiet", authority_scope{})));
    for (const principal& p : all) {
        const std::string uri = p.to_source_uri();
        INFO(uri);
        auto back = parse_principal_uri(uri);
        REQUIRE(back.has_value());
        CHECK(back.value() == p);
        CHECK(back.value().to_source_uri() == uri);
    }
}

TEST_CASE("principal URI: non-canonical or invalid URIs are refused, with a reason") {
    const std::vector<std::string> bad{
        "", "principal:/operator/alice", "PRINCIPAL://operator/alice", "principal://", "principal://operator",
        "principal://operator/", "principal://operator/alice/", "principal://operator/al ice",
        "principal://operator/al%2fice",  // lowercase hex
        "principal://operator/%61lice",   // an escaped literal
        "principal://operator/al%2", "principal://operator/al%ZZice", "principal://operator/%0A",
        "principal://Operator/alice", "principal://robot/alice", "principal://platform/",
        "principal://federated/only-one", "principal://federated/a/b/c", "principal://federated//b",
        "principal://delegate/agent/operator/alice", "principal://delegate/agent;scope=a",
        "principal://delegate/agent;scopes=a/operator/alice", "principal://delegate/;scope=a/operator/alice",
        "principal://delegate/agent;scope=b,a/operator/alice",   // not sorted
        "principal://delegate/agent;scope=a,a/operator/alice",   // duplicate
        "principal://delegate/agent;scope=a,,b/operator/alice", "principal://delegate/agent;scope=a,/operator/alice",
        "principal://delegate/agent;scope=,a/operator/alice",
        "principal://delegate/b;scope=x,y/delegate/a;scope=x/operator/alice",  // wider than its authorizing scope
        "principal://delegate/a;scope=x/", "principal://operator/" + std::string(129, 'a'),
        "principal://operator/%20alice", "principal://operator/alice?x", "principal://operator/alice#x",
        "principal://operator/%C3", std::string("principal://operator/a\0b", 23)};
    for (const std::string& uri : bad) {
        INFO(uri);
        const auto r = parse_principal_uri(uri);
        REQUIRE(r.has_error());
        CHECK(r.error().code == errc::invalid_value);
        CHECK(r.error().rule == "principalUri");
        CHECK(r.error().message.size() > std::string_view("not a principal URI: ").size());
    }
    std::string deep = "principal://";
    for (std::size_t i = 0; i <= max_delegation_depth; ++i) deep += "delegate/d;scope=x/";
    deep += "operator/alice";
    const auto too_deep = parse_principal_uri(deep);
    REQUIRE(too_deep.has_error());
    CHECK(too_deep.error().code == errc::invalid_value);
    CHECK(too_deep.error().message.find("longer than 32") != std::string::npos);
    // a million links are refused at link 33, without recursion
    std::string huge = "principal://" + repeat("delegate/d;scope=/", 1000000) + "operator/alice";
    CHECK(parse_principal_uri(huge).error().code == errc::invalid_value);
}

// --- principals: JSON -----------------------------------------------------------------------------------------

TEST_CASE("principal JSON: each kind decodes and encodes back") {
    const std::vector<std::string> docs{
        R"({"kind":"operator","id":"alice"})",
        R"({"kind":"platform","id":"cellos-cloud"})",
        R"({"kind":"federated","trustRoot":"https://token.actions.githubusercontent.com","identity":"repo:acme/api"})",
        R"({"kind":"delegate","authorizing":{"kind":"operator","id":"alice"},"delegate":"agent-7","scope":["cells:read","cells:write"]})",
        R"({"kind":"delegate","authorizing":{"kind":"delegate","authorizing":{"kind":"platform","id":"p"},"delegate":"a","scope":["x","y"]},"delegate":"b","scope":[]})",
    };
    for (const std::string& doc : docs) {
        INFO(doc);
        auto p = cj::parse_principal(doc);
        REQUIRE(p.has_value());
        CHECK(cj::to_text(boost::json::value_from(p.value())) == doc);
        auto again = parse_principal_uri(p.value().to_source_uri());
        REQUIRE(again.has_value());
        CHECK(again.value() == p.value());
    }
    // member order and scope order do not matter on input; the output is sorted
    auto p = cj::parse_principal(R"({"scope":["w","r"],"delegate":"d","authorizing":{"id":"alice","kind":"operator"},"kind":"delegate"})");
    REQUIRE(p.has_value());
    CHECK(cj::to_text(boost::json::value_from(p.value())) ==
          R"({"kind":"delegate","authorizing":{"kind":"operator","id":"alice"},"delegate":"d","scope":["r","w"]})");
}

TEST_CASE("principal JSON: strict decoding with pointers") {
    struct bad_case {
        std::string text;
        errc code;
        std::string pointer;
    };
    const std::vector<bad_case> cases{
        {R"([])", errc::wrong_type, ""},
        {R"({"id":"alice"})", errc::missing_field, "/kind"},
        {R"({"kind":"robot","id":"alice"})", errc::unknown_enum_value, "/kind"},
        {R"({"kind":"Operator","id":"alice"})", errc::unknown_enum_value, "/kind"},
        {R"({"kind":1,"id":"alice"})", errc::wrong_type, "/kind"},
        {R"({"kind":"operator"})", errc::missing_field, "/id"},
        {R"({"kind":"operator","id":7})", errc::wrong_type, "/id"},
        {R"({"kind":"operator","id":""})", errc::invalid_value, "/id"},
        {R"({"kind":"operator","id":" alice"})", errc::invalid_value, "/id"},
        {R"({"kind":"operator","id":"a\u0000b"})", errc::invalid_value, "/id"},
        {R"({"kind":"operator","id":"alice","trustRoot":"x"})", errc::unknown_field, "/trustRoot"},
        {R"({"kind":"operator","id":"alice","id":"bob"})", errc::duplicate_key, "/id"},
        {R"({"kind":"federated","trust_root":"x","identity":"y"})", errc::unknown_field, "/trust_root"},
        {R"({"kind":"federated","identity":"y"})", errc::missing_field, "/trustRoot"},
        {R"({"kind":"delegate","delegate":"d","scope":[]})", errc::missing_field, "/authorizing"},
        {R"({"kind":"delegate","authorizing":{"kind":"operator","id":"a"},"delegate":"d"})", errc::missing_field, "/scope"},
        {R"({"kind":"delegate","authorizing":{"kind":"operator","id":"a"},"delegate":"d","scope":"x"})", errc::wrong_type, "/scope"},
        {R"({"kind":"delegate","authorizing":{"kind":"operator","id":"a"},"delegate":"d","scope":["x","x"]})", errc::invalid_value, "/scope/1"},
        {R"({"kind":"delegate","authorizing":{"kind":"operator","id":"a"},"delegate":"d","scope":["x",""]})", errc::invalid_value, "/scope/1"},
        {R"({"kind":"delegate","authorizing":{"kind":"operator","id":"a"},"delegate":"","scope":[]})", errc::invalid_value, "/delegate"},
        {R"({"kind":"delegate","authorizing":{"kind":"operator"},"delegate":"d","scope":[]})", errc::missing_field, "/authorizing/id"},
        {R"({"kind":"delegate","authorizing":null,"delegate":"d","scope":[]})", errc::wrong_type, "/authorizing"},
        {R"({"kind":"delegate","authorizing":{"kind":"delegate","authorizing":{"kind":"operator","id":"a"},"delegate":"x","scope":["r"]},"delegate":"d","scope":["r","w"]})",
         errc::invalid_value, "/scope"},
        {R"({"kind":"delegate","authorizing":{"kind":"delegate","authorizing":{"kind":"delegate","authorizing":{"kind":"operator","id":"a"},"delegate":"x","scope":["r"]},"delegate":"y","scope":["r","w"]},"delegate":"d","scope":[]})",
         errc::invalid_value, "/authorizing/scope"},
        {R"({"kind":"operator","id":"alice"} x)", errc::malformed_json, ""},
    };
    for (const bad_case& c : cases) {
        INFO(c.text);
        const cellos::problem e = principal_rejection(c.text);
        CHECK(e.code == c.code);
        CHECK(e.pointer == c.pointer);
        CHECK_FALSE(e.message.empty());
    }
}

TEST_CASE("principal JSON: delegation depth is bounded by both limits") {
    const auto chain = [](std::size_t links) {
        std::string text;
        for (std::size_t i = 0; i < links; ++i) text += R"({"kind":"delegate","delegate":"d","scope":["x"],"authorizing":)";
        text += R"({"kind":"operator","id":"alice"})";
        text += repeat("}", links);
        return text;
    };
    auto ok = cj::parse_principal(chain(max_delegation_depth));
    REQUIRE(ok.has_value());
    CHECK(ok.value().delegation_depth() == max_delegation_depth);
    const cellos::problem too_long = principal_rejection(chain(max_delegation_depth + 1));
    CHECK(too_long.code == errc::invalid_value);
    CHECK(too_long.pointer == repeat("/authorizing", max_delegation_depth));
    CHECK(principal_rejection(chain(100)).code == errc::nesting_too_deep);
    // a hand-built value (no parser limit) is still stopped by the decoder, not the stack
    boost::json::value v = {{"kind", "operator"}, {"id", "alice"}};
    for (int i = 0; i < 2000; ++i) {
        boost::json::object o;
        o["kind"] = "delegate";
        o["delegate"] = "d";
        o["scope"] = boost::json::array{};
        o["authorizing"] = std::move(v);
        v = std::move(o);
    }
    cj::decoder d;
    const auto r = cj::decode<principal>(v, d);
    REQUIRE(r.has_error());
    CHECK(r.error().code == errc::invalid_value);
    while (v.is_object() && v.get_object().contains("authorizing")) {  // Boost.JSON's destructor recurses
        boost::json::value inner = std::move(v.get_object()["authorizing"]);
        v = std::move(inner);
    }
}
