// The error model: cellos::errc as a Boost.System category, result<T> on Outcome, boundary errors.
#include <string>
#include <system_error>

#include "../doctest.hpp"
#include "cellos/error.hpp"
#include "cellos/json/error.hpp"

namespace {

cellos::result<int> parse_tier(int raw) {
    if (raw < 0 || raw > 4) return cellos::errc::tier_out_of_range;
    return raw;
}

cellos::result<int> doubled_tier(int raw) {
    BOOST_OUTCOME_TRY(auto t, parse_tier(raw));
    return t * 2;
}

}  // namespace

TEST_CASE("errc is a Boost.System error code enum with a stable category") {
    const boost::system::error_code ec = cellos::errc::duplicate_key;
    CHECK(ec.category().name() == std::string("cellos"));
    CHECK(ec.message() == "duplicate_key");
    CHECK(ec == cellos::errc::duplicate_key);
    CHECK(ec != cellos::errc::unknown_field);
    CHECK(&ec.category() == &cellos::error_category());
    // interoperates with std::error_code
    const std::error_code std_ec = ec;
    CHECK(std_ec.value() == static_cast<int>(cellos::errc::duplicate_key));
    CHECK(std_ec.message() == "duplicate_key");
}

TEST_CASE("every code has a distinct snake_case name") {
    for (int i = 1; i <= static_cast<int>(cellos::errc::invalid_transition); ++i) {
        const auto name = cellos::errc_name(static_cast<cellos::errc>(i));
        CHECK_FALSE(name.empty());
        CHECK(name != "unknown");
        for (char c : name) CHECK(((c >= 'a' && c <= 'z') || c == '_' || (c >= '0' && c <= '9')));
        for (int j = 1; j < i; ++j) CHECK(cellos::errc_name(static_cast<cellos::errc>(j)) != name);
    }
    CHECK(cellos::errc_name(static_cast<cellos::errc>(0)) == "success");
    CHECK(cellos::errc_name(static_cast<cellos::errc>(-1)) == "unknown");
}

TEST_CASE("result<T> and BOOST_OUTCOME_TRY pass the error through unchanged") {
    REQUIRE(doubled_tier(2).has_value());
    CHECK(doubled_tier(2).value() == 4);
    const auto bad = doubled_tier(9);
    REQUIRE(bad.has_error());
    CHECK(bad.error() == cellos::errc::tier_out_of_range);
    CHECK_THROWS_AS((void)bad.value(), boost::system::system_error);  // only when the caller insists
}

TEST_CASE("a boundary error carries code, pointer and message") {
    const auto e = cellos::make_problem(cellos::errc::unknown_field, "/a~1b/0", "unknown field");
    CHECK(e.code == cellos::errc::unknown_field);
    CHECK(e.code_name() == "unknown_field");
    CHECK(e.pointer == "/a~1b/0");
    CHECK(make_error_code(e) == cellos::errc::unknown_field);
    std::string p;
    cellos::detail::append_pointer_token(p, "a/b~c");
    CHECK(p == "/a~1b~0c");
}
