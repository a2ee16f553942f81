// Compile-time checks for the constexpr CloudEvents rules of cellos/events/cloud_event.hpp: if this
// file compiles on g++ 12 and clang++ 14, the JSON boundary's validators also run in constant
// expressions. Each rule has positives and negatives; the runtime twins are in
// tests/unit/cloud_event_test.cpp. The general grammars these rules apply (RFC 3339, RFC 2046,
// RFC 3986, RFC 4648, traceparent) have their own file: tests/static/grammar_static.cpp.
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
