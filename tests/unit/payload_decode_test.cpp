// Runtime tests of json::decode_event_payload: the payload type is chosen by the event's `type`
// from one table generated from the vocabulary, `data` is decoded strictly (pointers under /data),
// and a type outside the vocabulary is unknown_event_type. The CLI twin is tests/cli/event_cli_test.py.
#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <variant>

#include "../doctest.hpp"
#include "cellos/events/cloud_event.hpp"
#include "cellos/events/vocabulary.hpp"
#include "cellos/json/cloud_event.hpp"
#include "cellos/json/events.hpp"

namespace {

namespace ce = cellos;
namespace cj = cellos::json;
using cellos::errc;

ce::cloud_event_v1 envelope(std::string_view type, std::string json_data) {
    ce::cloud_event_v1 e;
    e.id = "urn:cellos:event:00000000-0000-4000-8000-000000000001";
    e.source = "/cellos/tests";
    e.type = std::string(type);
    e.datacontenttype = "application/json";
    e.data = ce::json_data{std::move(json_data)};
    return e;
}

std::string event_text(std::string_view type, std::string_view data) {
    return R"({"specversion":"1.0","id":"e-1","source":"/cells/c1","type":")" + std::string(type) +
           R"(","datacontenttype":"application/json","data":)" + std::string(data) + "}";
}

constexpr std::string_view destroyed = "dev.cellos.events.cell.lifecycle.v1.destroyed";

/// Every payload type, value-initialised, wrapped by to_cloud_event, written and read back: the
/// decoder the type string selects yields the same alternative and the same value.
template <std::size_t... I>
void round_trip_every_type(std::index_sequence<I...>) {
    const cj::event_context ctx{"/cellos/tests", [] { return std::string("00000000-0000-4000-8000-000000000001"); }, {}};
    const auto one = [&]<std::size_t N>(std::integral_constant<std::size_t, N>) {
        using P = std::tuple_element_t<N, ce::payload_types>;
        CAPTURE(ce::type_string(P::type));
        const auto e = cj::to_cloud_event(P{}, ctx);
        REQUIRE(e.has_value());
        const auto text = cj::to_text(e.value());
        REQUIRE(text.has_value());
        const auto parsed = cj::parse_cloud_event(text.value());
        REQUIRE(parsed.has_value());
        const auto payload = cj::decode_event_payload(parsed.value());
        REQUIRE(payload.has_value());
        CHECK(payload.value().index() == N);
        CHECK(ce::event_type_of(payload.value()) == P::type);
        CHECK(std::get<N>(payload.value()) == P{});
    };
    (one(std::integral_constant<std::size_t, I>{}), ...);
}

}  // namespace

TEST_CASE("decode_event_payload: every type of the vocabulary has its decoder, chosen by the type string") {
    round_trip_every_type(std::make_index_sequence<std::tuple_size_v<ce::payload_types>>{});
}

TEST_CASE("decode_event_payload: a sample of types decodes their fields") {
    SUBCASE("lifecycle.v1.destroyed") {
        const auto p = cj::parse_any_event_payload(event_text(
            destroyed, R"({"cellId":"c1","specId":"s1","runId":"r1","outcome":"failed","terminalState":"forced","reason":"ttl_expired"})"));
        REQUIRE(p.has_value());
        const auto& d = std::get<ce::lifecycle_destroyed_v1>(p.value());
        CHECK(d.cell_id == "c1");
        CHECK(d.run_id == "r1");
        CHECK(d.outcome == ce::lifecycle_destroy_outcome::failed);
        CHECK(d.terminal_state == ce::lifecycle_terminal_state::forced);
    }
    SUBCASE("keyset.v1.verified") {
        const auto p = cj::parse_any_event_payload(
            event_text("dev.cellos.events.cell.keyset.v1.verified", R"({"keysetId":"ks","kid":"k1","sequence":7})"));
        REQUIRE(p.has_value());
        const auto& k = std::get<ce::keyset_verified_v1>(p.value());
        CHECK(k.keyset_id == "ks");
        CHECK(k.sequence == 7u);
    }
    SUBCASE("formation.v1.running") {
        const auto p = cj::parse_any_event_payload(
            event_text("dev.cellos.events.cell.formation.v1.running", R"({"formationId":"f","cellIds":["a","b"]})"));
        REQUIRE(p.has_value());
        CHECK(std::get<ce::formation_running_v1>(p.value()).cell_ids.size() == 2);
    }
    SUBCASE("firecracker_pool.v1.checkout") {
        const auto p = cj::parse_any_event_payload(event_text("dev.cellos.events.cell.firecracker_pool.v1.checkout",
                                                              R"({"poolId":"p","vmId":"vm-1","warm":true,"waitMs":12})"));
        REQUIRE(p.has_value());
        const auto& c = std::get<ce::firecracker_pool_checkout_v1>(p.value());
        CHECK(c.warm);
        CHECK(c.wait_ms == 12u);
        CHECK_FALSE(c.cell_id.has_value());
    }
}

TEST_CASE("decode_event_payload: payload problems point under /data") {
    const struct {
        std::string_view type, data;
        errc code;
        std::string_view pointer;
    } bad[] = {
        // the issue's case: an envelope-valid destroyed event with a bogus outcome and an exitCode
        {destroyed, R"({"cellId":"c1","specId":"s1","outcome":"bogus"})", errc::unknown_enum_value, "/data/outcome"},
        {destroyed, R"({"cellId":"c1","specId":"s1","outcome":"succeeded","exitCode":0})", errc::unknown_field, "/data/exitCode"},
        {destroyed, R"({"cellId":"c1","specId":"s1","outcome":"bogus","exitCode":0})", errc::unknown_field, "/data/exitCode"},
        {destroyed, R"({"cellId":"c1","outcome":"succeeded"})", errc::missing_field, "/data/specId"},
        {destroyed, R"({"cellId":7,"specId":"s1","outcome":"succeeded"})", errc::wrong_type, "/data/cellId"},
        {destroyed, R"([])", errc::wrong_type, "/data"},
        {destroyed, R"({"cellId":"c1","specId":"s1","outcome":"succeeded","terminalState":"melted"})", errc::unknown_enum_value,
         "/data/terminalState"},
        {"dev.cellos.events.cell.keyset.v1.verified", R"({"keysetId":"ks","kid":"k","sequence":-1})", errc::number_out_of_range,
         "/data/sequence"},
        {"dev.cellos.events.cell.formation.v1.running", R"({"formationId":"f","cellIds":[1]})", errc::wrong_type, "/data/cellIds/0"},
    };
    for (const auto& b : bad) {
        CAPTURE(b.data);
        const auto e = cj::parse_cloud_event(event_text(b.type, b.data));
        REQUIRE(e.has_value());  // the envelope is valid: the payload is what breaks
        const auto p = cj::decode_event_payload(e.value());
        REQUIRE_FALSE(p.has_value());
        CHECK(p.error().code == b.code);
        CHECK(p.error().pointer == b.pointer);
        CHECK(p.error().rule.empty());
        CHECK_FALSE(p.error().message.empty());
    }
}

TEST_CASE("decode_event_payload: the data itself must be a JSON payload") {
    ce::cloud_event_v1 e = envelope(destroyed, R"({"cellId":"c1","specId":"s1","outcome":"succeeded"})");
    REQUIRE(cj::decode_event_payload(e).has_value());

    e.data = std::monostate{};
    CHECK(cj::decode_event_payload(e).error().code == errc::missing_field);
    CHECK(cj::decode_event_payload(e).error().pointer == "/data");
    e.data = ce::text_data{"hello"};
    CHECK(cj::decode_event_payload(e).error().code == errc::wrong_type);
    e.data = ce::binary_data{};
    CHECK(cj::decode_event_payload(e).error().code == errc::wrong_type);
    e = envelope(destroyed, "{}");
    e.datacontenttype = "text/plain";
    CHECK(cj::decode_event_payload(e).error().code == errc::invalid_media_type);
    CHECK(cj::decode_event_payload(e).error().pointer == "/datacontenttype");
}

TEST_CASE("decode_event_payload: a type outside the vocabulary is unknown_event_type, the envelope stays valid") {
    for (std::string_view type : {"dev.cellos.test", "dev.cellos.events.cell.lifecycle.v9.destroyed", "dev.cellos.events.signed_envelope.v1",
                                  "com.example.other"}) {
        CAPTURE(type);
        const auto e = envelope(type, "{}");
        CHECK(ce::is_valid(e));
        const auto p = cj::decode_event_payload(e);
        REQUIRE_FALSE(p.has_value());
        CHECK(p.error().code == errc::unknown_event_type);
        CHECK(p.error().pointer == "/type");
        CHECK(p.error().rule.empty());
    }
    // an envelope error comes first: parse_any_event_payload never reaches the payload
    const auto bad = cj::parse_any_event_payload(R"({"specversion":"1.0","id":"","source":"/s","type":"dev.cellos.test"})");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code == errc::empty_attribute);
}
