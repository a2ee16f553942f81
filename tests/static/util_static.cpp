// Compile-time checks for the constexpr helpers of cellos/util: if this file compiles on g++ 12
// and clang++ 14, spec validation can call them in constant expressions (string_view only). Each
// rule has positives and negatives; the runtime twins are in tests/unit/util_test.cpp.
#include <array>
#include <string_view>

#include "cellos/detail/utf8.hpp"
#include "cellos/util/hostname.hpp"
#include "cellos/util/principal.hpp"
#include "cellos/util/tenant_id.hpp"

namespace {

using namespace cellos;
using namespace std::string_view_literals;

// --- is_dns_name --------------------------------------------------------------------------------
static_assert(is_dns_name("api.example.com"));
static_assert(is_dns_name("localhost"));
static_assert(is_dns_name("xn--bcher-kva.example"));
static_assert(is_dns_name("a-b.c0"));
static_assert(is_dns_name("API.Example.COM"));
static_assert(!is_dns_name(""));
static_assert(!is_dns_name("example.com."));        // trailing dot: our choice
static_assert(!is_dns_name(".example.com"));
static_assert(!is_dns_name("a..b"));
static_assert(!is_dns_name("-a.example.com"));
static_assert(!is_dns_name("a-.example.com"));
static_assert(!is_dns_name("under_score.example"));  // LDH only
static_assert(!is_dns_name("*.example.com"));
static_assert(!is_dns_name("192.0.2.1"));            // all-numeric last label: our choice
static_assert(!is_dns_name("a b.example"));
static_assert(is_dns_name("a23456789012345678901234567890123456789012345678901234567890123.x"));   // 63
static_assert(!is_dns_name("a234567890123456789012345678901234567890123456789012345678901234.x"));  // 64

// 253 characters accepted, 254 refused.
constexpr std::string_view name_253 =
    "a23456789.a23456789.a23456789.a23456789.a23456789.a23456789.a23456789.a23456789.a23456789."
    "a23456789.a23456789.a23456789.a23456789.a23456789.a23456789.a23456789.a23456789.a23456789."
    "a23456789.a23456789.a23456789.a23456789.a23456789.a23456789.a23456789.abc";
static_assert(name_253.size() == 253 && is_dns_name(name_253));
constexpr std::string_view name_254 =
    "a23456789.a23456789.a23456789.a23456789.a23456789.a23456789.a23456789.a23456789.a23456789."
    "a23456789.a23456789.a23456789.a23456789.a23456789.a23456789.a23456789.a23456789.a23456789."
    "a23456789.a23456789.a23456789.a23456789.a23456789.a23456789.a23456789.abcd";
static_assert(name_254.size() == 254 && !is_dns_name(name_254));

// --- IP literals --------------------------------------------------------------------------------
static_assert(is_ipv4_literal("192.0.2.1"));
static_assert(is_ipv4_literal("0.0.0.0"));
static_assert(is_ipv4_literal("255.255.255.255"));
static_assert(!is_ipv4_literal("256.0.0.1"));
static_assert(!is_ipv4_literal("01.2.3.4"));  // leading zero
static_assert(!is_ipv4_literal("1.2.3"));
static_assert(!is_ipv4_literal("1.2.3.4.5"));
static_assert(!is_ipv4_literal("1.2.3.4."));
static_assert(!is_ipv4_literal("1..3.4"));
static_assert(!is_ipv4_literal("0x7f.0.0.1"));
static_assert(!is_ipv4_literal(""));

static_assert(is_ipv6_literal("::"));
static_assert(is_ipv6_literal("::1"));
static_assert(is_ipv6_literal("1::"));
static_assert(is_ipv6_literal("fe80::1"));
static_assert(is_ipv6_literal("2001:DB8:0:0:8:800:200C:417A"));
static_assert(is_ipv6_literal("2001:db8::8:800:200c:417a"));
static_assert(is_ipv6_literal("::ffff:192.0.2.1"));
static_assert(is_ipv6_literal("::192.0.2.1"));
static_assert(is_ipv6_literal("1:2:3:4:5:6:192.0.2.1"));
static_assert(is_ipv6_literal("1:2:3:4:5:6:7::"));
static_assert(is_ipv6_literal("0001:0002:0003:0004:0005:0006:0007:0008"));
static_assert(!is_ipv6_literal(""));
static_assert(!is_ipv6_literal(":"));
static_assert(!is_ipv6_literal(":::"));
static_assert(!is_ipv6_literal("1:2:3:4:5:6:7"));
static_assert(!is_ipv6_literal("1:2:3:4:5:6:7:8:9"));
static_assert(!is_ipv6_literal("1:2:3:4::5:6:7:8"));  // "::" must stand for at least one piece
static_assert(!is_ipv6_literal("1::2::3"));
static_assert(!is_ipv6_literal("12345::"));
static_assert(!is_ipv6_literal("1:"));
static_assert(!is_ipv6_literal(":1"));
static_assert(!is_ipv6_literal("[::1]"));             // no brackets
static_assert(!is_ipv6_literal("fe80::1%eth0"));      // no zone
static_assert(!is_ipv6_literal("1:2:3:4:5:6:7:192.0.2.1"));
static_assert(!is_ipv6_literal("::ffff:01.2.3.4"));
static_assert(!is_ipv6_literal("192.0.2.1"));
static_assert(!is_ipv6_literal("g::1"));

// --- allowlist entries ----------------------------------------------------------------------------
static_assert(is_valid_allowlist_entry("api.example.com"));
static_assert(is_valid_allowlist_entry("*.cdn.example.com"));
static_assert(is_valid_allowlist_entry("*.example.com"));
static_assert(!is_valid_allowlist_entry("*.com"));             // wildcard over a single label: our choice
static_assert(!is_valid_allowlist_entry("*"));
static_assert(!is_valid_allowlist_entry("*."));
static_assert(!is_valid_allowlist_entry("**.example.com"));
static_assert(!is_valid_allowlist_entry("a.*.example.com"));
static_assert(!is_valid_allowlist_entry("foo*.example.com"));
static_assert(!is_valid_allowlist_entry("*.*.example.com"));
static_assert(!is_valid_allowlist_entry("example.com."));
static_assert(!is_valid_allowlist_entry("192.0.2.1"));
static_assert(!is_valid_allowlist_entry(""));

// --- matching (§6) ---------------------------------------------------------------------------------
static_assert(hostname_matches_entry("api.example.com", "api.example.com"));
static_assert(hostname_matches_entry("API.Example.com", "api.EXAMPLE.com"));
static_assert(!hostname_matches_entry("x.api.example.com", "api.example.com"));
static_assert(hostname_matches_entry("foo.cdn.example.com", "*.cdn.example.com"));
static_assert(hostname_matches_entry("a.b.cdn.example.com", "*.cdn.example.com"));
static_assert(hostname_matches_entry("FOO.CDN.example.com", "*.cdn.EXAMPLE.com"));
static_assert(!hostname_matches_entry("cdn.example.com", "*.cdn.example.com"));
static_assert(!hostname_matches_entry("xcdn.example.com", "*.cdn.example.com"));
static_assert(!hostname_matches_entry("evilcdn.example.com", "*.cdn.example.com"));  // label boundary, not a suffix
static_assert(!hostname_matches_entry("a.evilcdn.example.com", "*.cdn.example.com"));
static_assert(!hostname_matches_entry(".cdn.example.com", "*.cdn.example.com"));
static_assert(!hostname_matches_entry("a..cdn.example.com", "*.cdn.example.com"));
static_assert(!hostname_matches_entry("", "api.example.com"));
static_assert(!hostname_matches_entry("", "*.example.com"));
static_assert(hostname_matches_entry("api.example.com.", "api.example.com"));  // trailing dot: our choice
static_assert(hostname_matches_entry("foo.cdn.example.com.", "*.cdn.example.com"));
static_assert(!hostname_matches_entry("cdn.example.com.", "*.cdn.example.com"));
static_assert(!hostname_matches_entry(".", "api.example.com"));
static_assert(!hostname_matches_entry("anything", "*"));
static_assert(!hostname_matches_entry("a.example.com", "*."));
static_assert(!hostname_matches_entry("a.b.example.com", "a.*.example.com"));
static_assert(!hostname_matches_entry("a.b.example.com", "*.*.example.com"));
static_assert(!hostname_matches_entry("a.example.com", ""));

constexpr std::array<std::string_view, 2> allowlist{"api.example.com", "*.cdn.example.com"};
static_assert(hostname_allowed("api.example.com", allowlist));
static_assert(hostname_allowed("img.cdn.example.com", allowlist));
static_assert(!hostname_allowed("cdn.example.com", allowlist));
static_assert(!hostname_allowed("evil.com", allowlist));
static_assert(!hostname_allowed("api.example.com", std::array<std::string_view, 0>{}));  // empty denies
static_assert(hostname_allowed("a.example.org", {"x.test", "*.example.org"}));
static_assert(!hostname_allowed("", {"*.example.org"}));

// --- NATS subject tokens -----------------------------------------------------------------------------
static_assert(is_subject_token_safe("tenant-42"));
static_assert(is_subject_token_safe("Acme_Corp"));
static_assert(is_subject_token_safe("a:b@c"));
static_assert(!is_subject_token_safe(""));
static_assert(!is_subject_token_safe("acme.prod"));
static_assert(!is_subject_token_safe("acme*"));
static_assert(!is_subject_token_safe("acme>"));
static_assert(!is_subject_token_safe("acme prod"));
static_assert(!is_subject_token_safe("acme\tprod"));
static_assert(!is_subject_token_safe("acme\x7f"));
static_assert(!is_subject_token_safe("\0"sv));
static_assert(!is_subject_token_safe("caf\xc3\xa9"));  // non-ASCII: our choice
static_assert(!is_subject_token_safe("acme\x80"));  // every byte >= 0x80, a lone continuation byte too
static_assert(!is_subject_token_safe("acme\xbf"));
static_assert(subject_token_problem("acme\x80") == "must be ASCII");
static_assert(subject_token_problem("acme.prod") == "must not contain '.' (the NATS subject token separator)");

// --- principal text rules -------------------------------------------------------------------------------
static_assert(principal_text_problem("alice", principal_id_max_bytes).empty());
static_assert(principal_text_problem("alice@example.com", principal_id_max_bytes).empty());
static_assert(principal_text_problem("J\xc3\xb6rg M\xc3\xbcller", principal_id_max_bytes).empty());
static_assert(!principal_text_problem("", principal_id_max_bytes).empty());
static_assert(!principal_text_problem(" alice", principal_id_max_bytes).empty());
static_assert(!principal_text_problem("alice\n", principal_id_max_bytes).empty());
static_assert(!principal_text_problem("a\xc2\x85z", principal_id_max_bytes).empty());  // U+0085 (C1)
static_assert(!principal_text_problem("\xc3", principal_id_max_bytes).empty());         // truncated UTF-8
static_assert(!principal_text_problem("abc", 2).empty());
static_assert(cellos::to_wire(principal_kind::operator_) == "operator");
static_assert(cellos::from_wire<principal_kind>("federated") == principal_kind::federated);

// --- the UTF-8 decoder under the helpers -------------------------------------------------------------------
static_assert(detail::decode_utf8_at("\xe6\x97\xa5", 0).code_point == U'\u65e5');
static_assert(detail::decode_utf8_at("\xe6\x97\xa5", 0).length == 3);
static_assert(detail::decode_utf8_at("\xc0\xaf", 0).length == 0);      // overlong
static_assert(detail::decode_utf8_at("\xed\xa0\x80", 0).length == 0);  // surrogate
static_assert(detail::decode_utf8_at("\xf4\x90\x80\x80", 0).length == 0);  // above U+10FFFF
static_assert(detail::is_valid_utf8("\xf0\x9f\x98\x82"));
static_assert(!detail::is_valid_utf8("\xf0\x9f\x98"));

}  // namespace
