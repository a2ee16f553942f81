// tests/unit/declared_surface_test.cpp — the declared-surface gate at runtime and at the JSON
// boundary (cellos/authority/declared_surface.hpp, cellos/json/declared_surface.hpp): every
// uncovered entry is reported with its code, rule and pointer, in document order and bounded; the
// empty surface always passes; both documents decode strictly; the spec's authority is a capability.
#include <string>
#include <utility>
#include <vector>
#include <string_view>

#include "../doctest.hpp"
#include "refusal.hpp"
#include "cellos/json/declared_surface.hpp"
#include "cellos/json/spec.hpp"
#include "cellos/json/write.hpp"

namespace {

using cellos::errc;

using cellos_test::refusal;
using cellos_test::refusals;

constexpr std::string_view capability_json =
    R"({"egressRules":[{"host":"api.example.com","port":443,"protocol":"tcp"},{"host":"10.0.0.53","port":53,"protocol":"udp"}],)"
    R"("secretRefs":["DB_PASSWORD","API_TOKEN"],"dnsQueries":["api.example.com","*.pkg.example.org"]})";

cellos::authority_capability capability() { return cellos::json::parse_authority_capability(capability_json).value(); }

cellos::problem_list check(std::string_view surface_json, std::size_t cap = cellos::declared_surface_problem_cap) {
    const auto s = cellos::json::parse_declared_authority_surface(surface_json);
    REQUIRE(s);
    return cellos::validate_declared_authority_surface(s.value(), capability(), cap);
}

}  // namespace

TEST_CASE("declared surface: the empty surface is always valid") {
    CHECK(check("{}").empty());
    CHECK(check(R"({"egressRules":[],"secretRefs":[],"dnsQueries":[]})").empty());
    CHECK(cellos::validate_declared_authority_surface(cellos::declared_authority_surface{}, cellos::authority_capability{}).empty());
}

TEST_CASE("declared surface: egress host case-insensitive, port and protocol exact") {
    CHECK(check(R"({"egressRules":[{"host":"API.EXAMPLE.com","port":443,"protocol":"tcp"}]})").empty());
    CHECK(check(R"({"egressRules":[{"host":"10.0.0.53","port":53,"protocol":"udp","justification":"x"}]})").empty());
    const auto l = check(R"({"egressRules":[{"host":"api.example.com","port":443,"protocol":"tcp"},)"
                         R"({"host":"api.example.com","port":443,"protocol":"udp"},)"
                         R"({"host":"api.example.com","port":444,"protocol":"tcp"},)"
                         R"({"host":"api.example.net","port":443,"protocol":"tcp"}]})");
    CHECK(refusals(l) == std::vector<refusal>{{errc::scope_exceeded, "/egressRules/1", "declaredEgressRule"},
                                              {errc::scope_exceeded, "/egressRules/2", "declaredEgressRule"},
                                              {errc::scope_exceeded, "/egressRules/3", "declaredEgressRule"}});
    CHECK(l[2].message.find("\"api.example.net\"") != std::string::npos);  // the message quotes the entry
}

TEST_CASE("declared surface: secret refs exact") {
    CHECK(check(R"({"secretRefs":["API_TOKEN","DB_PASSWORD"]})").empty());
    CHECK(refusals(check(R"({"secretRefs":["DB_PASSWORD","db_password","DB_PASSWORD_2"]})")) ==
          std::vector<refusal>{{errc::scope_exceeded, "/secretRefs/1", "declaredSecretRef"},
                               {errc::scope_exceeded, "/secretRefs/2", "declaredSecretRef"}});
}

TEST_CASE("declared surface: DNS queries by the allowlist matcher (our choice for wildcards)") {
    CHECK(check(R"({"dnsQueries":["API.example.com","deb.pkg.example.org","a.b.pkg.example.org","*.pkg.example.org","*.x.pkg.example.org"]})")
              .empty());
    CHECK(refusals(check(R"({"dnsQueries":["example.com","www.api.example.com","pkg.example.org","*.example.org","*.api.example.com","*","a.*.pkg.example.org","api.example.com."]})")) ==
          std::vector<refusal>{{errc::scope_exceeded, "/dnsQueries/0", "declaredDnsQuery"},      // another name
                               {errc::scope_exceeded, "/dnsQueries/1", "declaredDnsQuery"},      // a literal covers no sub-name
                               {errc::scope_exceeded, "/dnsQueries/2", "declaredDnsQuery"},      // a wildcard never covers its apex
                               {errc::scope_exceeded, "/dnsQueries/3", "declaredDnsQuery"},      // wider wildcard
                               {errc::scope_exceeded, "/dnsQueries/4", "declaredDnsQuery"},      // a name never covers a wildcard
                               {errc::invalid_value, "/dnsQueries/5", "declaredDnsQuerySyntax"},
                               {errc::invalid_value, "/dnsQueries/6", "declaredDnsQuerySyntax"},
                               {errc::invalid_value, "/dnsQueries/7", "declaredDnsQuerySyntax"}});
}

TEST_CASE("declared surface: every field in document order, bounded") {
    const std::string_view wide =
        R"({"egressRules":[{"host":"a.example.net","port":1,"protocol":"tcp"},{"host":"b.example.net","port":2,"protocol":"tcp"}],)"
        R"("secretRefs":["X","Y"],"dnsQueries":["c.example.net"]})";
    CHECK(refusals(check(wide)) == std::vector<refusal>{{errc::scope_exceeded, "/egressRules/0", "declaredEgressRule"},
                                                        {errc::scope_exceeded, "/egressRules/1", "declaredEgressRule"},
                                                        {errc::scope_exceeded, "/secretRefs/0", "declaredSecretRef"},
                                                        {errc::scope_exceeded, "/secretRefs/1", "declaredSecretRef"},
                                                        {errc::scope_exceeded, "/dnsQueries/0", "declaredDnsQuery"}});
    const auto capped = check(wide, 2);
    CHECK(capped.size() == 2);
    CHECK(capped.total() == 5);
    CHECK(capped.truncated());
    CHECK(capped[1].pointer == "/egressRules/1");
    // a hostile surface does not grow the report past the default cap
    std::string many = R"({"secretRefs":[)";
    for (int i = 0; i < 1000; ++i) many += (i ? ",\"S" : "\"S") + std::to_string(i) + "\"";
    many += "]}";
    const auto bounded = check(many);
    CHECK(bounded.size() == cellos::declared_surface_problem_cap);
    CHECK(bounded.total() == 1000);
    // a base pointer places the report inside a larger document
    const auto s = cellos::json::parse_declared_authority_surface(R"({"secretRefs":["X"]})").value();
    const auto nested = cellos::validate_declared_authority_surface(s, capability(), 8, cellos::json_path{} / "scope");
    CHECK(refusals(nested) == std::vector<refusal>{{errc::scope_exceeded, "/scope/secretRefs/0", "declaredSecretRef"}});
}

TEST_CASE("declared surface: both documents through the strict boundary") {
    using cellos::json::parse_authority_capability;
    using cellos::json::parse_declared_authority_surface;
    const auto s = parse_declared_authority_surface(R"({"dnsQueries":["a.example.com"],"secretRefs":["X"]})");
    REQUIRE(s);
    CHECK(s.value().secret_refs == std::vector<std::string>{"X"});
    CHECK(s.value().egress_rules.empty());
    // written back: every list written (defaulted members), camelCase names, round trip equal
    const std::string text = cellos::json::to_text(cellos::json::to_value(s.value()));
    CHECK(text == R"({"egressRules":[],"secretRefs":["X"],"dnsQueries":["a.example.com"]})");
    CHECK(parse_declared_authority_surface(text).value() == s.value());
    CHECK(parse_authority_capability(cellos::json::to_text(cellos::json::to_value(capability()))).value() == capability());

    const auto code_at = [](const auto& r) { return std::pair{r.error().code, r.error().pointer}; };
    CHECK(code_at(parse_declared_authority_surface(R"({"secretRefs":["X"],"secretRefs":["Y"]})")).first == errc::duplicate_key);
    CHECK(code_at(parse_declared_authority_surface(R"({"secretRef":["X"]})")) == std::pair{errc::unknown_field, std::string("/secretRef")});
    CHECK(code_at(parse_declared_authority_surface(R"({"dnsQueries":"a.example.com"})")) == std::pair{errc::wrong_type, std::string("/dnsQueries")});
    CHECK(code_at(parse_declared_authority_surface(R"({"egressRules":[{"host":"a","port":70000,"protocol":"tcp"}]})")) ==
          std::pair{errc::number_out_of_range, std::string("/egressRules/0/port")});
    CHECK(code_at(parse_authority_capability(R"({"egressRules":[{"host":"a","port":1,"protocol":"icmp"}]})")) ==
          std::pair{errc::unknown_enum_value, std::string("/egressRules/0/protocol")});
    CHECK(code_at(parse_authority_capability("[]")) == std::pair{errc::wrong_type, std::string("")});
}

TEST_CASE("declared surface: a spec's authority is the capability it is checked against") {
    const auto spec = cellos::json::parse_execution_cell_document(
        R"({"apiVersion":"cellos.io/v1","kind":"ExecutionCell","spec":{"id":"c","authority":{"secretRefs":["DB_PASSWORD"],)"
        R"("egressRules":[{"host":"api.example.com","port":443,"protocol":"tcp"}],)"
        R"("dnsAuthority":{"resolvers":[],"hostnameAllowlist":["*.example.com"]}},"lifetime":{"ttlSeconds":60}}})");
    REQUIRE(spec);
    const auto cap = cellos::authority_capability_of(spec.value().spec.authority);
    CHECK(cap.egress_rules == spec.value().spec.authority.egress_rules);
    CHECK(cap.secret_refs == std::vector<std::string>{"DB_PASSWORD"});
    CHECK(cap.dns_queries == std::vector<std::string>{"*.example.com"});
    const auto s = cellos::json::parse_declared_authority_surface(R"({"dnsQueries":["www.example.com"],"secretRefs":["DB_PASSWORD"]})");
    CHECK(cellos::validate_declared_authority_surface(s.value(), cap).empty());
    auto no_dns = spec.value().spec.authority;
    no_dns.dns_authority.reset();
    CHECK(refusals(cellos::validate_declared_authority_surface(s.value(), cellos::authority_capability_of(no_dns))) ==
          std::vector<refusal>{{errc::scope_exceeded, "/dnsQueries/0", "declaredDnsQuery"}});
}
