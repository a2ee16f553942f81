// tests/unit/cloud_event_test.cpp — CloudEvents v1.0 structured JSON mode: round trips of every
// attribute and data kind, every rejection rule with its errc and JSON pointer, null handling,
// batches, JSON Lines, the strict-parser limits, the model validator and encoder, and the runtime
// twins of the constexpr validators (tests/static/cloud_event_static.cpp holds the static ones).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "../doctest.hpp"
#include "cellos/events/cloud_event.hpp"
#include "cellos/json/cloud_event.hpp"

namespace {

namespace ce = cellos;
namespace cj = cellos::json;
using cellos::errc;

constexpr std::string_view minimal_json = R"({"specversion":"1.0","id":"e-1","source":"/cells/c1","type":"dev.cellos.test"})";
constexpr std::string_view traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

/// `minimal_json` with `members` (a JSON object body fragment, e.g. `"time":"x"`) appended.
std::string with(std::string_view members) {
    std::string s(minimal_json);
    s.pop_back();
    return s + "," + std::string(members) + "}";
}

ce::cloud_event_v1 minimal() {
    ce::cloud_event_v1 e;
    e.id = "e-1";
    e.source = "/cells/c1";
    e.type = "dev.cellos.test";
    return e;
}

ce::cloud_event_v1 parsed(std::string_view text) {
    auto r = cj::parse_cloud_event(text);
    REQUIRE_MESSAGE(r.has_value(), text << " -> " << (r ? "" : std::string(r.error().code_name()) + " " + r.error().pointer + " " + r.error().message));
    return std::move(r).value();
}

std::string encoded(const ce::cloud_event_v1& e) {
    auto r = cj::to_text(e);
    REQUIRE_MESSAGE(r.has_value(), (r ? "" : std::string(r.error().code_name()) + " " + r.error().pointer + " " + r.error().message));
    return std::move(r).value();
}

/// Parses, encodes, parses again: the two events are equal and the second text is the first.
void check_round_trip(std::string_view text) {
    const ce::cloud_event_v1 e = parsed(text);
    const std::string once = encoded(e);
    const ce::cloud_event_v1 again = parsed(once);
    CHECK(again == e);
    CHECK(encoded(again) == once);
    CHECK_FALSE(ce::validate_cloud_event(e).has_value());
}

struct rejection {
    std::string text;
    errc code;
    std::string pointer;
};

void check_rejected(const rejection& r) {
    CAPTURE(r.text);
    const auto got = cj::parse_cloud_event(r.text);
    REQUIRE_FALSE(got.has_value());
    CHECK(got.error().code == r.code);
    CHECK(got.error().code_name() == cellos::errc_name(r.code));
    CHECK(got.error().pointer == r.pointer);
    CHECK_FALSE(got.error().message.empty());
}

std::vector<std::byte> bytes(std::string_view s) {
    std::vector<std::byte> out;
    for (char c : s) out.push_back(static_cast<std::byte>(c));
    return out;
}

}  // namespace

TEST_CASE("cloud event: a full event round-trips and is written in our member order") {
    const std::string text = R"({"subject":"cell/c1","ext":"v","time":"2018-04-05T18:31:00.5+01:00","id":"e-1",)"
                             R"("dataschema":"https://cellos.dev/schema/v1#x","source":"urn:cellos:cell:c1","type":"dev.cellos.test",)"
                             R"("datacontenttype":"application/json; charset=utf-8","specversion":"1.0","data":{"b":[1,2.5,"x"],"a":null},)"
                             R"("count":-7,"flag":false,"traceparent":")" + std::string(traceparent) + R"("})";
    const ce::cloud_event_v1 e = parsed(text);
    CHECK(e.specversion == "1.0");
    CHECK(e.id == "e-1");
    CHECK(e.source == "urn:cellos:cell:c1");
    CHECK(e.type == "dev.cellos.test");
    CHECK(e.datacontenttype == "application/json; charset=utf-8");
    CHECK(e.dataschema == "https://cellos.dev/schema/v1#x");
    CHECK(e.subject == "cell/c1");
    CHECK(e.time == "2018-04-05T18:31:00.5+01:00");  // kept as received
    REQUIRE(std::holds_alternative<ce::json_data>(e.data));
    CHECK(std::get<ce::json_data>(e.data).json == R"({"b":[1,2.5,"x"],"a":null})");  // compact, document order
    REQUIRE(e.extensions.size() == 4);
    CHECK(*e.extensions.find("count") == ce::extension_value(std::int32_t{-7}));
    CHECK(*e.extensions.find("flag") == ce::extension_value(false));
    CHECK(*e.extensions.find("ext") == ce::extension_value(std::string("v")));
    CHECK(ce::traceparent(e) == traceparent);
    CHECK(encoded(e) == R"({"specversion":"1.0","id":"e-1","source":"urn:cellos:cell:c1","type":"dev.cellos.test",)"
                        R"("datacontenttype":"application/json; charset=utf-8","dataschema":"https://cellos.dev/schema/v1#x",)"
                        R"("data":{"b":[1,2.5,"x"],"a":null},"time":"2018-04-05T18:31:00.5+01:00","subject":"cell/c1",)"
                        R"("count":-7,"ext":"v","flag":false,"traceparent":")" + std::string(traceparent) + R"("})");
    check_round_trip(text);
}

TEST_CASE("cloud event: every data kind round-trips") {
    SUBCASE("no data") {
        const auto e = parsed(minimal_json);
        CHECK(std::holds_alternative<std::monostate>(e.data));
        CHECK(encoded(e) == minimal_json);
    }
    SUBCASE("a JSON string is text, never re-parsed") {
        const auto e = parsed(with(R"("data":"{\"a\":1}")"));
        REQUIRE(std::holds_alternative<ce::text_data>(e.data));
        CHECK(std::get<ce::text_data>(e.data).text == R"({"a":1})");
        check_round_trip(with(R"("data":"{\"a\":1}")"));
    }
    SUBCASE("text with a non-JSON content type") {
        const auto e = parsed(with(R"("datacontenttype":"text/plain","data":"Simple text\n")"));
        CHECK(std::get<ce::text_data>(e.data).text == "Simple text\n");  // data is no attribute: controls are fine
        check_round_trip(with(R"("datacontenttype":"application/xml","data":"<much wow=\"xml\"/>")"));
    }
    SUBCASE("JSON values of every kind, with or without a JSON content type") {
        for (std::string_view data : {R"({})", R"([])", R"({"k":{"n":[true,false,null]}})", "0", "-12", "1.5", "1e300", "true",
                                      "false", "null", "18446744073709551615", "-9223372036854775808"}) {
            CAPTURE(data);
            const auto e = parsed(with(R"("data":)" + std::string(data)));
            REQUIRE(std::holds_alternative<ce::json_data>(e.data));
            check_round_trip(with(R"("data":)" + std::string(data)));
            check_round_trip(with(R"("datacontenttype":"application/cloudevents+json","data":)" + std::string(data)));
            check_round_trip(with(R"("datacontenttype":"TEXT/JSON;charset=utf-8","data":)" + std::string(data)));
        }
        CHECK(std::get<ce::json_data>(parsed(with(R"("data" : { "a" : 1 , "b" : [ ] })")).data).json == R"({"a":1,"b":[]})");
        CHECK(std::get<ce::json_data>(parsed(with(R"("data":1E2)")).data).json == "100.0");
    }
    SUBCASE("data null is an explicit JSON null payload") {
        const auto e = parsed(with(R"("data":null)"));
        REQUIRE(std::holds_alternative<ce::json_data>(e.data));
        CHECK(std::get<ce::json_data>(e.data).json == "null");
        CHECK(encoded(e) == with(R"("data":null)"));
    }
    SUBCASE("data_base64 is decoded to bytes") {
        const auto e = parsed(with(R"("datacontenttype":"application/octet-stream","data_base64":"AP8QIA==")"));
        REQUIRE(std::holds_alternative<ce::binary_data>(e.data));
        CHECK(std::get<ce::binary_data>(e.data).bytes == std::vector<std::byte>{std::byte{0x00}, std::byte{0xff}, std::byte{0x10}, std::byte{0x20}});
        check_round_trip(with(R"("data_base64":"AP8QIA==")"));
        check_round_trip(with(R"("data_base64":"")"));  // zero bytes
        CHECK(std::get<ce::binary_data>(parsed(with(R"("data_base64":"")")).data).bytes.empty());
        check_round_trip(with(R"("datacontenttype":"text/plain","data_base64":"SGVsbG8=")"));
    }
}

TEST_CASE("cloud event: extension values are typed") {
    const auto e = parsed(with(R"("imax":2147483647,"imin":-2147483648,"zero":-0,"yes":true,"s":"","uri":"https://x.example/a")"));
    CHECK(*e.extensions.find("imax") == ce::extension_value(std::int32_t{2147483647}));
    CHECK(*e.extensions.find("imin") == ce::extension_value(std::int32_t{-2147483647 - 1}));
    CHECK(*e.extensions.find("zero") == ce::extension_value(std::int32_t{0}));
    CHECK(*e.extensions.find("yes") == ce::extension_value(true));
    CHECK(*e.extensions.find("s") == ce::extension_value(std::string()));  // an empty String extension is allowed
    CHECK(ce::conforms(*e.extensions.find("uri"), ce::attribute_type::uri));
    CHECK(ce::conforms(*e.extensions.find("uri"), ce::attribute_type::uri_reference));
    CHECK(ce::conforms(*e.extensions.find("uri"), ce::attribute_type::string));
    CHECK_FALSE(ce::conforms(*e.extensions.find("uri"), ce::attribute_type::timestamp));
    CHECK(ce::conforms(*e.extensions.find("yes"), ce::attribute_type::boolean));
    CHECK_FALSE(ce::conforms(*e.extensions.find("yes"), ce::attribute_type::string));
    CHECK(ce::conforms(*e.extensions.find("imax"), ce::attribute_type::integer));
    CHECK_FALSE(ce::conforms(*e.extensions.find("imax"), ce::attribute_type::string));
    check_round_trip(with(R"("imax":2147483647,"imin":-2147483648,"yes":true,"s":"","uri":"https://x.example/a")"));
    // a member order does not change the event
    CHECK(parsed(with(R"("a":1,"b":2)")) == parsed(with(R"("b":2,"a":1)")));
}

TEST_CASE("cloud event: every rejection rule, with its code and pointer") {
    const std::vector<rejection> cases = {
        // required attributes: present, non-null, strings, non-empty
        {R"({"id":"e","source":"/s","type":"t"})", errc::missing_field, "/specversion"},
        {R"({"specversion":"1.0","source":"/s","type":"t"})", errc::missing_field, "/id"},
        {R"({"specversion":"1.0","id":"e","type":"t"})", errc::missing_field, "/source"},
        {R"({"specversion":"1.0","id":"e","source":"/s"})", errc::missing_field, "/type"},
        {R"({"specversion":"1.0","id":null,"source":"/s","type":"t"})", errc::missing_field, "/id"},
        {R"({"specversion":null,"id":"e","source":"/s","type":"t"})", errc::missing_field, "/specversion"},
        {R"({"specversion":"","id":"e","source":"/s","type":"t"})", errc::empty_attribute, "/specversion"},
        {R"({"specversion":"1.0","id":"","source":"/s","type":"t"})", errc::empty_attribute, "/id"},
        {R"({"specversion":"1.0","id":"e","source":"","type":"t"})", errc::empty_attribute, "/source"},
        {R"({"specversion":"1.0","id":"e","source":"/s","type":""})", errc::empty_attribute, "/type"},
        {R"({"specversion":"1.0","id":25,"source":"/s","type":"t"})", errc::wrong_type, "/id"},
        {R"({"specversion":"1.0","id":{"xyz":"abc"},"source":"/s","type":"t"})", errc::wrong_type, "/id"},
        {R"({"specversion":1.0,"id":"e","source":"/s","type":"t"})", errc::wrong_type, "/specversion"},
        {R"({"specversion":"1.0","id":"e","source":["/s"],"type":"t"})", errc::wrong_type, "/source"},
        {R"({"specversion":"1.0","id":"e","source":"/s","type":true})", errc::wrong_type, "/type"},
        // specversion exactly "1.0"
        {R"({"specversion":"0.9","id":"e","source":"/s","type":"t"})", errc::unsupported_spec_version, "/specversion"},
        {R"({"specversion":"1.0.2","id":"e","source":"/s","type":"t"})", errc::unsupported_spec_version, "/specversion"},
        {R"({"specversion":"1","id":"e","source":"/s","type":"t"})", errc::unsupported_spec_version, "/specversion"},
        // CloudEvents String: no controls, no noncharacters
        {R"({"specversion":"1.0","id":"a\u0000b","source":"/s","type":"t"})", errc::invalid_value, "/id"},
        {R"({"specversion":"1.0","id":"e","source":"/s","type":"t\n"})", errc::invalid_value, "/type"},
        {"{\"specversion\":\"1.0\",\"id\":\"e\",\"source\":\"/s\",\"type\":\"t\",\"subject\":\"\xc2\x85\"}", errc::invalid_value, "/subject"},
        {R"({"specversion":"1.0","id":"\uFDD0","source":"/s","type":"t"})", errc::invalid_value, "/id"},
        {R"({"specversion":"1.0","id":"\uFFFF","source":"/s","type":"t"})", errc::invalid_value, "/id"},
        // source: URI-reference
        {R"({"specversion":"1.0","id":"e","source":"not a uri","type":"t"})", errc::invalid_uri, "/source"},
        {R"({"specversion":"1.0","id":"e","source":"http://[::1/x","type":"t"})", errc::invalid_uri, "/source"},
        // optional attributes
        {with(R"("datacontenttype":"")"), errc::empty_attribute, "/datacontenttype"},
        {with(R"("datacontenttype":"xyz")"), errc::invalid_media_type, "/datacontenttype"},
        {with(R"("datacontenttype":"text/plain;")"), errc::invalid_media_type, "/datacontenttype"},
        {with(R"("datacontenttype":5)"), errc::wrong_type, "/datacontenttype"},
        {with(R"("dataschema":"")"), errc::empty_attribute, "/dataschema"},
        {with(R"("dataschema":"/relative/schema")"), errc::invalid_uri, "/dataschema"},
        {with(R"("dataschema":"#frag")"), errc::invalid_uri, "/dataschema"},
        {with(R"("subject":"")"), errc::empty_attribute, "/subject"},
        {with(R"("subject":1)"), errc::wrong_type, "/subject"},
        {with(R"("time":"")"), errc::empty_attribute, "/time"},
        {with(R"("time":"lunchtime")"), errc::invalid_timestamp, "/time"},
        {with(R"("time":"2018-04-05T18:31Z")"), errc::invalid_timestamp, "/time"},
        {with(R"("time":"2018-04-05T18:31:00X")"), errc::invalid_timestamp, "/time"},
        {with(R"("time":"2018-04-05T18:31:00+25:00")"), errc::invalid_timestamp, "/time"},
        {with(R"("time":"2018-04-05T18:31:00+xx:00")"), errc::invalid_timestamp, "/time"},
        {with(R"("time":"2018-04-05T18:31:00+05")"), errc::invalid_timestamp, "/time"},
        {with(R"("time":"2018-02-30T00:00:00Z")"), errc::invalid_timestamp, "/time"},
        {with(R"("time":1522949460)"), errc::wrong_type, "/time"},
        // data and data_base64
        {with(R"("data":"text","data_base64":"eyAieHl6IjogMTIzIH0=")"), errc::conflicting_fields, "/data_base64"},
        {with(R"("data":null,"data_base64":"AA==")"), errc::conflicting_fields, "/data_base64"},
        {with(R"("data_base64":"not base64!")"), errc::invalid_base64, "/data_base64"},
        {with(R"("data_base64":"TWE")"), errc::invalid_base64, "/data_base64"},
        {with(R"("data_base64":"TWF=")"), errc::invalid_base64, "/data_base64"},
        {with(R"("data_base64":"TW E=")"), errc::invalid_base64, "/data_base64"},
        {with(R"("data_base64":"-_8=")"), errc::invalid_base64, "/data_base64"},
        {with(R"("data_base64":{"bytes":1})"), errc::wrong_type, "/data_base64"},
        {with(R"("datacontenttype":"text/plain","data":{"a":1})"), errc::wrong_type, "/data"},
        {with(R"("datacontenttype":"application/xml","data":42)"), errc::wrong_type, "/data"},
        {with(R"("datacontenttype":"text/plain","data":null)"), errc::wrong_type, "/data"},
        // extension names: [a-z0-9]{1,20}, checked in name order
        {with(R"("MyExtension":"bad")"), errc::invalid_attribute_name, "/MyExtension"},
        {with(R"("my.extension":"bad")"), errc::invalid_attribute_name, "/my.extension"},
        {with(R"("my.extension":1.5)"), errc::invalid_attribute_name, "/my.extension"},  // the conformance case: the name decides
        {with(R"("a_invalid_name":"x")"), errc::invalid_attribute_name, "/a_invalid_name"},
        {with(R"("abcdefghij01234567890":"x")"), errc::invalid_attribute_name, "/abcdefghij01234567890"},
        {with(R"("":"x")"), errc::invalid_attribute_name, "/"},
        {with(R"("a/b":"x")"), errc::invalid_attribute_name, "/a~1b"},
        {with(R"("Unset":null)"), errc::invalid_attribute_name, "/Unset"},  // a bad name is bad even when null
        {with(R"("zz":1.5,"aString":"x")"), errc::invalid_attribute_name, "/aString"},
        {with(R"("zz":1.5,"aa":true)"), errc::wrong_type, "/zz"},
        // extension values: Boolean, Integer (int32, no fraction or exponent), String
        {with(R"("myextension":1.5)"), errc::wrong_type, "/myextension"},  // the Integer rule on its own
        {with(R"("decimal":42.42)"), errc::wrong_type, "/decimal"},
        {with(R"("ten":10.0)"), errc::wrong_type, "/ten"},
        {with(R"("ten":1e1)"), errc::wrong_type, "/ten"},
        {with(R"("long":4247483647)"), errc::number_out_of_range, "/long"},
        {with(R"("big":2147483648)"), errc::number_out_of_range, "/big"},
        {with(R"("small":-2147483649)"), errc::number_out_of_range, "/small"},
        {with(R"("huge":18446744073709551615)"), errc::number_out_of_range, "/huge"},
        {with(R"("huger":100000000000000000000)"), errc::number_out_of_range, "/huger"},
        {with(R"("obj":{})"), errc::wrong_type, "/obj"},
        {with(R"("arr":[1])"), errc::wrong_type, "/arr"},
        {with(R"("ctl":"a\u0007")"), errc::invalid_value, "/ctl"},
        {with(R"("traceparent":"00-abc")"), errc::invalid_value, "/traceparent"},
        {with(R"("traceparent":5)"), errc::wrong_type, "/traceparent"},
        // not an object
        {R"(["an array"])", errc::wrong_type, ""},
        {R"("a string")", errc::wrong_type, ""},
        {"null", errc::wrong_type, ""},
    };
    for (const rejection& r : cases) check_rejected(r);
}

TEST_CASE("cloud event: rules are checked in one fixed order") {
    // specversion first, even when a later member breaks a rule
    check_rejected({R"({"id":25,"specversion":"0.9","source":"","type":""})", errc::unsupported_spec_version, "/specversion"});
    // required ones before optional ones, data before time and subject, extensions last
    check_rejected({R"({"Bad":1,"time":"x","specversion":"1.0","id":"e","source":"/s"})", errc::missing_field, "/type"});
    check_rejected({with(R"("Bad":1,"subject":"","time":"x")"), errc::invalid_timestamp, "/time"});
    check_rejected({with(R"("subject":"","data_base64":"!")"), errc::invalid_base64, "/data_base64"});
    check_rejected({with(R"("dataschema":"x y","datacontenttype":"xyz")"), errc::invalid_media_type, "/datacontenttype"});
}

TEST_CASE("cloud event: null means absent") {
    const auto e = parsed(with(R"("datacontenttype":null,"dataschema":null,"subject":null,"time":null,"ext":null,"data_base64":null)"));
    CHECK(e == minimal());
    CHECK(encoded(e) == minimal_json);  // nulls are not written back
    CHECK(parsed(with(R"("subject":null)")) == parsed(minimal_json));
}

TEST_CASE("cloud event: the strict parser's rules apply") {
    check_rejected({R"({"specversion":"1.0","id":"a","id":"b","source":"/s","type":"t"})", errc::duplicate_key, "/id"});
    check_rejected({with(R"("data":{"k":1,"k":2})"), errc::duplicate_key, "/data/k"});
    check_rejected({R"({"specversion":"1.0","id":"\uDEAD","source":"/s","type":"t"})", errc::malformed_json, ""});
    check_rejected({"{\"specversion\":\"1.0\",\"id\":\"\xff\",\"source\":\"/s\",\"type\":\"t\"}", errc::invalid_utf8, ""});
    check_rejected({std::string(minimal_json) + " x", errc::malformed_json, ""});
    check_rejected({"", errc::malformed_json, ""});
    std::string deep = with(R"("data":)" + std::string(100, '[') + std::string(100, ']'));
    check_rejected({deep, errc::nesting_too_deep, ""});
    const auto big = cj::parse_cloud_event(with(R"("data":")" + std::string(2000, 'x') + "\""), cj::parse_limits{1024, 64});
    REQUIRE_FALSE(big.has_value());
    CHECK(big.error().code == errc::input_too_large);
    // a surrogate pair escape is fine
    CHECK(parsed(R"({"specversion":"1.0","id":"\uD83D\uDE02","source":"/s","type":"t"})").id == "\xf0\x9f\x98\x82");
    // whitespace around the document is JSON
    CHECK(parsed("\n  " + std::string(minimal_json) + "\r\n\t") == minimal());
}

TEST_CASE("cloud event: batches") {
    SUBCASE("empty and non-empty") {
        CHECK(cj::parse_cloud_event_batch("[]").value().empty());
        CHECK(cj::parse_cloud_event_batch(" [ ] ").value().empty());
        const auto b = cj::parse_cloud_event_batch("[" + std::string(minimal_json) + "," + with(R"("data":[1])") + "]");
        REQUIRE(b.has_value());
        REQUIRE(b.value().size() == 2);
        CHECK(b.value()[0] == minimal());
        CHECK(std::get<ce::json_data>(b.value()[1].data).json == "[1]");
        const auto text = cj::to_batch_text(b.value());
        REQUIRE(text.has_value());
        CHECK(cj::parse_cloud_event_batch(text.value()).value() == b.value());
        CHECK(cj::to_batch_text({}).value() == "[]");
    }
    SUBCASE("rejections point into the batch") {
        const auto check = [](const std::string& text, errc code, std::string_view pointer) {
            CAPTURE(text);
            const auto r = cj::parse_cloud_event_batch(text);
            REQUIRE_FALSE(r.has_value());
            CHECK(r.error().code == code);
            CHECK(r.error().pointer == pointer);
        };
        check(std::string(minimal_json), errc::wrong_type, "");  // an object is not a batch
        check("[\"not an object\"," + std::string(minimal_json) + "]", errc::wrong_type, "/0");
        check("[" + std::string(minimal_json) + ",null]", errc::wrong_type, "/1");
        check("[" + std::string(minimal_json) + "," + with(R"("time":"x")") + "]", errc::invalid_timestamp, "/1/time");
        check(R"([{"specversion":"1.0","id":"m1","type":"t","source":"/s"},{"specversion":"0.9","id":"m2","type":"t","source":"/s"}])",
              errc::unsupported_spec_version, "/1/specversion");  // mixed specversions
        check(R"([{"specversion":"1.0","type":"t","source":"/s"}])", errc::missing_field, "/0/id");
        check("[" + with(R"("data":{"a":1,"a":2})") + "]", errc::duplicate_key, "/0/data/a");
        check("[[]]", errc::wrong_type, "/0");
        check("[", errc::malformed_json, "");
    }
    SUBCASE("per-element verdicts") {
        const auto v = cj::cloud_event_batch_verdicts("[" + std::string(minimal_json) + ",1," + with(R"("Bad":1)") + "]");
        REQUIRE(v.has_value());
        REQUIRE(v.value().size() == 3);
        CHECK(v.value()[0].has_value());
        CHECK(v.value()[1].error().pointer == "/1");
        CHECK(v.value()[2].error().code == errc::invalid_attribute_name);
        CHECK(v.value()[2].error().pointer == "/2/Bad");
        CHECK(cj::cloud_event_batch_verdicts("{}").error().code == errc::wrong_type);
    }
    SUBCASE("encoding refuses an invalid element, with its index") {
        std::vector<ce::cloud_event_v1> batch{minimal(), minimal()};
        batch[1].id.clear();
        const auto r = cj::to_batch_text(batch);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == errc::empty_attribute);
        CHECK(r.error().pointer == "/1/id");
    }
}

TEST_CASE("cloud event: JSON Lines") {
    const std::string good(minimal_json);
    SUBCASE("one verdict per line, numbered from 1") {
        const auto v = cj::parse_cloud_event_jsonl(good + "\n" + with(R"("time":"noon")") + "\r\n" + good + "\n");
        REQUIRE(v.size() == 3);
        CHECK(v[0].line == 1);
        CHECK(v[0].event.has_value());
        CHECK(v[1].line == 2);
        REQUIRE_FALSE(v[1].event.has_value());
        CHECK(v[1].event.error().code == errc::invalid_timestamp);
        CHECK(v[1].event.error().pointer == "/time");  // relative to the line's document
        CHECK(v[2].line == 3);
        CHECK(v[2].event.value() == minimal());
    }
    SUBCASE("the last line needs no newline; blank lines are skipped, still numbered") {
        CHECK(cj::parse_cloud_event_jsonl("").empty());
        CHECK(cj::parse_cloud_event_jsonl(good).size() == 1);
        CHECK(cj::parse_cloud_event_jsonl(good + "\n").size() == 1);
        const auto v = cj::parse_cloud_event_jsonl(good + "\n\n  \r\n\t\n" + good);
        REQUIRE(v.size() == 2);
        CHECK(v[0].line == 1);
        CHECK(v[1].line == 5);
        CHECK(v[1].event.has_value());
        CHECK(cj::parse_cloud_event_jsonl("\n").empty());
        CHECK(cj::parse_cloud_event_jsonl(" \n\n").empty());
    }
    SUBCASE("a line is one event, not a batch or a pretty-printed object") {
        CHECK(cj::parse_cloud_event_jsonl("[" + good + "]")[0].event.error().code == errc::wrong_type);
        const auto v = cj::parse_cloud_event_jsonl("{\n\"specversion\":\"1.0\"}");
        REQUIRE(v.size() == 2);
        CHECK(v[0].event.error().code == errc::malformed_json);
        CHECK(v[1].event.error().code == errc::malformed_json);
    }
    SUBCASE("limits apply per line") {
        const auto v = cj::parse_cloud_event_jsonl(good + "\n" + with(R"("data":")" + std::string(600, 'x') + "\"") + "\n",
                                                   cj::parse_limits{512, 64});
        REQUIRE(v.size() == 2);
        CHECK(v[0].event.has_value());
        CHECK(v[1].event.error().code == errc::input_too_large);
    }
}

TEST_CASE("jsonl_splitter: the same lines whatever the chunking, one line of memory") {
    const std::string text = "{\"a\":1}\r\n\n  \n{\"b\":2}\n" + std::string(40, 'x') + "\n{\"c\":3}";
    const auto split = [&](std::size_t chunk) {
        std::vector<std::string> got;
        cj::jsonl_splitter s(16);
        const auto on_line = [&](const cj::jsonl_line& l) {
            got.push_back(std::to_string(l.number) + (l.too_long ? ":too long" : ":" + std::string(l.text)));
        };
        for (std::size_t i = 0; i < text.size(); i += chunk) s.feed(std::string_view(text).substr(i, chunk), on_line);
        s.finish(on_line);
        CHECK(s.lines() == 6);
        CHECK(s.blank() == 2);
        return got;
    };
    const std::vector<std::string> expected{"1:{\"a\":1}", "4:{\"b\":2}", "5:too long", "6:{\"c\":3}"};
    for (std::size_t chunk : {1u, 2u, 3u, 7u, 16u, 17u, 1000u}) CHECK(split(chunk) == expected);

    SUBCASE("a line of exactly the limit passes, one byte more is too long, a \\r does not count") {
        std::vector<cj::jsonl_line> got;
        cj::jsonl_splitter s(4);
        const auto keep = [&](const cj::jsonl_line& l) { got.push_back(l); };
        s.feed("abcd\nabcd\r\nabcde\n", keep);
        s.feed("ab", keep);
        s.feed("cd\r", keep);
        s.feed("e\n", keep);  // split across chunks, over the limit
        s.finish(keep);
        REQUIRE(got.size() == 4);
        CHECK((!got[0].too_long && got[0].text == "abcd"));
        CHECK((!got[1].too_long && got[1].text == "abcd"));
        CHECK((got[2].too_long && got[2].number == 3));
        CHECK((got[3].too_long && got[3].number == 4));
    }
    SUBCASE("a too-long line is reported once, however long it goes on") {
        std::size_t reports = 0;
        cj::jsonl_splitter s(8);
        const auto count = [&](const cj::jsonl_line& l) { reports += l.too_long ? 1 : 0; };
        for (int i = 0; i < 1000; ++i) s.feed(std::string(100, 'y'), count);
        s.finish(count);
        CHECK(reports == 1);
        CHECK(s.lines() == 1);
        CHECK(s.buffered() <= 64);  // the 100 000 bytes of the line were never held
    }
}

TEST_CASE("cloud event: the model validator and the encoder refuse invalid events") {
    CHECK(ce::is_valid(minimal()));
    CHECK_FALSE(ce::is_valid(ce::cloud_event_v1{}));  // empty id, source, type
    CHECK(ce::validate_cloud_event(ce::cloud_event_v1{})->pointer == "/id");

    const auto refused = [](const ce::cloud_event_v1& e, errc code, std::string_view pointer) {
        const auto v = ce::validate_cloud_event(e);
        const auto r = cj::to_text(e);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == code);
        CHECK(r.error().pointer == pointer);
        if (v) {  // the model validator agrees wherever it can see the rule
            CHECK(v->code == code);
            CHECK(v->pointer == pointer);
        }
    };
    ce::cloud_event_v1 e = minimal();
    e.specversion = "1.1";
    refused(e, errc::unsupported_spec_version, "/specversion");
    e = minimal();
    e.source = "a b";
    refused(e, errc::invalid_uri, "/source");
    e = minimal();
    e.time = "yesterday";
    refused(e, errc::invalid_timestamp, "/time");
    e = minimal();
    e.subject = "";
    refused(e, errc::empty_attribute, "/subject");
    e = minimal();
    e.dataschema = "schema.json";
    refused(e, errc::invalid_uri, "/dataschema");
    e = minimal();
    e.datacontenttype = "text/plain";
    e.data = ce::json_data{"{}"};
    refused(e, errc::wrong_type, "/data");
    e = minimal();
    e.data = ce::json_data{R"("a string")"};
    refused(e, errc::invalid_value, "/data");
    e.data = ce::json_data{""};
    refused(e, errc::invalid_value, "/data");
    e.data = ce::json_data{"{"};
    refused(e, errc::malformed_json, "/data");
    e.data = ce::json_data{R"({"a":1,"a":2})"};
    refused(e, errc::duplicate_key, "/data/a");
    e = minimal();
    e.extensions.set("Bad", true);
    refused(e, errc::invalid_attribute_name, "/Bad");
    e = minimal();
    e.extensions.set("id", "shadow");  // reserved
    refused(e, errc::invalid_attribute_name, "/id");
    e = minimal();
    e.extensions.set("data", "shadow");
    refused(e, errc::invalid_attribute_name, "/data");
    e = minimal();
    e.extensions.set("traceparent", true);
    refused(e, errc::wrong_type, "/traceparent");
    e = minimal();
    e.extensions.set("traceparent", "garbage");
    refused(e, errc::invalid_value, "/traceparent");
    e = minimal();
    e.extensions.set("ctl", std::string("a\x01", 2));
    refused(e, errc::invalid_value, "/ctl");
}

TEST_CASE("cloud event: built in code, encoded, parsed back") {
    ce::cloud_event_v1 e = minimal();
    e.datacontenttype = "application/octet-stream";
    e.dataschema = "urn:cellos:schema:v1";
    e.subject = "urn:cellos:cell:c1";
    e.time = "2026-01-02T03:04:05.678Z";
    e.data = ce::binary_data{bytes(std::string_view("\x00\x01\xfe\xff", 4))};
    e.extensions.set("traceparent", traceparent);
    e.extensions.set("attempt", std::int32_t{3});
    e.extensions.set("retried", false);
    e.extensions.set("region", std::string("eu-west"));
    const std::string text = encoded(e);
    CHECK(text == R"({"specversion":"1.0","id":"e-1","source":"/cells/c1","type":"dev.cellos.test",)"
                  R"("datacontenttype":"application/octet-stream","dataschema":"urn:cellos:schema:v1","data_base64":"AAH+/w==",)"
                  R"("time":"2026-01-02T03:04:05.678Z","subject":"urn:cellos:cell:c1","attempt":3,"region":"eu-west",)"
                  R"("retried":false,"traceparent":")" + std::string(traceparent) + R"("})");
    CHECK(parsed(text) == e);
    const auto value = cj::to_value(e);
    REQUIRE(value.has_value());
    CHECK(value.value().as_object().size() == 13);
}

TEST_CASE("cloud event: extension_map keeps names sorted and unique") {
    ce::extension_map m;
    m.set("b", std::int32_t{1});
    m.set("a", true);
    m.set("c", "x");
    m.set("b", std::int32_t{2});  // replaces
    REQUIRE(m.size() == 3);
    std::vector<std::string> names;
    for (const auto& x : m) names.push_back(x.name);
    CHECK(names == std::vector<std::string>{"a", "b", "c"});
    CHECK(*m.find("b") == ce::extension_value(std::int32_t{2}));
    CHECK(m.contains("c"));
    CHECK(m.erase("c"));
    CHECK_FALSE(m.erase("c"));
    CHECK(m.find("c") == nullptr);
    ce::extension_map n;
    n.set("a", true);
    n.set("b", std::int32_t{2});
    CHECK(m == n);
}

TEST_CASE("cloud event: equivalent compares time as an instant") {
    ce::cloud_event_v1 a = minimal(), b = minimal();
    a.time = "2018-04-05T17:31:00Z";
    b.time = "2018-04-05T18:31:00.000+01:00";
    CHECK_FALSE(a == b);
    CHECK(ce::equivalent(a, b));
    b.time = "2018-04-05T18:31:00.001+01:00";
    CHECK_FALSE(ce::equivalent(a, b));
    b.time.reset();
    CHECK_FALSE(ce::equivalent(a, b));
    b = a;
    b.subject = "x";
    CHECK_FALSE(ce::equivalent(a, b));
}

TEST_CASE("cloud event: base64 encodes canonically and decodes its own output") {
    std::vector<std::byte> data;
    for (int n = 0; n < 40; ++n) {
        const std::string text = ce::encode_base64(data);
        CAPTURE(text);
        CHECK(text.size() % 4 == 0);
        CHECK(ce::is_base64(text));
        CHECK(ce::decode_base64(text) == data);
        data.push_back(static_cast<std::byte>(n * 37 + 11));
    }
    CHECK(ce::encode_base64(bytes("Ma")) == "TWE=");
    CHECK(ce::encode_base64(bytes("Man")) == "TWFu");
    CHECK(ce::encode_base64(bytes("M")) == "TQ==");
    CHECK(ce::encode_base64(bytes("{}")) == "e30=");
    CHECK(ce::decode_base64("SGVsbG8gV29ybGQgTG9yZW5hIQ==") == bytes("Hello World Lorena!"));
    CHECK_FALSE(ce::decode_base64("TWF=").has_value());
    CHECK_FALSE(ce::decode_base64("TWE").has_value());
}

TEST_CASE("base64url without padding: the same codec, the other alphabet") {
    using ce::base64_alphabet, ce::base64_padding;
    std::vector<std::byte> data;
    for (int n = 0; n < 40; ++n) {
        const std::string text = ce::encode_base64(data, base64_alphabet::url, base64_padding::optional);
        CAPTURE(text);
        CHECK(text.find_first_of("+/=") == std::string::npos);
        const auto body = ce::base64_body(text, base64_alphabet::url, base64_padding::optional);
        REQUIRE(body);
        std::vector<std::byte> back;
        ce::decode_base64_body(*body, base64_alphabet::url, [&](std::uint8_t b) { back.push_back(static_cast<std::byte>(b)); });
        CHECK(back == data);
        CHECK(ce::base64_decoded_size(*body) == data.size());
        data.push_back(static_cast<std::byte>(n * 53 + 250));
    }
    CHECK(ce::encode_base64(bytes("\xfb\xff"), base64_alphabet::url, base64_padding::optional) == "-_8");
    CHECK(ce::encode_base64(bytes("\xfb\xff"), base64_alphabet::url) == "-_8=");
}

TEST_CASE("cloud event: the validators at run time (good and bad vectors)") {
    // The same constexpr functions as tests/static/cloud_event_static.cpp, on runtime strings.
    for (std::string_view t : {"2018-04-05T17:31:00Z", "2018-04-05T17:31:00.000000000Z", "2018-04-05T18:31:00+01:00",
                               "2018-04-05T16:31:00-01:00", "2018-04-26T14:48:09.1234Z", "2016-12-31T23:59:60Z",
                               "2020-02-29t00:00:00z", "2018-04-05T17:31:00-00:00"}) {
        CAPTURE(t);
        CHECK(ce::is_rfc3339_timestamp(std::string(t)));
    }
    for (std::string_view t : {"lunchtime", "2018-04-05T18:31Z", "2018-04-05T18:31:00X", "2018-04-05T18:31:00+25:00",
                               "2018-04-05T18:31:00+xx:00", "2018-04-05T18:31:00+05", "2018-04-05 17:31:00Z",
                               "2018-04-05T17:31:00", "2021-02-29T00:00:00Z", "2018-04-05T17:31:00+05:60", ""}) {
        CAPTURE(t);
        CHECK_FALSE(ce::is_rfc3339_timestamp(std::string(t)));
    }
    CHECK(ce::same_instant(std::string("2018-04-05T17:31:00Z"), std::string("2018-04-05T16:31:00-01:00")));

    for (std::string_view m : {"text/plain", "application/json", "text/plain; charset=utf-8", "application/cloudevents+json",
                               "multipart/mixed; boundary=\"x y\""}) {
        CAPTURE(m);
        CHECK(ce::is_media_type(std::string(m)));
    }
    for (std::string_view m : {"xyz", "", "text/", "text/plain;", "text/plain; charset", "text/ plain", "text/plain "}) {
        CAPTURE(m);
        CHECK_FALSE(ce::is_media_type(std::string(m)));
    }
    CHECK(ce::is_json_media_type(std::string("application/vnd.cellos+json; v=1")));
    CHECK_FALSE(ce::is_json_media_type(std::string("text/plain")));

    for (std::string_view u : {"https://cloudevents.io", "#fragment", "/sensors/x", "//authority/path", "urn:uuid:1234",
                               "mailto:a@b.example", "1-555-123-4567", "http://[::1]:80/", "a%2Fb"}) {
        CAPTURE(u);
        CHECK(ce::is_uri_reference(std::string(u)));
    }
    for (std::string_view u : {"a b", "%zz", ":x", "1a:b", "http://[::1/", "caf\xc3\xa9", "a\x01"}) {
        CAPTURE(u);
        CHECK_FALSE(ce::is_uri_reference(std::string(u)));
    }
    CHECK(ce::is_uri(std::string("https://cloudevents.io/dataschema")));
    CHECK_FALSE(ce::is_uri(std::string("/dataschema")));

    CHECK(ce::is_attribute_name(std::string("extinteger")));
    CHECK_FALSE(ce::is_attribute_name(std::string("extInteger")));
    CHECK(ce::is_attribute_string(std::string("caf\xc3\xa9")));
    CHECK_FALSE(ce::is_attribute_string(std::string("\xc2\x9f")));
    CHECK(ce::is_traceparent(std::string(traceparent)));
    CHECK_FALSE(ce::is_traceparent(std::string(traceparent).substr(1)));
}

TEST_CASE("cloud event: messages name the rule and the value") {
    const auto r = cj::parse_cloud_event(with(R"("time":"lunchtime")"));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().message.find("lunchtime") != std::string::npos);
    CHECK(r.error().message.find("RFC 3339") != std::string::npos);
    // long values are cut on a UTF-8 boundary
    const auto long_time = cj::parse_cloud_event(with(R"("time":")" + std::string(79, 'x') + "\xc3\xa9xyz\""));
    REQUIRE_FALSE(long_time.has_value());
    CHECK(long_time.error().message.find("x\"\xe2\x80\xa6") != std::string::npos);
    CHECK(ce::context_attribute_message(errc::unsupported_spec_version, "specversion", "0.9").find("\"0.9\"") != std::string::npos);
}

TEST_CASE("cloud event: the docs example (docs/events.md quotes this body)") {
    const std::string text = R"({"specversion":"1.0","id":"e-1","source":"/cells/c1","type":"dev.cellos.test","data":{"ok":true}})";
    auto event = cellos::json::parse_cloud_event(text);
    REQUIRE(event.has_value());
    event.value().extensions.set("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    const auto out = cellos::json::to_text(event.value());  // refuses an event that breaks a rule
    CHECK(out.value() == R"({"specversion":"1.0","id":"e-1","source":"/cells/c1","type":"dev.cellos.test","data":{"ok":true},)"
                         R"("traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"})");

    const auto bad = cellos::json::parse_cloud_event(R"({"specversion":"1.0","id":"e-1","source":"/s","type":"t","time":"18:31Z"})");
    CHECK(bad.error().code == cellos::errc::invalid_timestamp);
    CHECK(bad.error().pointer == "/time");
}
