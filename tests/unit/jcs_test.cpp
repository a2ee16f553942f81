// tests/unit/jcs_test.cpp — RFC 8785 canonical JSON (cellos/json/jcs.hpp): the number layout
// (draft-00 sample table and edge cases), member order by UTF-16 code units, string escaping of
// every control character, equal documents → equal bytes, depth, bad input, and the cyberphone
// reference pairs byte for byte. Fixture-based cases say "SKIPPED" when the fixtures are absent.
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

#include "../doctest.hpp"
#include "cellos/json/jcs.hpp"

#ifndef CELLOS_FIXTURES_DIR
#define CELLOS_FIXTURES_DIR "../shared/fixtures"
#endif

namespace {

namespace cj = cellos::json;
namespace fs = std::filesystem;
using cellos::errc;

/// The canonical text of `text`; fails the test case when it is rejected.
std::string canonical(std::string_view text) {
    auto r = cj::canonicalize_text(text);
    REQUIRE_MESSAGE(r.has_value(), "rejected: " << text << " -> " << (r ? std::string() : r.error().message));
    return std::move(r).value();
}

/// The canonical text of a value built by hand.
std::string canonical_value(const boost::json::value& v) {
    auto r = cj::canonicalize(v);
    REQUIRE_MESSAGE(r.has_value(), "rejected: " << (r ? std::string() : r.error().message));
    return std::move(r).value();
}

/// The error canonicalize_text gives for `text`; fails the test case when it is accepted.
cellos::problem rejection(std::string_view text, const cj::parse_limits& limits = {}) {
    auto r = cj::canonicalize_text(text, limits);
    REQUIRE_MESSAGE(r.has_error(), "accepted: " << text);
    return r.error();
}

std::optional<std::string> read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// The jcs fixtures directory, or nullopt (after a visible SKIPPED message) when it is absent.
std::optional<fs::path> jcs_fixtures() {
    const fs::path dir = fs::path(CELLOS_FIXTURES_DIR) / "jcs";
    if (fs::is_directory(dir)) return dir;
    MESSAGE("SKIPPED: fixtures absent at " << dir.string());
    return std::nullopt;
}

/// `depth` arrays (or objects {"a": …}) around null, built without recursion.
boost::json::value nested(std::size_t depth, bool objects) {
    boost::json::value v;
    for (std::size_t i = 0; i < depth; ++i) {
        if (objects) {
            boost::json::object o;
            o.emplace("a", std::move(v));
            v = std::move(o);
        } else {
            boost::json::array a;
            a.push_back(std::move(v));
            v = std::move(a);
        }
    }
    return v;
}

/// Takes a deep value apart level by level: Boost.JSON's own destructor recurses.
void flatten(boost::json::value& v) {
    while (true) {
        boost::json::value inner;
        if (v.is_array() && !v.get_array().empty()) inner = std::move(v.get_array()[0]);
        else if (v.is_object() && !v.get_object().empty()) inner = std::move(v.get_object().begin()->value());
        else return;
        v = std::move(inner);
    }
}

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

}  // namespace

TEST_CASE("JCS: the documented example") {
    auto canonical = cellos::json::canonicalize_text(R"({"b": [1.0, 1e21, -0], "a": "\u00e9\u000F"})");
    REQUIRE(canonical);
    CHECK(canonical.value() == R"({"a":"é\u000f","b":[1,1e+21,0]})");
}

// --- numbers ------------------------------------------------------------------------------------

TEST_CASE("JCS number table: every row of jcs_draft00_number_samples.csv") {
    const auto dir = jcs_fixtures();
    if (!dir) return;
    const auto csv = read_file(*dir / "jcs_draft00_number_samples.csv");
    REQUIRE(csv);
    std::istringstream lines(*csv);
    std::string line;
    REQUIRE(std::getline(lines, line));
    CHECK(line.rfind("ieee754_hex,expected_json,comment", 0) == 0);
    int rows = 0, errors = 0;
    while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        const std::size_t c1 = line.find(','), c2 = line.find(',', c1 + 1);
        REQUIRE(c1 != std::string::npos);
        const std::string hex = line.substr(0, c1);
        const std::string expected = line.substr(c1 + 1, c2 == std::string::npos ? std::string::npos : c2 - c1 - 1);
        const double d = std::bit_cast<double>(static_cast<std::uint64_t>(std::stoull(hex, nullptr, 16)));
        INFO("row " << hex << " expected " << expected);
        ++rows;
        const auto r = cj::canonicalize(boost::json::value(d));
        if (expected == "ERROR") {
            ++errors;
            REQUIRE(r.has_error());
            CHECK(r.error().code == errc::number_out_of_range);
            CHECK(r.error().pointer == "");
        } else {
            REQUIRE(r.has_value());
            CHECK(r.value() == expected);
            // the expected text is itself JSON: read back, it canonicalizes to itself
            CHECK(canonical(expected) == expected);
        }
    }
    CHECK(rows == 20);
    CHECK(errors == 2);
    MESSAGE(rows << " number samples checked (" << errors << " must be rejected)");
}

TEST_CASE("JCS numbers: ECMAScript Number::toString layout") {
    const std::pair<std::string_view, std::string_view> cases[] = {
        {"0", "0"},
        {"-0", "0"},
        {"-0.0", "0"},
        {"0e10", "0"},
        {"-0e-5", "0"},
        {"1", "1"},
        {"1.0", "1"},
        {"1e0", "1"},
        {"100", "100"},
        {"1e2", "100"},
        {"12.5e1", "125"},
        {"-1.5", "-1.5"},
        {"0.1", "0.1"},
        {"4.50", "4.5"},
        {"2e-3", "0.002"},
        {"1E30", "1e+30"},
        {"1e20", "100000000000000000000"},
        {"1e21", "1e+21"},
        {"123456789012345678901", "123456789012345680000"},
        {"999999999999999900000", "999999999999999900000"},
        {"1e-6", "0.000001"},
        {"0.000001", "0.000001"},
        {"0.0000015", "0.0000015"},
        {"1e-7", "1e-7"},
        {"1.5e-7", "1.5e-7"},
        {"0.00000015", "1.5e-7"},
        {"-1.2345678901234567e+300", "-1.2345678901234567e+300"},
        {"1.7976931348623157e308", "1.7976931348623157e+308"},
        {"5e-324", "5e-324"},
        {"2.4703282292062328e-324", "5e-324"},  // correctly rounded up to the smallest subnormal
        {"1e-400", "0"},                        // underflow: ECMAScript reads 0
        {"-1e-400", "0"},
        {"1e+23", "1e+23"},
        {"9.999999999999997e+22", "9.999999999999997e+22"},  // Boost.JSON 1.81 alone reads 9.999999999999996e+22
        {"333333333.33333329", "333333333.3333333"},         // Boost.JSON 1.81 alone reads ...3325
        // integers are doubles in JCS: beyond 2^53 they are written as the double they round to
        {"9007199254740992", "9007199254740992"},
        {"9007199254740993", "9007199254740992"},
        {"9007199254740993.0", "9007199254740992"},
        {"18446744073709551615", "18446744073709552000"},
        {"-9223372036854775808", "-9223372036854776000"},
        {"123456789012345678901234567890", "1.2345678901234568e+29"},
    };
    for (const auto& c : cases) {
        const std::string_view in = c.first, out = c.second;  // clang 14: INFO cannot capture bindings
        INFO(in);
        CHECK(canonical(in) == out);
        CHECK(canonical("[" + std::string(in) + "]") == "[" + std::string(out) + "]");
    }
    // the same through values built by hand
    CHECK(canonical_value(boost::json::value(-0.0)) == "0");
    CHECK(canonical_value(boost::json::value(std::int64_t{-42})) == "-42");
    CHECK(canonical_value(boost::json::value(std::numeric_limits<std::uint64_t>::max())) == "18446744073709552000");
    CHECK(canonical_value(boost::json::value(std::numeric_limits<std::int64_t>::min())) == "-9223372036854776000");
    CHECK(canonical_value(boost::json::value(std::numeric_limits<double>::denorm_min())) == "5e-324");
    CHECK(canonical_value(boost::json::value(1.0 / 3)) == "0.3333333333333333");
}

TEST_CASE("JCS numbers: NaN and Infinity are rejected with a pointer") {
    for (double d : {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
                     -std::numeric_limits<double>::infinity()}) {
        const auto top = cj::canonicalize(boost::json::value(d));
        REQUIRE(top.has_error());
        CHECK(top.error().code == errc::number_out_of_range);
        CHECK(top.error().pointer == "");
        boost::json::value doc = {{"a", boost::json::array{1, d}}, {"b/c", boost::json::array{d}}};
        const auto nested = cj::canonicalize(doc);
        REQUIRE(nested.has_error());
        CHECK(nested.error().code == errc::number_out_of_range);
        CHECK(nested.error().pointer == "/a/1");  // members are visited in canonical order
        doc.as_object().erase("a");
        CHECK(cj::canonicalize(doc).error().pointer == "/b~1c/0");
    }
    // in text they never get that far: the strict parser refuses them
    CHECK(rejection("[1e400]").code == errc::number_out_of_range);
    CHECK(rejection("[1e400]").pointer == "/0");
    CHECK(rejection("NaN").code == errc::malformed_json);
    CHECK(rejection("[-Infinity]").code == errc::malformed_json);
}

// --- member order ----------------------------------------------------------------------------------

TEST_CASE("JCS key order: UTF-16 code units, not UTF-8 bytes") {
    // U+1F602 is D83D DE02 in UTF-16, below U+E000 — but F0 9F 98 82 in UTF-8, above EE 80 80.
    static_assert(cj::detail::compare_utf16("\U0001F602", "\uE000") < 0);
    static_assert(cj::detail::compare_utf16("\uFB33", "\U0001F602") > 0);
    static_assert(cj::detail::compare_utf16("\U0001F600", "\U0001F602") < 0);  // same lead surrogate
    static_assert(cj::detail::compare_utf16("\U00010000", "\U0001F602") < 0);
    static_assert(cj::detail::compare_utf16("a", "ab") < 0);
    static_assert(cj::detail::compare_utf16("", "") == 0);
    static_assert(cj::detail::compare_utf16("\u00e9", "\u00e9") == 0);
    CHECK(std::string_view("\U0001F602") > std::string_view("\uE000"));  // byte order disagrees

    const std::string text = R"({
        "\uFFFD": 9, "\uFB33": 8, "\uE000": 7, "\uDBFF\uDFFF": 6, "\uD83D\uDE02": 5,
        "\uD83D\uDE00": 4, "\uD800\uDC00": 3, "\u00e9": 2, "\u007f": 1, "ab": 0.5, "a": 0, "": -1
    })";
    CHECK(canonical(text) == "{\"\":-1,\"a\":0,\"ab\":0.5,\"\x7f\":1,\"\u00e9\":2,\"\U00010000\":3,\"\U0001F600\":4,"
                             "\"\U0001F602\":5,\"\U0010FFFF\":6,\"\uE000\":7,\"\uFB33\":8,\"\uFFFD\":9}");
    // case and digits: plain code-unit order, no collation
    CHECK(canonical(R"({"e": 1, "E": 2, "10": 3, "1": 4, "2": 5})") == R"({"1":4,"10":3,"2":5,"E":2,"e":1})");
    // nested objects, inside arrays too
    CHECK(canonical(R"([{"b": {"d": 1, "c": 2}, "a": [{"z": 1, "y": 2}]}])") ==
          R"([{"a":[{"y":2,"z":1}],"b":{"c":2,"d":1}}])");
}

// --- strings -------------------------------------------------------------------------------------

TEST_CASE("JCS strings: every control character, quotes, backslash, DEL and non-ASCII") {
    constexpr char hex[] = "0123456789abcdef";
    std::string escaped_input = "\"", all_controls, expected = "\"";
    for (unsigned c = 0; c < 0x20; ++c) {
        std::string want;
        switch (c) {
            case 0x08: want = "\\b"; break;
            case 0x09: want = "\\t"; break;
            case 0x0A: want = "\\n"; break;
            case 0x0C: want = "\\f"; break;
            case 0x0D: want = "\\r"; break;
            default: want = std::string("\\u00") + hex[c >> 4] + hex[c & 0xF];
        }
        INFO("control character " << c);
        const std::string one(1, static_cast<char>(c));
        CHECK(canonical_value(boost::json::value(boost::json::string(one))) == "\"" + want + "\"");
        escaped_input += "\\u00";
        escaped_input += static_cast<char>(std::toupper(static_cast<unsigned char>(hex[c >> 4])));
        escaped_input += static_cast<char>(std::toupper(static_cast<unsigned char>(hex[c & 0xF])));
        all_controls += one;
        expected += want;
    }
    escaped_input += '"';
    expected += '"';
    CHECK(canonical(escaped_input) == expected);  // \u001F in, \u001f out
    CHECK(canonical_value(boost::json::value(boost::json::string(all_controls))) == expected);
    // two-character escapes in, the same out; \/ and \u escapes of printable characters come out raw
    CHECK(canonical(R"("\b\t\n\f\r\"\\\/")") == R"("\b\t\n\f\r\"\\/")");
    CHECK(canonical(R"("\u0041\u00e9\u20AC\uD83D\uDE02\u007F")") == "\"A\u00e9\u20ac\U0001F602\x7f\"");
    // no Unicode normalisation: A + COMBINING RING stays two code points
    CHECK(canonical(R"("A\u030a")") == "\"A\u030a\"");
    // U+2028 / U+2029 stay raw (JSON.stringify does not escape them)
    CHECK(canonical(R"("\u2028\u2029")") == "\"\u2028\u2029\"");
    // keys are escaped the same way
    CHECK(canonical(R"({"\n": 1, "\u0001": 2})") == R"({"\u0001":2,"\n":1})");
}

// --- equality ------------------------------------------------------------------------------------

TEST_CASE("JCS: equal documents canonicalize to equal bytes") {
    const std::string_view spellings[] = {
        R"({"b":1.0,"a":[1e0,10E-1,100e-2,0.1e1],"c":{"y":"\u00e9","x":-0.0}})",
        " {\n  \"c\" : { \"x\" : 0 , \"y\" : \"\u00e9\" } ,\t\"a\" : [ 1 , 1 , 1.00 , 1 ] ,\r\n \"b\" : 1 } ",
        R"({"a":[1,1,1,1],"b":1e0,"c":{"x":-0,"y":"\u00E9"}})",
    };
    const std::string expected = "{\"a\":[1,1,1,1],\"b\":1,\"c\":{\"x\":0,\"y\":\"\u00e9\"}}";
    for (std::string_view s : spellings) {
        INFO(s);
        CHECK(canonical(s) == expected);
    }
    // canonical text is a fixed point
    CHECK(canonical(expected) == expected);
    // and different documents stay different
    CHECK(canonical(R"({"a":1})") != canonical(R"({"a":"1"})"));
    CHECK(canonical(R"([1,2])") != canonical(R"([2,1])"));  // array order is kept
}

// --- depth ---------------------------------------------------------------------------------------

TEST_CASE("JCS depth: the parser's limit for text, no limit (and no recursion) for built values") {
    const std::string deepest = repeat("[", 64) + repeat("]", 64);
    CHECK(canonical(deepest) == deepest);
    const std::string objects = repeat(R"({"a":)", 64) + "1" + repeat("}", 64);
    CHECK(canonical(objects) == objects);
    const auto too_deep = rejection(repeat("[", 65) + repeat("]", 65));
    CHECK(too_deep.code == errc::nesting_too_deep);
    CHECK(rejection(repeat("[", 100000) + repeat("]", 100000)).code == errc::nesting_too_deep);
    cj::parse_limits shallow;
    shallow.max_depth = 3;
    CHECK(cj::canonicalize_text("[[[]]]", shallow).has_value());
    CHECK(rejection("[[[[]]]]", shallow).code == errc::nesting_too_deep);
    cj::parse_limits small;
    small.max_bytes = 4;
    CHECK(rejection("[1, 2]", small).code == errc::input_too_large);

    // far deeper than a recursive writer's stack would allow
    constexpr std::size_t depth = 200000;
    for (bool objects_too : {false, true}) {
        boost::json::value v = nested(depth, objects_too);
        const auto r = cj::canonicalize(v);
        REQUIRE(r.has_value());
        const std::string& s = r.value();
        CHECK(s.size() == depth * (objects_too ? 6 : 2) + 4);
        CHECK(s == (objects_too ? repeat(R"({"a":)", depth) + "null" + repeat("}", depth)
                                : repeat("[", depth) + "null" + repeat("]", depth)));
        flatten(v);
    }
}

// --- bad input -----------------------------------------------------------------------------------

TEST_CASE("JCS bad input: the strict parser's verdicts") {
    CHECK(rejection("").code == errc::malformed_json);
    CHECK(rejection("{").code == errc::malformed_json);
    CHECK(rejection("[1,]").code == errc::malformed_json);
    CHECK(rejection("{'a': 1}").code == errc::malformed_json);
    CHECK(rejection("[1] [2]").code == errc::malformed_json);
    CHECK(rejection(R"("\ud800")").code == errc::malformed_json);  // lone surrogate escape
    CHECK(rejection("\"\xff\"").code == errc::invalid_utf8);
    CHECK(rejection("\"\xed\xa0\x80\"").code == errc::invalid_utf8);  // surrogate encoded in UTF-8
    const auto dup = rejection(R"({"a": 1, "b": {"c": 1, "c": 2}})");
    CHECK(dup.code == errc::duplicate_key);
    CHECK(dup.pointer == "/b/c");
    // duplicates only differing by escapes are still duplicates
    CHECK(rejection(R"({"a": 1, "\u0061": 2})").code == errc::duplicate_key);
}

TEST_CASE("JCS bad input: values built by hand with invalid UTF-8") {
    const boost::json::value bad_string = {{"ok", "fine"}, {"list", boost::json::array{"x", boost::json::string("\xc0\xaf")}}};
    const auto s = cj::canonicalize(bad_string);
    REQUIRE(s.has_error());
    CHECK(s.error().code == errc::invalid_utf8);
    CHECK(s.error().pointer == "/list/1");
    boost::json::object inner;
    inner.emplace("\xff", 1);
    const boost::json::value bad_key = {{"o", std::move(inner)}};
    const auto k = cj::canonicalize(bad_key);
    REQUIRE(k.has_error());
    CHECK(k.error().code == errc::invalid_utf8);
    CHECK(k.error().pointer == "/o");  // the object holding the bad member name
}

// --- the cyberphone reference pairs -----------------------------------------------------------

TEST_CASE("JCS cyberphone testdata: input -> output byte for byte, output == outhex") {
    const auto dir = jcs_fixtures();
    if (!dir) return;
    const fs::path data = *dir / "cyberphone-testdata";
    int pairs = 0;
    for (const char* name : {"arrays", "french", "structures", "unicode", "values", "weird"}) {
        INFO(name);
        const auto input = read_file(data / "input" / (std::string(name) + ".json"));
        const auto output = read_file(data / "output" / (std::string(name) + ".json"));
        const auto outhex = read_file(data / "outhex" / (std::string(name) + ".txt"));
        REQUIRE(input);
        REQUIRE(output);
        REQUIRE(outhex);
        std::string from_hex;
        std::istringstream bytes(*outhex);
        for (std::string b; bytes >> b;) from_hex += static_cast<char>(std::stoul(b, nullptr, 16));
        CHECK(from_hex == *output);
        const auto r = cj::canonicalize_text(*input);
        REQUIRE_MESSAGE(r.has_value(), (r ? std::string() : r.error().message));
        CHECK(r.value() == *output);
        CHECK(r.value() == from_hex);
        CHECK(canonical(*output) == *output);  // a fixed point
        ++pairs;
    }
    CHECK(pairs == 6);
    MESSAGE(pairs << " cyberphone pairs matched byte for byte");
}
