// tests/unit/json_boundary_test.cpp — the strict JSON boundary: parse_strict (syntax, duplicates,
// limits, UTF-8, numbers), the strict decoders behind parse_authority / parse_derivation / decode<T>
// (unknown, missing and mistyped members, enums, nulls, artifacts), round trips through the
// encoders, Boost.JSON's try_value_to, and a seeded mutation run proving nothing ever throws.
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <optional>
#include <random>
#include <sstream>
#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <boost/hana/for_each.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>

#include "../doctest.hpp"
#include "cellos/json.hpp"
#include "sample_documents.hpp"

namespace {

using cellos::authority_kind;
namespace cj = cellos::json;

using namespace cellos_test;  // the sample documents (copies of the bundled examples)

// A bare derivation, without the typed-authority wrapper.
constexpr std::string_view bare_derivation_json = R"({
    "inputs": [{"input_type": "SNI", "value": "api.example.com", "confidence": 0.7}],
    "rules_applied": [{"rule": "RAW_SNI_OBSERVED", "class": "RAW_OBSERVATION"}],
    "output": {"tier": 2, "confidence": 0.9, "epistemic_status": "DIRECT_OBSERVATION",
               "binding_status": "NOT_APPLICABLE"}
})";

/// The text of a JSON string (boost::json::string does not convert to std::string by itself).
std::string str(const boost::json::value& v) {
    const boost::json::string& s = v.as_string();
    return std::string(s.data(), s.size());
}

boost::json::value parsed(std::string_view text) {
    auto r = cj::parse_strict(text);
    REQUIRE_MESSAGE(r.has_value(), "fixture does not parse: " << (r ? std::string() : r.error().message));
    return std::move(r).value();
}

/// `base` with the value at `pointer` replaced by the JSON `replacement`.
std::string with_value(std::string_view base, std::string_view pointer, std::string_view replacement) {
    auto doc = parsed(base);
    doc.at_pointer(pointer) = parsed(replacement);
    return cj::to_text(doc);
}

/// `base` without the member `key` of the object at `parent`.
std::string without_member(std::string_view base, std::string_view parent, std::string_view key) {
    auto doc = parsed(base);
    REQUIRE(doc.at_pointer(parent).as_object().erase(key) == 1);
    return cj::to_text(doc);
}

/// `base` with the first occurrence of `from` replaced by `to` (for number spellings that a
/// boost::json::value would not preserve, and for raw bytes).
std::string replaced(std::string_view base, std::string_view from, std::string_view to) {
    std::string s(base);
    const auto at = s.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "fixture lacks " << from);
    s.replace(at, from.size(), to);
    return s;
}

/// "valid" or the error's code name, and the error's pointer: what the boundary said.
struct verdict {
    std::string code;
    std::string pointer;
    std::string message;
};

template <class R>
verdict verdict_of(const R& r) {
    if (r) return {"valid", "", ""};
    return {std::string(r.error().code_name()), r.error().pointer, r.error().message};
}

verdict strict(std::string_view text, const cj::parse_limits& limits = {}) { return verdict_of(cj::parse_strict(text, limits)); }
verdict as_observed(std::string_view text) { return verdict_of(cj::parse_authority<authority_kind::observed>(text)); }
verdict as_proven(std::string_view text) { return verdict_of(cj::parse_authority<authority_kind::proven>(text)); }

template <class T>
verdict decoded(std::string_view text) {
    const auto v = parsed(text);
    cj::decoder d;
    return verdict_of(cj::decode<T>(v, d));
}

/// One expected rejection: code and pointer, and a message (every error explains itself).
void check_rejects(const verdict& got, std::string_view code, std::string_view pointer) {
    CHECK(got.code == code);
    CHECK(got.pointer == pointer);
    if (got.code != "valid") CHECK_FALSE(got.message.empty());
}

std::string nested_arrays(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }
std::string nested_objects(std::size_t depth) {
    std::string s;
    for (std::size_t i = 0; i < depth; ++i) s += "{\"a\":";
    return s + "1" + std::string(depth, '}');
}

}  // namespace

// ================================================================================================
// parse_strict: syntax
// ================================================================================================

TEST_CASE("parse_strict accepts ordinary JSON and keeps it intact") {
    const auto v = parsed(R"({"s":"x","n":-1,"u":18446744073709551615,"d":0.5,"b":true,"z":null,"a":[1,[]],"o":{}})");
    CHECK(cj::to_text(v) == R"({"s":"x","n":-1,"u":18446744073709551615,"d":0.5,"b":true,"z":null,"a":[1,[]],"o":{}})");
    for (std::string_view scalar : {"0", "-0.5", "\"\"", "true", "false", "null", " [ ] ", "\t{ }\r\n"})
        CHECK(strict(scalar).code == "valid");
}

TEST_CASE("truncated JSON is malformed_json at every cut") {
    // Every proper prefix of an object document is incomplete (the fixture is ASCII, so no cut
    // splits a UTF-8 sequence).
    // (The example file ends with a newline: a prefix that only drops trailing white space is whole.)
    const std::size_t whole = observed_sni_json.find_last_not_of(" \t\r\n") + 1;
    for (std::size_t n = 0; n < whole; ++n) {
        const auto got = strict(observed_sni_json.substr(0, n));
        if (got.code != "malformed_json") FAIL_CHECK("prefix of " << n << " bytes: " << got.code);
        const auto typed = as_observed(observed_sni_json.substr(0, n));
        if (typed.code != "malformed_json") FAIL_CHECK("parse_authority, prefix of " << n << " bytes: " << typed.code);
    }
    CHECK(strict(observed_sni_json).code == "valid");
}

TEST_CASE("trailing garbage is malformed_json") {
    const std::string doc(observed_sni_json);
    for (std::string_view garbage : {" x", "}", "]", ",", " {}", " 1", " null", "\"\""}) {
        INFO("trailing " << garbage);
        check_rejects(strict(doc + std::string(garbage)), "malformed_json", "");
        check_rejects(as_observed(doc + std::string(garbage)), "malformed_json", "");
    }
    check_rejects(strict("1 2"), "malformed_json", "");
    check_rejects(strict("[] []"), "malformed_json", "");
    check_rejects(strict(doc + std::string(1, '\0')), "malformed_json", "");
    // Trailing whitespace is not garbage.
    CHECK(strict(doc + " \n\t\r ").code == "valid");
    CHECK(as_observed(doc + "\n").code == "valid");
}

TEST_CASE("empty and whitespace-only input is malformed_json") {
    check_rejects(strict(""), "malformed_json", "");
    check_rejects(strict(" \n\t"), "malformed_json", "");
    check_rejects(as_observed(""), "malformed_json", "");
    CHECK(verdict_of(cj::parse_derivation("")).code == "malformed_json");
}

TEST_CASE("not-JSON extensions are malformed_json") {
    for (std::string_view text : {"[1,]", R"({"a":1,})", "// c\n{}", "/* c */ {}", "{'a':1}", "01", "+1", ".5",
                                  "NaN", "Infinity", "-Infinity", "[1 2]", R"({"a" 1})", "{a:1}", "\"\\x41\"",
                                  "\"tab\there\""}) {
        INFO("text " << text);
        CHECK(strict(text).code == "malformed_json");
    }
}

// ================================================================================================
// parse_strict: duplicate keys
// ================================================================================================

TEST_CASE("duplicate keys are refused with the pointer of the duplicate") {
    check_rejects(strict(R"({"a":1,"a":2})"), "duplicate_key", "/a");
    check_rejects(strict(R"({"a":1,"a":1})"), "duplicate_key", "/a");  // equal values too
    check_rejects(strict(R"({"x":[{},{},{"k":1,"k":1}]})"), "duplicate_key", "/x/2/k");
    check_rejects(strict(R"({"a/b~":1,"a/b~":2})"), "duplicate_key", "/a~1b~0");
    // Keys are compared after unescaping.
    check_rejects(strict(R"({"ab":1,"a\u0062":2})"), "duplicate_key", "/ab");
    // The same name in different objects, or at different depths, is fine.
    CHECK(strict(R"({"a":{"x":1},"b":{"x":1}})").code == "valid");
    CHECK(strict(R"({"a":{"a":{"a":1}}})").code == "valid");
    CHECK(strict(R"([{"k":1},{"k":1}])").code == "valid");
}

TEST_CASE("duplicate keys in large objects (past the linear scan, a hash index decides)") {
    for (std::size_t members : {15u, 16u, 17u, 40u}) {
        std::string doc = "{";
        for (std::size_t i = 0; i < members; ++i) doc += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
        CHECK(strict(doc.substr(0, doc.size() - 1) + "}").code == "valid");
        check_rejects(strict(doc + "\"k0\":0}"), "duplicate_key", "/k0");  // the first key again
        check_rejects(strict(doc + "\"k" + std::to_string(members - 1) + "\":0}"), "duplicate_key",
                      "/k" + std::to_string(members - 1));  // the last one again
    }
}

TEST_CASE("duplicate keys in authority documents: top level and nested") {
    SUBCASE("top level") {
        const std::string doc = R"({"derivation": {}, "derivation": {}})";
        check_rejects(as_observed(doc), "duplicate_key", "/derivation");
    }
    SUBCASE("nested: rejected_duplicate_key.json") {
        const auto doc = replaced(observed_sni_json, R"("confidence": 0.95})", R"("confidence": 0.2, "confidence": 0.95})");
        check_rejects(as_observed(doc), "duplicate_key", "/derivation/inputs/0/confidence");
    }
    SUBCASE("second array element") {
        const auto doc = replaced(proven_jws_json, R"("value": "api.example.com",)",
                                  R"("value": "api.example.com", "value": "evil.example.com",)");
        check_rejects(as_proven(doc), "duplicate_key", "/derivation/inputs/1/value");
    }
    SUBCASE("inside the artifact") {
        const auto doc = replaced(proven_jws_json, R"({"kid": "workload-key-2026-11"})",
                                  R"({"kid": "workload-key-2026-11", "kid": "other"})");
        check_rejects(as_proven(doc), "duplicate_key", "/artifact/JWS_VERIFIED/kid");
    }
    SUBCASE("parse_derivation") {
        const auto doc = replaced(bare_derivation_json, R"("tier": 2,)", R"("tier": 2, "tier": 1,)");
        check_rejects(verdict_of(cj::parse_derivation(doc)), "duplicate_key", "/output/tier");
    }
}

// ================================================================================================
// parse_strict: limits
// ================================================================================================

TEST_CASE("nesting: 10 000 levels are refused") {
    const std::string arrays = nested_arrays(10'000);
    check_rejects(strict(arrays), "nesting_too_deep", "");
    check_rejects(strict(std::string(10'000, '[')), "nesting_too_deep", "");  // unbalanced, too
    check_rejects(strict(nested_objects(10'000)), "nesting_too_deep", "");
    check_rejects(as_observed(arrays), "nesting_too_deep", "");
    check_rejects(verdict_of(cj::parse_derivation(nested_objects(10'000))), "nesting_too_deep", "");
    // Deep inside a real document.
    const auto doc = with_value(observed_sni_json, "/derivation/inputs/0/value", "0");
    check_rejects(as_observed(replaced(doc, "\"value\":0", "\"value\":" + nested_arrays(10'000))), "nesting_too_deep", "");
}

TEST_CASE("nesting: exactly 64 levels are accepted, 65 refused (the default limit)") {
    static_assert(cellos::config::json_max_depth == 64);
    CHECK(strict(nested_arrays(64)).code == "valid");
    check_rejects(strict(nested_arrays(65)), "nesting_too_deep", "");
    CHECK(strict(nested_objects(64)).code == "valid");
    check_rejects(strict(nested_objects(65)), "nesting_too_deep", "");
    // A per-call limit moves the edge.
    const cj::parse_limits three{.max_depth = 3};
    CHECK(strict(nested_arrays(3), three).code == "valid");
    check_rejects(strict(nested_arrays(4), three), "nesting_too_deep", "");
    // An authority document is 4 levels deep ({"derivation": {"inputs": [{...}]}}).
    CHECK(verdict_of(cj::parse_authority<authority_kind::observed>(observed_sni_json, {.max_depth = 4})).code == "valid");
    CHECK(verdict_of(cj::parse_authority<authority_kind::observed>(observed_sni_json, {.max_depth = 3})).code == "nesting_too_deep");
}

TEST_CASE("input larger than parse_limits::max_bytes is input_too_large") {
    const std::string doc(observed_sni_json);
    const std::size_t n = doc.size();
    CHECK(strict(doc, {.max_bytes = n}).code == "valid");
    check_rejects(strict(doc, {.max_bytes = n - 1}), "input_too_large", "");
    check_rejects(verdict_of(cj::parse_authority<authority_kind::observed>(doc, {.max_bytes = n - 1})), "input_too_large", "");
    check_rejects(verdict_of(cj::parse_derivation(bare_derivation_json, {.max_bytes = 10})), "input_too_large", "");
    check_rejects(strict("[]", {.max_bytes = 0}), "input_too_large", "");
    // The default limit is 1 MiB, inclusive.
    static_assert(cellos::config::json_max_bytes == 1024u * 1024u);
    std::string big = "[" + std::string(cellos::config::json_max_bytes - 2, ' ') + "]";
    CHECK(strict(big).code == "valid");
    // One byte over, built afresh: `big.insert(1, " ")` makes g++ 12 -O3 emit a false -Wrestrict
    // (GCC PR 105651, std::string::insert's inlined memcpy) that breaks -Dwerror=true release builds.
    const std::string over = "[" + std::string(cellos::config::json_max_bytes - 1, ' ') + "]";
    check_rejects(strict(over), "input_too_large", "");
    check_rejects(as_observed(over), "input_too_large", "");
}

// ================================================================================================
// parse_strict: UTF-8
// ================================================================================================

TEST_CASE("invalid UTF-8 is invalid_utf8") {
    struct bad_sequence {
        std::string_view what;
        std::string_view bytes;
    };
    // Named members, not structured bindings: clang 14 cannot capture those in doctest's INFO.
    for (const auto& entry : {
             bad_sequence{"overlong 2-byte '/'", "\xC0\xAF"},
             bad_sequence{"overlong 2-byte, C1 lead", "\xC1\xBF"},
             bad_sequence{"overlong 3-byte", "\xE0\x80\xAF"},
             bad_sequence{"overlong 4-byte", "\xF0\x80\x80\xAF"},
             bad_sequence{"high surrogate U+D800", "\xED\xA0\x80"},
             bad_sequence{"low surrogate U+DFFF", "\xED\xBF\xBF"},
             bad_sequence{"truncated 3-byte sequence", "\xE2\x82"},
             bad_sequence{"truncated 4-byte sequence", "\xF0\x9F\x98"},
             bad_sequence{"0xFF", "\xFF"},
             bad_sequence{"0xFE", "\xFE"},
             bad_sequence{"lone continuation byte", "\x80"},
             bad_sequence{"above U+10FFFF", "\xF4\x90\x80\x80"},
             bad_sequence{"F5 lead", "\xF5\x80\x80\x80"},
             bad_sequence{"continuation missing in the middle", "\xE2\x28\xA1"},
         }) {
        const auto& what = entry.what;
        const auto& bytes = entry.bytes;
        INFO(what);
        const std::string value = "api." + std::string(bytes) + "example.com";
        const auto doc = replaced(observed_sni_json, "api.example.com", value);
        const auto got = as_observed(doc);
        check_rejects(got, "invalid_utf8", "");
        // The message names the byte offset where the bad sequence starts.
        const auto offset = doc.find(value) + 4;
        CHECK(got.message.find(std::to_string(offset)) != std::string::npos);
        // In a key, and at the very end of the input.
        check_rejects(strict("{\"" + std::string(bytes) + "\":1}"), "invalid_utf8", "");
        check_rejects(strict("\"" + std::string(bytes)), "invalid_utf8", "");
    }
}

TEST_CASE("valid UTF-8 passes through unchanged, up to U+10FFFF") {
    for (std::string_view bytes : {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9D\x84\x9E", "\xF4\x8F\xBF\xBF", "\xED\x9F\xBF",
                                   "\xEE\x80\x80", "\xEF\xBF\xBF", "\xC2\x80"}) {
        const std::string value = "api." + std::string(bytes) + ".example";
        const auto r = cj::parse_authority<authority_kind::observed>(replaced(observed_sni_json, "api.example.com", value));
        REQUIRE(r.has_value());
        std::visit([&](const auto& a) { CHECK(a.derivation().inputs[0].value == value); }, r.value());
    }
}

TEST_CASE("escapes never smuggle in invalid UTF-8: lone surrogate escapes are refused") {
    CHECK(strict(R"("\ud800")").code == "malformed_json");
    CHECK(strict(R"("\udc00")").code == "malformed_json");
    CHECK(strict(R"("\ud800x")").code == "malformed_json");
    const auto pair = parsed(R"("\ud834\udd1e")");
    CHECK(std::string_view(pair.get_string().data(), pair.get_string().size()) == "\xF0\x9D\x84\x9E");
}

// ================================================================================================
// Numbers
// ================================================================================================

TEST_CASE("integers are bounded by +-2^53 in every integer and floating type (I-JSON)") {
    CHECK(decoded<std::int64_t>("9007199254740992").code == "valid");
    CHECK(decoded<std::int64_t>("-9007199254740992").code == "valid");
    CHECK(decoded<std::uint64_t>("9007199254740992").code == "valid");
    check_rejects(decoded<std::int64_t>("9007199254740993"), "number_out_of_range", "");
    check_rejects(decoded<std::int64_t>("-9007199254740993"), "number_out_of_range", "");
    check_rejects(decoded<std::uint64_t>("9007199254740993"), "number_out_of_range", "");
    check_rejects(decoded<std::uint64_t>("18446744073709551615"), "number_out_of_range", "");
    CHECK(decoded<double>("9007199254740992").code == "valid");
    CHECK(decoded<double>("-9007199254740992").code == "valid");
    check_rejects(decoded<double>("9007199254740993"), "number_out_of_range", "");
    check_rejects(decoded<double>("-9007199254740993"), "number_out_of_range", "");
    // Beyond 64 bits the parser holds a double: still out of range, not a type error.
    check_rejects(decoded<std::uint64_t>("18446744073709551616"), "number_out_of_range", "");
    check_rejects(decoded<std::int32_t>("-99999999999999999999"), "number_out_of_range", "");
    check_rejects(decoded<std::int64_t>("1e300"), "number_out_of_range", "");
    check_rejects(decoded<std::int64_t>("2.0"), "wrong_type", "");  // in range, but not an integer literal
    check_rejects(decoded<std::int64_t>("1e2"), "wrong_type", "");
}

TEST_CASE("an exponent beyond any double is number_out_of_range where it stands, not malformed JSON") {
    check_rejects(strict("1e99999999999999999999"), "number_out_of_range", "");
    check_rejects(strict("[0, -1e99999999999999999999]"), "number_out_of_range", "/1");
    check_rejects(strict("[1e99999999999999999999]"), "number_out_of_range", "/0");
    check_rejects(strict(R"({"a": {"b": 1e99999999999999999999}})"), "number_out_of_range", "/a/b");
    check_rejects(strict("1e-99999999999999999999"), "number_out_of_range", "");  // our choice: either sign
}

TEST_CASE("huge numbers") {
    SUBCASE("1e400 is not a finite double: number_out_of_range where it stands") {
        check_rejects(as_observed(replaced(observed_sni_json, "\"confidence\": 0.95", "\"confidence\": 1e400")),
                      "number_out_of_range", "/derivation/inputs/0/confidence");
        const auto output = replaced(observed_sni_json, "\"confidence\": 0.95, \"epistemic", "\"confidence\": -1e400, \"epistemic");
        check_rejects(as_observed(output), "number_out_of_range", "/derivation/output/confidence");
        check_rejects(as_observed(replaced(observed_sni_json, "\"tier\": 2", "\"tier\": 1e400")),
                      "number_out_of_range", "/derivation/output/tier");
        check_rejects(strict("[0, 1, 1e400]"), "number_out_of_range", "/2");
    }
    SUBCASE("an integer beyond 64 bits is a finite double: the validator sees 1.2e29") {
        const auto doc = replaced(observed_sni_json, "\"confidence\": 0.95", "\"confidence\": 123456789012345678901234567890");
        check_rejects(as_observed(doc), "input_confidence_out_of_range", "/derivation/inputs/0/confidence");
        const auto output =
            replaced(observed_sni_json, "\"confidence\": 0.95, \"epistemic", "\"confidence\": 123456789012345678901234567890, \"epistemic");
        check_rejects(as_observed(output), "output_confidence_invalid", "/derivation/output/confidence");
    }
    SUBCASE("an integer that a double cannot hold exactly is number_out_of_range") {
        const auto doc = replaced(observed_sni_json, "\"confidence\": 0.95", "\"confidence\": 9007199254740993");
        check_rejects(as_observed(doc), "number_out_of_range", "/derivation/inputs/0/confidence");
        // 2^53 is exact, so the validator gets to refuse it.
        const auto exact = replaced(observed_sni_json, "\"confidence\": 0.95", "\"confidence\": 9007199254740992");
        check_rejects(as_observed(exact), "input_confidence_out_of_range", "/derivation/inputs/0/confidence");
    }
    SUBCASE("integer confidences 0 and 1 are exact doubles") {
        auto doc = replaced(observed_sni_json, "\"confidence\": 0.95", "\"confidence\": 1");
        doc = replaced(doc, "\"confidence\": 0.95", "\"confidence\": 0");
        CHECK(as_observed(doc).code == "valid");
    }
}

// ================================================================================================
// Decoding: unknown, missing, mistyped members
// ================================================================================================

TEST_CASE("unknown fields are refused with the pointer of the unknown member") {
    struct row {
        std::string_view parent;
        std::string_view key;
        std::string_view pointer;
    };
    for (const auto& entry : {row{"", "extra", "/extra"},
                                               row{"/derivation", "extra", "/derivation/extra"},
                                               row{"/derivation/inputs/0", "confidence_note", "/derivation/inputs/0/confidence_note"},
                                               row{"/derivation/rules_applied/0", "rule_class", "/derivation/rules_applied/0/rule_class"},
                                               row{"/derivation/output", "non_authoritative_enforcement",
                                                   "/derivation/output/non_authoritative_enforcement"},
                                               row{"/derivation", "a/b~c", "/derivation/a~1b~0c"}}) {
        const auto& parent = entry.parent;
        const auto& key = entry.key;
        const auto& pointer = entry.pointer;
        auto doc = parsed(observed_sni_json);
        doc.at_pointer(parent).as_object()[key] = 1;
        check_rejects(as_observed(cj::to_text(doc)), "unknown_field", pointer);
    }
    // "artifact" belongs to Proven documents only.
    auto doc = parsed(observed_sni_json);
    doc.as_object()["artifact"] = parsed(R"({"JWS_VERIFIED": {"kid": "k"}})");
    check_rejects(as_observed(cj::to_text(doc)), "unknown_field", "/artifact");
    // parse_derivation's pointers start at the derivation itself.
    check_rejects(verdict_of(cj::parse_derivation(replaced(bare_derivation_json, "\"inputs\"", "\"extra\": 0, \"inputs\""))),
                  "unknown_field", "/extra");
}

TEST_CASE("missing fields are refused with the pointer of the missing member") {
    struct row {
        std::string_view parent;
        std::string_view key;
    };
    for (const auto& entry : {row{"", "derivation"}, row{"/derivation", "inputs"}, row{"/derivation", "rules_applied"},
                                      row{"/derivation", "output"}, row{"/derivation/inputs/0", "input_type"},
                                      row{"/derivation/inputs/0", "value"}, row{"/derivation/inputs/0", "confidence"},
                                      row{"/derivation/rules_applied/0", "rule"}, row{"/derivation/rules_applied/0", "class"},
                                      row{"/derivation/output", "tier"}, row{"/derivation/output", "confidence"},
                                      row{"/derivation/output", "epistemic_status"}, row{"/derivation/output", "binding_status"}}) {
        const auto& parent = entry.parent;
        const auto& key = entry.key;
        const std::string pointer = std::string(parent) + "/" + std::string(key);
        INFO("missing " << pointer);
        check_rejects(as_observed(without_member(observed_sni_json, parent, key)), "missing_field", pointer);
    }
    check_rejects(as_proven(without_member(proven_jws_json, "", "artifact")), "missing_field", "/artifact");
    check_rejects(as_proven(without_member(proven_jws_json, "/artifact/JWS_VERIFIED", "kid")), "missing_field",
                  "/artifact/JWS_VERIFIED/kid");
    check_rejects(as_observed("{}"), "missing_field", "/derivation");
}

TEST_CASE("wrong types are refused with the pointer of the value") {
    struct row {
        std::string_view pointer;
        std::string_view replacement;
        std::string_view code;
    };
    for (const auto& entry : {
             row{"/derivation/inputs/0/confidence", "\"0.95\"", "wrong_type"},  // string for number
             row{"/derivation/inputs/0/confidence", "true", "wrong_type"},
             row{"/derivation/inputs/0/confidence", "[0.95]", "wrong_type"},
             row{"/derivation/inputs/0/value", "5", "wrong_type"},  // number for string
             row{"/derivation/inputs/0/input_type", "0", "wrong_type"},
             row{"/derivation/inputs/0/source_event_id", "5", "wrong_type"},  // optional, but typed when present
             row{"/derivation/inputs", "{}", "wrong_type"},                  // object for array
             row{"/derivation/inputs/0", "[]", "wrong_type"},
             row{"/derivation/rules_applied", "{}", "wrong_type"},
             row{"/derivation/rules_applied/0", "\"RAW_SNI_OBSERVED\"", "wrong_type"},
             row{"/derivation/output", "[]", "wrong_type"},
             row{"/derivation", "\"derivation\"", "wrong_type"},
             row{"/derivation/output/tier", "2.0", "wrong_type"},  // integers only
             row{"/derivation/output/tier", "1e2", "wrong_type"},
             row{"/derivation/output/tier", "\"2\"", "wrong_type"},
             row{"/derivation/output/tier", "true", "wrong_type"},
             row{"/derivation/output/tier", "300", "number_out_of_range"},  // u8 on the wire
             row{"/derivation/output/tier", "256", "number_out_of_range"},
             row{"/derivation/output/tier", "-1", "number_out_of_range"},
             row{"/derivation/output/tier", "18446744073709551615", "number_out_of_range"},
             row{"/derivation/output/tier", "7", "tier_out_of_range"},  // a u8, refused by the validator
             row{"/derivation/output/epistemic_status", "5", "wrong_type"},
         }) {
        const auto& pointer = entry.pointer;
        const auto& replacement = entry.replacement;
        const auto& code = entry.code;
        INFO(pointer << " = " << replacement);
        auto doc = parsed(observed_sni_json);
        if (pointer == "/derivation/inputs/0/source_event_id") doc.at_pointer("/derivation/inputs/0").as_object()["source_event_id"] = 0;
        doc.at_pointer(pointer) = parsed(replacement);
        check_rejects(as_observed(cj::to_text(doc)), code, pointer);
    }
    // The spellings that a boost::json::value would normalise, checked on the text itself.
    check_rejects(as_observed(replaced(observed_sni_json, "\"tier\": 2", "\"tier\": 1e2")), "wrong_type", "/derivation/output/tier");
    check_rejects(as_observed(replaced(observed_sni_json, "\"tier\": 2", "\"tier\": 2.0")), "wrong_type", "/derivation/output/tier");
    check_rejects(as_observed(replaced(observed_sni_json, "\"tier\": 2", "\"tier\": 2e0")), "wrong_type", "/derivation/output/tier");
    // The document itself must be an object.
    for (std::string_view text : {"[]", "null", "1", "\"x\""}) check_rejects(as_observed(text), "wrong_type", "");
}

TEST_CASE("unknown enum strings are unknown_enum_value (case and whitespace matter)") {
    for (std::string_view pointer : {"/derivation/inputs/0/input_type", "/derivation/rules_applied/0/rule",
                                     "/derivation/rules_applied/0/class", "/derivation/output/epistemic_status",
                                     "/derivation/output/binding_status"}) {
        auto doc = parsed(observed_sni_json);
        const std::string good = str(doc.at_pointer(pointer));
        std::string lower = good;
        for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        for (const std::string& bad : {std::string("BOGUS"), std::string(), lower, good + " ", " " + good}) {
            INFO(pointer << " = \"" << bad << "\"");
            doc.at_pointer(pointer) = boost::json::string(bad.data(), bad.size());
            check_rejects(as_observed(cj::to_text(doc)), "unknown_enum_value", pointer);
        }
    }
}

TEST_CASE("null: accepted for the optional source_event_id only") {
    SUBCASE("absent, null and a string") {
        auto doc = parsed(observed_sni_json);
        auto& in = doc.at_pointer("/derivation/inputs/0").as_object();
        for (const auto& entry : {std::pair<boost::json::value, std::optional<std::string>>{nullptr, std::nullopt},
                                              std::pair<boost::json::value, std::optional<std::string>>{"urn:x", "urn:x"}}) {
            const auto& value = entry.first;
            const auto& expected = entry.second;
            in["source_event_id"] = value;
            const auto r = cj::parse_authority<authority_kind::observed>(cj::to_text(doc));
            REQUIRE(r.has_value());
            std::visit([&](const auto& a) { CHECK(a.derivation().inputs[0].source_event_id == expected); }, r.value());
        }
        in.erase("source_event_id");
        const auto r = cj::parse_authority<authority_kind::observed>(cj::to_text(doc));
        REQUIRE(r.has_value());
        std::visit([](const auto& a) { CHECK_FALSE(a.derivation().inputs[0].source_event_id.has_value()); }, r.value());
    }
    SUBCASE("null for a required member is wrong_type") {
        for (std::string_view pointer : {"/derivation", "/derivation/inputs", "/derivation/inputs/0/value",
                                         "/derivation/inputs/0/confidence", "/derivation/rules_applied/0/class",
                                         "/derivation/output/tier", "/derivation/output/binding_status"}) {
            INFO(pointer);
            check_rejects(as_observed(with_value(observed_sni_json, pointer, "null")), "wrong_type", pointer);
        }
        check_rejects(as_proven(with_value(proven_jws_json, "/artifact", "null")), "wrong_type", "/artifact");
    }
}

// ================================================================================================
// Artifacts
// ================================================================================================

TEST_CASE("artifacts: each alternative decodes and round-trips") {
    struct row {
        std::string_view text;
        cellos::proven_authority_artifact expected;
    };
    for (const auto& entry : {row{R"({"JWS_VERIFIED": {"kid": "k-1"}})", cellos::jws_verified{"k-1"}},
                                         row{R"({"DANE_TLSA_BOUND": {"tlsa_record_id": "_443._tcp"}})", cellos::dane_tlsa_bound{"_443._tcp"}},
                                         row{R"({"SVID_CHAIN_VERIFIED": {"spiffe_id": "spiffe://x/y"}})",
                                             cellos::svid_chain_verified{"spiffe://x/y"}}}) {
        const auto& text = entry.text;
        const auto& expected = entry.expected;
        INFO(text);
        cj::decoder d;
        const auto v = parsed(text);
        const auto r = cj::decode<cellos::proven_authority_artifact>(v, d);
        REQUIRE(r.has_value());
        CHECK(r.value() == expected);
        // Encoding gives back the same JSON, and decoding that gives back the same artifact.
        const auto encoded = boost::json::value_from(r.value());
        CHECK(encoded == v);
        cj::decoder d2;
        const auto again = cj::decode<cellos::proven_authority_artifact>(parsed(cj::to_text(encoded)), d2);
        REQUIRE(again.has_value());
        CHECK(again.value() == expected);
        // And a whole Proven document carrying it.
        auto doc = parsed(proven_jws_json);
        doc.as_object()["artifact"] = v;
        const auto typed = cj::parse_authority<authority_kind::proven>(cj::to_text(doc));
        REQUIRE(typed.has_value());
        std::visit([&](const auto& a) { CHECK(a.artifact() == expected); }, typed.value());
    }
}

TEST_CASE("artifacts: malformed ones are refused") {
    struct row {
        std::string_view text;
        std::string_view code;
        std::string_view pointer;
    };
    for (const auto& entry : {
             row{R"({"JWS_VERIFIED": {"kid": "k"}, "DANE_TLSA_BOUND": {"tlsa_record_id": "t"}})", "invalid_value", ""},
             row{R"({})", "invalid_value", ""},
             row{R"({"X509_VERIFIED": {"kid": "k"}})", "unknown_enum_value", "/X509_VERIFIED"},
             row{R"({"jws_verified": {"kid": "k"}})", "unknown_enum_value", "/jws_verified"},
             row{R"({"JWS_VERIFIED": {"kid": "k", "alg": "EdDSA"}})", "unknown_field", "/JWS_VERIFIED/alg"},
             row{R"({"JWS_VERIFIED": {"spiffe_id": "k"}})", "unknown_field", "/JWS_VERIFIED/spiffe_id"},
             row{R"({"JWS_VERIFIED": {}})", "missing_field", "/JWS_VERIFIED/kid"},
             row{R"({"JWS_VERIFIED": {"kid": 1}})", "wrong_type", "/JWS_VERIFIED/kid"},
             row{R"({"JWS_VERIFIED": "k"})", "wrong_type", "/JWS_VERIFIED"},
             row{R"(["JWS_VERIFIED", {"kid": "k"}])", "wrong_type", ""},
             row{R"("JWS_VERIFIED")", "wrong_type", ""},
         }) {
        const auto& text = entry.text;
        const auto& code = entry.code;
        const auto& pointer = entry.pointer;
        INFO(text);
        check_rejects(decoded<cellos::proven_authority_artifact>(text), code, pointer);
        // Inside a document the pointer is prefixed with /artifact.
        check_rejects(as_proven(with_value(proven_jws_json, "/artifact", text)), code, "/artifact" + std::string(pointer));
    }
}

// ================================================================================================
// Round trips
// ================================================================================================

namespace {

/// parse -> value_from(typed) -> to_text -> parse gives the same typed authority.
void check_round_trip(authority_kind k, std::string_view text) {
    const auto first = cj::parse_authority(k, text);
    REQUIRE_MESSAGE(first.has_value(), (first ? std::string() : first.error().message));
    std::visit(
        [&](const auto& a) {
            using A = std::decay_t<decltype(a)>;
            CHECK(A::authority_kind == k);
            const std::string encoded = cj::to_text(boost::json::value_from(a));
            INFO("encoded " << encoded);
            const auto second = cj::parse_authority<A::authority_kind>(encoded);
            REQUIRE_MESSAGE(second.has_value(), (second ? std::string() : second.error().message));
            const A* again = std::get_if<A>(&second.value());
            REQUIRE(again != nullptr);  // the same static type
            CHECK(again->derivation() == a.derivation());
            if constexpr (A::authority_kind == authority_kind::proven) CHECK(again->artifact() == a.artifact());
            // Whole-object equality where the type offers it (see the equality test below).
            if constexpr (std::equality_comparable<A>) CHECK(*again == a);
            // The encoding is a fixed point.
            CHECK(cj::to_text(boost::json::value_from(*again)) == encoded);
        },
        first.value());
}

#ifdef CELLOS_EXAMPLES_DIR
/// The examples' authority directory; accepts the examples root, examples/data or its authority/.
std::string examples_authority_dir() {
    const std::string root = CELLOS_EXAMPLES_DIR;
    for (const std::string& dir : {root, root + "/authority", root + "/data/authority"}) {
        if (std::ifstream(dir + "/tour.json")) return dir;
    }
    FAIL("no tour.json under CELLOS_EXAMPLES_DIR=" << root);
    return {};
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}
#endif

}  // namespace

TEST_CASE("round trip: the in-memory fixtures") {
    check_round_trip(authority_kind::observed, observed_sni_json);
    check_round_trip(authority_kind::proven, proven_jws_json);  // with a source_event_id
    // Doubles survive exactly: the text is written by hand, so a lossy encoder cannot hide.
    std::string text(observed_sni_json);
    for (int i = 0; i < 2; ++i) text = replaced(text, "\"confidence\": 0.95", "\"confidence\": 0.30000000000000004");
    const auto r = cj::parse_authority<authority_kind::observed>(text);
    REQUIRE(r.has_value());
    std::visit([](const auto& a) { CHECK(a.output().confidence == 0.1 + 0.2); }, r.value());
    check_round_trip(authority_kind::observed, text);
}

TEST_CASE("every admissible typed authority is equality-comparable") {
    // authority<> declares a defaulted operator==; it is silently deleted when the payload has no
    // operator== (proven_payload), which breaks generic code that compares authorities.
    boost::hana::for_each(cellos::all_admissible_authorities, [](auto t) {
        using A = typename decltype(t)::type;
        INFO("authority<" << cellos::to_wire(A::authority_kind) << ", " << A::tier << ", " << cellos::to_wire(A::status) << ">");
        CHECK(std::equality_comparable<A>);
    });
}

#ifdef CELLOS_EXAMPLES_DIR
TEST_CASE("round trip: every valid example; every rejected example gets its expected code") {
    const std::string dir = examples_authority_dir();
    const auto tour = parsed(read_file(dir + "/tour.json"));
    std::size_t valid = 0, rejected = 0;
    for (const auto& entry : tour.as_array()) {
        const std::string file = str(entry.at("file"));
        const std::string expect = str(entry.at("expect"));
        const auto k = cellos::from_wire<authority_kind>(str(entry.at("kind")));
        REQUIRE(k.has_value());
        INFO(file << " as " << cellos::to_wire(*k) << ", expect " << expect);
        const std::string text = read_file(dir + "/" + file);
        if (expect == "valid") {
            ++valid;
            check_round_trip(*k, text);
        } else {
            ++rejected;
            const auto r = cj::parse_authority(*k, text);
            REQUIRE_FALSE(r.has_value());
            CHECK(r.error().code_name() == expect);
        }
    }
    CHECK(valid >= 6);  // one per kind at least, as tour.json promises
    CHECK(rejected >= 1);
}
#else
TEST_CASE("round trip: every valid example (skipped: CELLOS_EXAMPLES_DIR is not defined)" * doctest::skip()) {}
#endif

// ================================================================================================
// parse_derivation and Boost.JSON's try_value_to
// ================================================================================================

TEST_CASE("parse_derivation decodes without validating") {
    const auto r = cj::parse_derivation(bare_derivation_json);
    REQUIRE(r.has_value());
    CHECK(r.value().output.confidence == 0.9);
    // The document inflates confidence: decoding is not validation.
    CHECK(cellos::validate(r.value()).has_value());
    check_rejects(verdict_of(cj::parse_derivation(observed_sni_json)), "unknown_field", "/derivation");
}

TEST_CASE("boost::json::try_value_to uses the strict decoder and reports an error code") {
    const auto doc = parsed(observed_sni_json);
    const boost::json::value& derivation = doc.at("derivation");
    const auto ok = boost::json::try_value_to<cellos::authority_derivation>(derivation);
    REQUIRE(ok.has_value());
    const auto expected = cj::parse_derivation(cj::to_text(derivation));
    REQUIRE(expected.has_value());
    CHECK(ok.value() == expected.value());
    CHECK(ok.value().output.tier == 2);
    CHECK(boost::json::try_value_to<cellos::authority_input>(derivation.at("inputs").at(0)).value().confidence == 0.95);
    CHECK(boost::json::try_value_to<cellos::applied_rule>(derivation.at("rules_applied").at(0)).value().rule ==
          cellos::rule::raw_sni_observed);
    CHECK(boost::json::try_value_to<cellos::authority_output>(derivation.at("output")).has_value());

    const auto missing = parsed(without_member(cj::to_text(derivation), "/output", "tier"));
    const auto no_tier = boost::json::try_value_to<cellos::authority_derivation>(missing);
    REQUIRE(no_tier.has_error());
    CHECK(no_tier.error() == cellos::errc::missing_field);
    CHECK(no_tier.error().category() == cellos::error_category());

    const auto bad_enum = boost::json::try_value_to<cellos::applied_rule>(parsed(R"({"rule": "X", "class": "OPACITY"})"));
    REQUIRE(bad_enum.has_error());
    CHECK(bad_enum.error() == cellos::errc::unknown_enum_value);
    const auto bad_type = boost::json::try_value_to<cellos::authority_input>(parsed("[]"));
    REQUIRE(bad_type.has_error());
    CHECK(bad_type.error() == cellos::errc::wrong_type);
    const auto bad_tier = boost::json::try_value_to<cellos::authority_output>(
        parsed(R"({"tier": 300, "confidence": 0.5, "epistemic_status": "OPAQUE", "binding_status": "UNKNOWN"})"));
    REQUIRE(bad_tier.has_error());
    CHECK(bad_tier.error() == cellos::errc::number_out_of_range);
}

// ================================================================================================
// Never throws: seeded mutations of valid documents
// ================================================================================================

namespace {

constexpr std::uint32_t mutation_seed = 20'251'128;

/// 1-3 random edits: byte flips, truncation, insertion (of JSON-significant or non-ASCII bytes),
/// deletion, duplication of a slice.
std::string mutate(std::string s, std::mt19937& rng) {
    constexpr std::string_view interesting = "{}[]\",:0123456789.eE+-\\ntfu \x80\xC3\xED\xF4\xFF";
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n == 0 ? 0 : n - 1)(rng); };
    const int edits = std::uniform_int_distribution<int>(1, 3)(rng);
    for (int e = 0; e < edits; ++e) {
        switch (std::uniform_int_distribution<int>(0, 4)(rng)) {
            case 0:  // flip bits of one byte
                if (!s.empty()) s[pick(s.size())] ^= static_cast<char>(1 << pick(8));
                break;
            case 1:  // truncate
                s.resize(pick(s.size() + 1));
                break;
            case 2:  // insert one byte
                s.insert(s.begin() + static_cast<std::ptrdiff_t>(pick(s.size() + 1)), interesting[pick(interesting.size())]);
                break;
            case 3:  // delete a short slice
                if (!s.empty()) s.erase(pick(s.size()), 1 + pick(8));
                break;
            default:  // duplicate a short slice (duplicate keys, repeated elements)
                if (!s.empty()) {
                    const std::size_t from = pick(s.size());
                    const std::string slice = s.substr(from, 1 + pick(24));
                    s.insert(pick(s.size() + 1), slice);
                }
        }
    }
    return s;
}

/// Every answer is well-formed: an error has a known code and a message; a value re-validates.
bool consistent(std::string_view text) {
    for (const auto k : {authority_kind::observed, authority_kind::proven, authority_kind::imposed, authority_kind::declared}) {
        const auto r = cj::parse_authority(k, text);
        if (r) {
            const bool ok = std::visit(
                [](const auto& a) {
                    using A = std::decay_t<decltype(a)>;
                    if constexpr (A::authority_kind == authority_kind::proven)
                        return !cellos::validate_as(A::authority_kind, a.derivation(), cellos::is_usable(a.artifact())) &&
                               a.output().tier == A::tier;
                    else
                        return !cellos::validate_as(A::authority_kind, a.derivation()) && a.output().tier == A::tier;
                },
                r.value());
            if (!ok) return false;
        } else if (r.error().code_name() == "unknown" || r.error().message.empty()) {
            return false;
        }
    }
    const auto d = cj::parse_derivation(text);
    return d || !d.error().message.empty();
}

}  // namespace

TEST_CASE("parse_authority never throws on mutated input (seed 20251128)") {
    std::mt19937 rng(mutation_seed);
    const std::string sources[] = {std::string(observed_sni_json), std::string(proven_jws_json), cj::to_text(parsed(proven_jws_json))};
    std::size_t accepted_somewhere = 0;
    for (int i = 0; i < 2000; ++i) {
        const std::string text = mutate(sources[static_cast<std::size_t>(i) % std::size(sources)], rng);
        bool ok = false;
        CHECK_NOTHROW(ok = consistent(text));
        if (!ok) FAIL_CHECK("inconsistent answer for mutation " << i << ": " << text);
        if (cj::parse_strict(text)) ++accepted_somewhere;
    }
    // The mutations must not be so wild that nothing is even well-formed JSON.
    CHECK(accepted_somewhere > 100);
}

TEST_CASE("numbers are read correctly rounded, as JSON.parse reads them") {
    // Boost.JSON 1.81 alone reads the first one ULP low and the second as Infinity.
    const auto a = cellos::json::parse_strict("[333333333.33333329, 1.7976931348623158e308, 1e-400, -0.0, 5e-324]");
    REQUIRE(a.has_value());
    const auto& arr = a.value().as_array();
    CHECK(arr[0].as_double() == 333333333.33333329);
    CHECK(arr[1].as_double() == std::numeric_limits<double>::max());
    CHECK(arr[2].as_double() == 0.0);
    CHECK(std::signbit(arr[3].as_double()));
    CHECK(arr[4].as_double() == std::numeric_limits<double>::denorm_min());
    const auto b = cellos::json::parse_strict("1.7976931348623159e308");  // rounds to Infinity
    REQUIRE(b.has_error());
    CHECK(b.error().code == cellos::errc::number_out_of_range);
}
