// Compile-time checks for the general grammars of cellos/grammar/ (RFC 3339 timestamps, RFC 2046
// media types, RFC 3986 URI-references, RFC 4648 canonical base64, W3C traceparent), each with
// positives and negatives. Only the grammar headers are included: the grammars stand alone, without
// the CloudEvents model that uses them (tests/static/cloud_event_static.cpp).
#include <string_view>

#include "cellos/grammar/base64.hpp"
#include "cellos/grammar/media_type.hpp"
#include "cellos/grammar/rfc3339.hpp"
#include "cellos/grammar/traceparent.hpp"
#include "cellos/grammar/uri.hpp"

namespace {

using namespace cellos;

// --- RFC 3339 timestamps -------------------------------------------------------------------------------
static_assert(is_rfc3339_timestamp("2018-04-05T17:31:00Z"));
static_assert(is_rfc3339_timestamp("2018-04-05T17:31:00.000000000Z"));
static_assert(is_rfc3339_timestamp("2018-04-05T18:31:00+01:00"));
static_assert(is_rfc3339_timestamp("2018-04-05T16:31:00-01:00"));
static_assert(is_rfc3339_timestamp("2018-04-26T14:48:09.1234Z"));
static_assert(is_rfc3339_timestamp("2018-04-26T14:48:09.123456789012Z"));  // any length of fraction
static_assert(is_rfc3339_timestamp("2018-04-05t17:31:00z"));              // ABNF is case-insensitive
static_assert(is_rfc3339_timestamp("2018-04-05T17:31:00+23:59"));
static_assert(is_rfc3339_timestamp("2018-04-05T17:31:00-00:00"));         // unknown local offset
static_assert(is_rfc3339_timestamp("2000-02-29T00:00:00Z"));              // leap year
static_assert(is_rfc3339_timestamp("2016-12-31T23:59:60Z"));              // leap second at 23:59 UTC
static_assert(is_rfc3339_timestamp("2017-01-01T00:59:60+01:00"));         // = 23:59:60 UTC
static_assert(is_rfc3339_timestamp("0000-01-01T00:00:00Z"));
static_assert(is_rfc3339_timestamp("9999-12-31T23:59:59.999Z"));
// the conformance suite's invalid times
static_assert(!is_rfc3339_timestamp("lunchtime"));
static_assert(!is_rfc3339_timestamp("2018-04-05T18:31Z"));
static_assert(!is_rfc3339_timestamp("2018-04-05T18:31:00X"));
static_assert(!is_rfc3339_timestamp("2018-04-05T18:31:00+25:00"));
static_assert(!is_rfc3339_timestamp("2018-04-05T18:31:00+xx:00"));
static_assert(!is_rfc3339_timestamp("2018-04-05T18:31:00+05"));
// more
static_assert(!is_rfc3339_timestamp(""));
static_assert(!is_rfc3339_timestamp("2018-04-05T17:31:00"));         // no offset
static_assert(!is_rfc3339_timestamp("2018-04-05 17:31:00Z"));        // space separator
static_assert(!is_rfc3339_timestamp("2018-04-05T17:31:00.Z"));       // "." without digits
static_assert(!is_rfc3339_timestamp("2018-04-05T17:31:00,5Z"));      // ISO 8601 comma
static_assert(!is_rfc3339_timestamp("2018-04-05T17:31:00+24:00"));
static_assert(!is_rfc3339_timestamp("2018-04-05T17:31:00+05:60"));
static_assert(!is_rfc3339_timestamp("2018-04-05T17:31:00+0500"));
static_assert(!is_rfc3339_timestamp("2018-04-05T17:31:00Z "));
static_assert(!is_rfc3339_timestamp("2018-04-05T24:00:00Z"));
static_assert(!is_rfc3339_timestamp("2018-04-05T17:60:00Z"));
static_assert(!is_rfc3339_timestamp("2018-04-05T17:31:61Z"));
static_assert(!is_rfc3339_timestamp("2016-12-31T22:59:60Z"));        // a leap second not at 23:59 UTC
static_assert(!is_rfc3339_timestamp("2018-04-31T00:00:00Z"));        // April has 30 days
static_assert(!is_rfc3339_timestamp("2019-02-29T00:00:00Z"));
static_assert(!is_rfc3339_timestamp("1900-02-29T00:00:00Z"));        // not a leap year
static_assert(!is_rfc3339_timestamp("2018-13-01T00:00:00Z"));
static_assert(!is_rfc3339_timestamp("2018-00-01T00:00:00Z"));
static_assert(!is_rfc3339_timestamp("2018-01-00T00:00:00Z"));
static_assert(!is_rfc3339_timestamp("18-04-05T17:31:00Z"));
static_assert(!is_rfc3339_timestamp("+2018-04-05T17:31:00Z"));
static_assert(!is_rfc3339_timestamp("2018-4-05T17:31:00Z"));
static_assert(!is_rfc3339_timestamp("2018-04-05"));

// instants
static_assert(parse_rfc3339("1970-01-01T00:00:00Z")->unix_seconds() == 0);
static_assert(parse_rfc3339("2018-04-05T17:31:00Z")->unix_seconds() == 1522949460);
static_assert(parse_rfc3339("2000-02-29T00:00:00Z")->unix_seconds() == 951782400);
static_assert(parse_rfc3339("0001-01-01T00:00:00Z")->unix_seconds() == -62135596800);
static_assert(parse_rfc3339("9999-12-31T23:59:59Z")->unix_seconds() == 253402300799);
static_assert(parse_rfc3339("2018-04-26T14:48:09.1234Z")->nanosecond == 123'400'000);
static_assert(parse_rfc3339("2018-04-26T14:48:09.1234567891Z")->nanosecond == 123'456'789);  // truncated
static_assert(parse_rfc3339("2018-04-05T18:31:00+01:30")->offset_minutes == 90);
static_assert(parse_rfc3339("2018-04-05T18:31:00-01:30")->offset_minutes == -90);
static_assert(same_instant("2018-04-05T17:31:00Z", "2018-04-05T18:31:00+01:00"));
static_assert(same_instant("2018-04-05T17:31:00Z", "2018-04-05T16:31:00-01:00"));
static_assert(same_instant("2018-04-05T17:31:00Z", "2018-04-05T17:31:00.000000000Z"));
static_assert(same_instant("2018-04-05T17:31:00Z", "2018-04-06T03:01:00+09:30"));
static_assert(!same_instant("2018-04-05T17:31:00Z", "2018-04-05T17:31:00.000000001Z"));
static_assert(!same_instant("2018-04-05T17:31:00Z", "2018-04-05T17:31:00+01:00"));
static_assert(!same_instant("lunchtime", "lunchtime"));

// --- RFC 2046 media types -------------------------------------------------------------------------------
static_assert(is_media_type("text/plain"));
static_assert(is_media_type("application/json"));
static_assert(is_media_type("application/cloudevents+json"));
static_assert(is_media_type("application/vnd.apache.thrift.binary"));
static_assert(is_media_type("text/plain; charset=utf-8"));
static_assert(is_media_type("text/plain;charset=utf-8"));
static_assert(is_media_type("text/plain ;\tcharset=utf-8"));
static_assert(is_media_type("multipart/form-data; boundary=\"a b;c\""));
static_assert(is_media_type("text/plain; a=\"q\\\"uote\"; b=2"));
static_assert(is_media_type("TEXT/Plain; CharSet=UTF-8"));
static_assert(is_media_type("x-custom/x-thing"));
static_assert(!is_media_type("xyz"));
static_assert(!is_media_type(""));
static_assert(!is_media_type("text/"));
static_assert(!is_media_type("/plain"));
static_assert(!is_media_type("text/plain/x"));
static_assert(!is_media_type("text/plain;"));
static_assert(!is_media_type("text/plain; charset"));
static_assert(!is_media_type("text/plain; charset="));
static_assert(!is_media_type("text/plain; charset = utf-8"));
static_assert(!is_media_type("text /plain"));
static_assert(!is_media_type(" text/plain"));
static_assert(!is_media_type("text/plain "));
static_assert(!is_media_type("text/pl ain"));
static_assert(!is_media_type("text/plain; a=\"unterminated"));
static_assert(!is_media_type("text/plain; a=\"x\"y"));
static_assert(!is_media_type("t\xc3\xa9xt/plain"));
static_assert(!is_media_type("text/plain, text/html"));
static_assert(parse_media_type("text/plain; charset=utf-8")->type == "text");
static_assert(parse_media_type("text/plain; charset=utf-8")->subtype == "plain");
static_assert(parse_media_type("text/plain; charset=utf-8")->parameters == "; charset=utf-8");
static_assert(is_json_media_type("application/json"));
static_assert(is_json_media_type("APPLICATION/JSON"));
static_assert(is_json_media_type("text/json; charset=utf-8"));
static_assert(is_json_media_type("application/cloudevents+json"));
static_assert(is_json_media_type("application/vnd.api+JSON"));
static_assert(!is_json_media_type("application/jsonx"));
static_assert(!is_json_media_type("application/+json"));
static_assert(!is_json_media_type("text/plain"));
static_assert(!is_json_media_type("application/json-seq"));
static_assert(!is_json_media_type("json"));

// --- RFC 3986 URI-references and URIs ------------------------------------------------------------------
static_assert(is_uri_reference("https://cloudevents.io"));
static_assert(is_uri_reference("#fragment"));
static_assert(is_uri_reference("/sensors/tn-1234567/alerts"));
static_assert(is_uri_reference("//authority/path"));
static_assert(is_uri_reference("mailto:cncf-wg-serverless@lists.cncf.io"));
static_assert(is_uri_reference("urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66"));
static_assert(is_uri_reference("cloudevents/spec/pull/123"));
static_assert(is_uri_reference("1-555-123-4567"));
static_assert(is_uri_reference("http://user:pw@host.example:8080/p/a;x=1?q=1&r=a/b?#f/g?"));
static_assert(is_uri_reference("http://[::1]:8080/x"));
static_assert(is_uri_reference("http://[2001:db8::7]/"));
static_assert(is_uri_reference("http://[v1.fe:80]/"));
static_assert(is_uri_reference("http://192.0.2.1:/"));  // an empty port is allowed
static_assert(is_uri_reference("a%20b"));
static_assert(is_uri_reference("?q"));
static_assert(is_uri_reference("./a:b"));
static_assert(is_uri_reference(""));  // valid reference; source's non-empty rule is separate
static_assert(!is_uri_reference("a b"));
static_assert(!is_uri_reference("http://exa mple.com"));
static_assert(!is_uri_reference("http://a/b\tc"));
static_assert(!is_uri_reference("%zz"));
static_assert(!is_uri_reference("a%2"));
static_assert(!is_uri_reference("http://[::1/x"));
static_assert(!is_uri_reference("http://[zz]/"));
static_assert(!is_uri_reference("http://host:80x/"));
static_assert(!is_uri_reference("http://ho^st/"));
static_assert(!is_uri_reference(":foo"));
static_assert(!is_uri_reference("1a:b"));     // not a scheme, and ':' in the first relative segment
static_assert(!is_uri_reference("a:b#c#d"));  // '#' inside the fragment
static_assert(!is_uri_reference("caf\xc3\xa9"));  // IRIs are not URIs
static_assert(!is_uri_reference("a\\b"));
static_assert(!is_uri_reference("<x>"));
static_assert(is_uri("https://cloudevents.io/dataschema"));
static_assert(is_uri("urn:example:schema"));
static_assert(is_uri("https://example.com/schema.json#/definitions/a"));  // fragment allowed (our choice)
static_assert(!is_uri("/relative/schema"));
static_assert(!is_uri("//authority/path"));
static_assert(!is_uri("#fragment"));
static_assert(!is_uri(""));
static_assert(!is_uri("http://exa mple.com"));

// the Appendix B split
static_assert(split_uri_reference("http://u@h:1/p?q#f").scheme == "http");
static_assert(split_uri_reference("http://u@h:1/p?q#f").authority == "u@h:1");
static_assert(split_uri_reference("http://u@h:1/p?q#f").path == "/p");
static_assert(split_uri_reference("http://u@h:1/p?q#f").query == "q");
static_assert(split_uri_reference("http://u@h:1/p?q#f").fragment == "f");
static_assert(!split_uri_reference("/p").scheme && !split_uri_reference("/p").authority);
static_assert(split_uri_reference("?").query == "" && !split_uri_reference("?").fragment);
static_assert(!is_uri_reference("ht~tp://x"));  // '~' is not a scheme character, and ':' in a first segment

// --- RFC 4648 base64 ----------------------------------------------------------------------------------------
static_assert(is_base64(""));
static_assert(is_base64("TWE="));
static_assert(is_base64("TWFu"));
static_assert(is_base64("TQ=="));
static_assert(is_base64("e30="));
static_assert(is_base64("4P8ARKo="));
static_assert(is_base64("ab+/"));
static_assert(!is_base64("TWE"));     // unpadded
static_assert(!is_base64("TW=E"));
static_assert(!is_base64("T==="));
static_assert(!is_base64("===="));
static_assert(!is_base64("TWF="));    // non-zero pad bits
static_assert(!is_base64("TR=="));    // non-zero pad bits
static_assert(!is_base64("TW E"));
static_assert(!is_base64("TWE=\n"));
static_assert(!is_base64("ab-_"));    // base64url is another alphabet
static_assert(!is_base64("TWE=TWE="));

static_assert(detail::base64_value('A') == 0 && detail::base64_value('/') == 63 && detail::base64_value('=') == -1);

// the URL alphabet (RFC 4648 §5), padding optional but exact when present, pad bits zero
constexpr auto url = [](std::string_view s) { return base64_body(s, base64_alphabet::url, base64_padding::optional); };
static_assert(url("ab-_") == "ab-_" && url("TWE") == "TWE" && url("TWE=") == "TWE" && url("TQ") == "TQ" && url("TQ==") == "TQ");
static_assert(!url("ab+/"));   // the standard alphabet is another one
static_assert(!url("TQ="));    // padding present but short
static_assert(!url("TWE=="));  // padding present but long
static_assert(!url("T") && !url("T===") && !url("===="));
static_assert(!url("TR") && !url("TWF"));  // non-zero pad bits
static_assert(url("").has_value());
static_assert(base64_decoded_size("TWFu") == 3 && base64_decoded_size("TWE") == 2 && base64_decoded_size("TQ") == 1);
static_assert(detail::base64_value('-', base64_alphabet::url) == 62 && detail::base64_value('+', base64_alphabet::url) == -1);

// --- W3C traceparent ----------------------------------------------------------------------------------------
static_assert(is_traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
static_assert(is_traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"));
static_assert(is_traceparent("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future"));
static_assert(!is_traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future"));
static_assert(!is_traceparent("00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01"));
static_assert(!is_traceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01"));
static_assert(!is_traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"));
static_assert(!is_traceparent("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
static_assert(!is_traceparent("00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01"));
static_assert(!is_traceparent("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x"));
static_assert(!is_traceparent(""));

}  // namespace
