// Compile-time checks for the constexpr CloudEvents rules of cellos/events/cloud_event.hpp: if this
// file compiles on g++ 12 and clang++ 14, the JSON boundary's validators also run in constant
// expressions. Each rule has positives and negatives; the runtime twins are in
// tests/unit/cloud_event_test.cpp.
#include <string_view>

#include "cellos/error.hpp"
#include "cellos/events/cloud_event.hpp"

namespace {

using namespace cellos;
using cellos::errc;
using namespace std::string_view_literals;

// --- attribute names: [a-z0-9]{1,20} ---------------------------------------------------------------
static_assert(is_attribute_name("a"));
static_assert(is_attribute_name("traceparent"));
static_assert(is_attribute_name("extinteger"));
static_assert(is_attribute_name("0"));
static_assert(is_attribute_name("abcdefghij0123456789"));   // 20
static_assert(!is_attribute_name("abcdefghij01234567890"));  // 21: the SHOULD enforced (our choice)
static_assert(!is_attribute_name(""));
static_assert(!is_attribute_name("MyExtension"));
static_assert(!is_attribute_name("my.extension"));
static_assert(!is_attribute_name("a_invalid_name"));
static_assert(!is_attribute_name("my-ext"));
static_assert(!is_attribute_name("ext "));
static_assert(!is_attribute_name("\xc3\xa9"));  // é
static_assert(is_reserved_name("data") && is_reserved_name("data_base64") && is_reserved_name("id") && is_reserved_name("time"));
static_assert(!is_reserved_name("traceparent") && !is_reserved_name("dataref"));

// --- CloudEvents String ------------------------------------------------------------------------------
static_assert(is_attribute_string(""));
static_assert(is_attribute_string("io.cloudevents.test"));
static_assert(is_attribute_string("caf\xc3\xa9 \xf0\x9f\x98\x82"));    // é, 😂
static_assert(is_attribute_string("\xc2\xa0"));                       // U+00A0: just past C1
static_assert(is_attribute_string("\xef\xbf\xbd"));                   // U+FFFD
static_assert(!is_attribute_string("a\nb"));                          // U+000A
static_assert(!is_attribute_string("\x1f"));
static_assert(!is_attribute_string("\x7f"));                          // DEL
static_assert(!is_attribute_string("\xc2\x80"));                      // U+0080
static_assert(!is_attribute_string("\xc2\x9f"));                      // U+009F
static_assert(!is_attribute_string("\xef\xb7\x90"));                  // U+FDD0, a noncharacter
static_assert(!is_attribute_string("\xef\xb7\xaf"));                  // U+FDEF
static_assert(!is_attribute_string("\xef\xbf\xbe"));                  // U+FFFE
static_assert(!is_attribute_string("\xf0\x9f\xbf\xbf"));              // U+1FFFF
static_assert(!is_attribute_string("\xf4\x8f\xbf\xbf"));              // U+10FFFF
static_assert(!is_attribute_string("\xed\xa0\x80"));                  // a UTF-16 surrogate in UTF-8
static_assert(!is_attribute_string("\xff"));                          // not UTF-8
static_assert(!is_attribute_string("\xc0\xaf"));                      // overlong
static_assert(!is_attribute_string(std::string_view("a\0b", 3)));     // U+0000

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

// --- the per-attribute rules: one function each, the decoder's and the validator's -----------------------
static_assert(context_attribute_error("specversion", "1.0") == errc{});
static_assert(context_attribute_error("specversion", "0.9") == errc::unsupported_spec_version);
static_assert(context_attribute_error("specversion", "1.0.2") == errc::unsupported_spec_version);
static_assert(context_attribute_error("specversion", "") == errc::empty_attribute);
static_assert(context_attribute_error("id", "x") == errc{});
static_assert(context_attribute_error("id", "") == errc::empty_attribute);
static_assert(context_attribute_error("id", "a\x01") == errc::invalid_value);
static_assert(context_attribute_error("source", "#fragment") == errc{});
static_assert(context_attribute_error("source", "a b") == errc::invalid_uri);
static_assert(context_attribute_error("type", "") == errc::empty_attribute);
static_assert(context_attribute_error("datacontenttype", "xyz") == errc::invalid_media_type);
static_assert(context_attribute_error("datacontenttype", "") == errc::empty_attribute);
static_assert(context_attribute_error("dataschema", "/relative") == errc::invalid_uri);
static_assert(context_attribute_error("dataschema", "") == errc::empty_attribute);
static_assert(context_attribute_error("subject", "") == errc::empty_attribute);
static_assert(context_attribute_error("subject", "tests") == errc{});
static_assert(context_attribute_error("time", "lunchtime") == errc::invalid_timestamp);
static_assert(context_attribute_error("time", "") == errc::empty_attribute);
static_assert(context_attribute_error("time", "2018-04-05T17:31:00Z") == errc{});
static_assert(context_attribute_error("myext", "x") == errc::unknown_field);
static_assert(extension_name_error("extinteger") == errc{});
static_assert(extension_name_error("MyExtension") == errc::invalid_attribute_name);
static_assert(extension_name_error("data") == errc::invalid_attribute_name);
static_assert(extension_name_error("subject") == errc::invalid_attribute_name);
static_assert(extension_string_error("ext", "text") == errc{});
static_assert(extension_string_error("ext", "a\x7f") == errc::invalid_value);
static_assert(extension_string_error("traceparent", "nope") == errc::invalid_value);
static_assert(extension_string_error("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01") == errc{});

// --- typed reading of strings ---------------------------------------------------------------------------------
static_assert(string_conforms("TWE=", attribute_type::binary));
static_assert(string_conforms("2023-03-31T15:12:00Z", attribute_type::timestamp));
static_assert(string_conforms("https://cloudevents.io", attribute_type::uri));
static_assert(string_conforms("//authority/path", attribute_type::uri_reference));
static_assert(!string_conforms("//authority/path", attribute_type::uri));
static_assert(string_conforms("text", attribute_type::string));
static_assert(!string_conforms("true", attribute_type::boolean));  // a string is never a Boolean
static_assert(!string_conforms("10", attribute_type::integer));
static_assert(attribute_type_name(attribute_type::uri_reference) == "URI-reference");

// --- the check order is the encoding order ---------------------------------------------------------------------
static_assert(context_attributes[0] == "specversion" && context_attributes[3] == "type" && context_attributes[7] == "subject");
static_assert(required_attributes.size() == 4);

}  // namespace
