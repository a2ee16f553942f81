// The error model: cellos::errc as a Boost.System category, result<T> on Outcome, boundary errors.
#include <string>
#include <system_error>

#include "../doctest.hpp"
#include "cellos/error.hpp"
#include "cellos/json/error.hpp"
#include "cellos/problem.hpp"

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

TEST_CASE("conditions group the codes; every code belongs to exactly the condition of its table entry") {
    // docs/errors.md quotes these two lines
    boost::system::error_code ec = cellos::errc::duplicate_key;
    CHECK(ec == cellos::condition::malformed_input);
    CHECK(ec != cellos::condition::schema_violation);
    CHECK(cellos::make_error_code(cellos::errc::unknown_field) == cellos::condition::schema_violation);
    CHECK(cellos::make_error_code(cellos::errc::number_out_of_range) == cellos::condition::limit_exceeded);
    CHECK(cellos::make_error_code(cellos::errc::tier_inflation) == cellos::condition::authority_violation);
    CHECK(cellos::make_error_code(cellos::errc::policy_violation) == cellos::condition::rule_violation);
    CHECK(cellos::make_error_code(cellos::errc::unauthorized) == cellos::condition::access_denied);
    CHECK(cellos::make_error_code(cellos::errc::event_sink_error) == cellos::condition::port_failure);
    CHECK(cellos::make_error_code(cellos::errc::io_error) == cellos::condition::io_failure);
    CHECK(cellos::make_error_code(cellos::errc::usage) == cellos::condition::usage_error);
    // a foreign error code never matches a cellos condition
    CHECK(boost::system::error_code(5, boost::system::generic_category()) != cellos::condition::io_failure);
    for (std::size_t i = 1; i < cellos::detail::errc_table.size(); ++i) {
        const auto code = static_cast<cellos::errc>(i);
        CAPTURE(cellos::errc_name(code));
        CHECK(cellos::condition_of(code) != cellos::condition{});
        for (int c = 1; c < static_cast<int>(cellos::detail::condition_names.size()); ++c)
            CHECK((cellos::make_error_code(code) == static_cast<cellos::condition>(c)) ==
                  (cellos::condition_of(code) == static_cast<cellos::condition>(c)));
    }
    CHECK(cellos::condition_name(cellos::condition::schema_violation) == "schema_violation");
    CHECK(cellos::make_error_condition(cellos::condition::io_failure).message() == "io_failure");
}

TEST_CASE("problem_list: bounded, counts past its capacity, says so") {
    cellos::problem_list all;
    cellos::problem_list two(2);
    for (int i = 0; i < 5; ++i) {
        all.push_back(cellos::make_problem(cellos::errc::invalid_spec, "/" + std::to_string(i), "m", "unique"));
        two.push_back(cellos::make_problem(cellos::errc::invalid_spec, "/" + std::to_string(i), "m", "unique"));
    }
    CHECK(all.size() == 5);
    CHECK_FALSE(all.truncated());
    CHECK(two.size() == 2);
    CHECK(two.total() == 5);
    CHECK(two.truncated());
    CHECK(two.full());
    CHECK(two[1].pointer == "/1");
    CHECK_FALSE(two.empty());
    cellos::problem_list none(0);
    none.push_back(cellos::make_problem(cellos::errc::invalid_spec, "", ""));
    CHECK(none.size() == 0);
    CHECK_FALSE(none.empty());  // a dropped problem still makes the document invalid
    CHECK(cellos::problem_list{}.empty());
    CHECK(cellos::to_string(two[0]) == "unique: m");
    CHECK(cellos::to_string(cellos::make_problem(cellos::errc::duplicate_key, "/a", "twice")) == "duplicate_key: twice");
}
