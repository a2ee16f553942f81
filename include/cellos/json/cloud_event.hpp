// cellos/json/cloud_event.hpp — CloudEvents v1.0 in structured JSON mode: one event
// (application/cloudevents+json), a batch (application/cloudevents-batch+json) and JSON Lines, each
// read strictly (parse_strict: duplicate keys, depth, size, UTF-8), and the encoder. The value rules
// are the constexpr ones of cellos/events/cloud_event.hpp; this layer adds the JSON-only ones
// (types, null = absent, Integer range, data / data_base64). Rules: docs/events.md#cloudevents-v10.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <boost/json/value.hpp>
#include <boost/outcome/try.hpp>

#include "cellos/events/cloud_event.hpp"
#include "cellos/json/decode.hpp"
#include "cellos/json/error.hpp"
#include "cellos/json/jsonl.hpp"
#include "cellos/json/parse.hpp"
#include "cellos/json/write.hpp"

namespace cellos::json {

namespace detail {

[[nodiscard]] inline std::string_view view(const boost::json::string& s) noexcept { return {s.data(), s.size()}; }

/// The member `name`; nullptr when absent or null (json-format §2.2: null MUST be treated as unset).
[[nodiscard]] inline const boost::json::value* attribute_member(const boost::json::object& o, std::string_view name) {
    const boost::json::value* v = o.if_contains(boost::json::string_view(name.data(), name.size()));
    return v == nullptr || v->is_null() ? nullptr : v;
}

/// A problem of the core rules (pointer relative to the event), moved under the event at `d`.
[[nodiscard]] inline problem at_event(const decoder& d, problem p) {
    p.pointer.insert(0, d.pointer());
    return p;
}

/// One context attribute: absent/null (required: missing_field), not a string (wrong_type), or a
/// value that breaks its rule (cellos::context_attribute_error).
[[nodiscard]] inline checked<std::optional<std::string>> context_attribute(const boost::json::object& o, decoder& d,
                                                                                 std::string_view name, bool required) {
    const boost::json::value* v = attribute_member(o, name);
    decoder::scope at(d, name);
    if (v == nullptr) {
        if (!required) return std::optional<std::string>{};
        return d.fail(errc::missing_field, "missing required attribute \"" + std::string(name) + "\" (null counts as absent)");
    }
    if (!v->is_string()) return wrong_type(*v, d, "a string");
    const std::string_view s = view(v->get_string());
    if (const errc c = cellos::context_attribute_error(name, s); c != errc{})
        return d.fail(c, cellos::context_attribute_message(c, name, s));
    return std::optional<std::string>(std::string(s));
}

/// An extension value: Boolean, Integer within int32 (a JSON number without fraction or exponent),
/// or String. Objects and arrays are refused.
[[nodiscard]] inline checked<cellos::extension_value> decode_extension_value(std::string_view name, const boost::json::value& v,
                                                                                  decoder& d) {
    if (name == cellos::traceparent_attribute && !v.is_string()) return wrong_type(v, d, "a string (traceparent)");
    switch (v.kind()) {
        case boost::json::kind::bool_: return cellos::extension_value(v.get_bool());
        case boost::json::kind::int64: {
            const std::int64_t x = v.get_int64();
            if (std::in_range<std::int32_t>(x)) return cellos::extension_value(static_cast<std::int32_t>(x));
            return d.fail(errc::number_out_of_range,
                          "extension \"" + std::string(name) + "\": " + std::to_string(x) +
                              " is outside the CloudEvents Integer range [-2147483648, 2147483647]");
        }
        case boost::json::kind::uint64:
            return d.fail(errc::number_out_of_range, "extension \"" + std::string(name) + "\": " + std::to_string(v.get_uint64()) +
                                                         " is outside the CloudEvents Integer range [-2147483648, 2147483647]");
        case boost::json::kind::double_: {
            const double x = v.get_double();
            if (std::trunc(x) == x && std::fabs(x) >= 0x1p63)  // an integer literal beyond 64 bits
                return d.fail(errc::number_out_of_range, "extension \"" + std::string(name) +
                                                             "\": the number is outside the CloudEvents Integer range");
            return d.fail(errc::wrong_type, "extension \"" + std::string(name) +
                                                "\": expected a CloudEvents Integer (a JSON number without fraction or "
                                                "exponent), a boolean or a string, found a non-integer number");
        }
        case boost::json::kind::string: {
            const std::string_view s = view(v.get_string());
            if (cellos::extension_string_error(name, s) != errc{})
                return d.fail(errc::invalid_value, cellos::extension_string_message(name, s));
            return cellos::extension_value(std::string(s));
        }
        default: return wrong_type(v, d, "a boolean, an integer or a string");
    }
}

}  // namespace detail

/// Decodes one event from a parsed JSON value. Checks run in a fixed order: specversion, id,
/// source, type, datacontenttype, dataschema, data / data_base64, time, subject, then the
/// extensions by name; the first broken rule is returned, with its pointer under d.pointer().
[[nodiscard]] inline checked<cellos::cloud_event_v1> tag_invoke(decode_tag<cellos::cloud_event_v1>, const boost::json::value& v,
                                                                     decoder& d) {
    if (!v.is_object()) return detail::wrong_type(v, d, "an object (a CloudEvent)");
    const boost::json::object& o = v.get_object();
    cellos::cloud_event_v1 e;
    const auto required = [&](std::string_view name, std::string& field) -> std::optional<problem> {
        auto r = detail::context_attribute(o, d, name, true);
        if (!r) return std::move(r).error();
        field = std::move(*r.value());
        return std::nullopt;
    };
    const auto optional = [&](std::string_view name, std::optional<std::string>& field) -> std::optional<problem> {
        auto r = detail::context_attribute(o, d, name, false);
        if (!r) return std::move(r).error();
        field = std::move(r).value();
        return std::nullopt;
    };
    if (auto err = required("specversion", e.specversion)) return std::move(*err);
    if (auto err = required("id", e.id)) return std::move(*err);
    if (auto err = required("source", e.source)) return std::move(*err);
    if (auto err = required("type", e.type)) return std::move(*err);
    if (auto err = optional("datacontenttype", e.datacontenttype)) return std::move(*err);
    if (auto err = optional("dataschema", e.dataschema)) return std::move(*err);

    // data: present even when null (an explicit null payload, json-format §3.1.1); data_base64: null = absent
    const boost::json::value* data = o.if_contains("data");
    const boost::json::value* base64 = detail::attribute_member(o, "data_base64");
    if (data != nullptr && base64 != nullptr) {
        decoder::scope at(d, "data_base64");
        return d.fail(errc::conflicting_fields, "data and data_base64 are mutually exclusive");
    }
    if (base64 != nullptr) {
        decoder::scope at(d, "data_base64");
        if (!base64->is_string()) return detail::wrong_type(*base64, d, "a string (base64)");
        auto bytes = cellos::decode_base64(detail::view(base64->get_string()));
        if (!bytes)
            return d.fail(errc::invalid_base64,
                          "data_base64 is not canonical RFC 4648 base64 (standard alphabet, padded, no whitespace, zero pad bits)");
        e.data = cellos::binary_data{std::move(*bytes)};
    } else if (data != nullptr) {
        if (data->is_string()) e.data = cellos::text_data{std::string(detail::view(data->get_string()))};
        else e.data = cellos::json_data{to_text(*data)};
    }
    if (auto p = cellos::check_data(e.data, e.datacontenttype)) return detail::at_event(d, std::move(*p));

    if (auto err = optional("time", e.time)) return std::move(*err);
    if (auto err = optional("subject", e.subject)) return std::move(*err);

    // extensions: every other member, checked in name order (as validate_cloud_event does)
    std::vector<std::string_view> names;
    for (const auto& m : o) {
        const std::string_view k(m.key().data(), m.key().size());
        if (k == "data" || k == "data_base64" ||
            std::find(cellos::context_attributes.begin(), cellos::context_attributes.end(), k) != cellos::context_attributes.end())
            continue;
        names.push_back(k);
    }
    std::sort(names.begin(), names.end());
    for (std::string_view name : names) {
        decoder::scope at(d, name);
        if (cellos::extension_name_error(name) != errc{}) return d.fail(errc::invalid_attribute_name, cellos::extension_name_message(name));
        const boost::json::value& x = o.at(boost::json::string_view(name.data(), name.size()));
        if (x.is_null()) continue;  // unset
        BOOST_OUTCOME_TRY(auto value, detail::decode_extension_value(name, x, d));
        e.extensions.set(std::string(name), std::move(value));
    }
    return e;
}

/// One event (application/cloudevents+json). Never throws on bad input.
[[nodiscard]] inline checked<cellos::cloud_event_v1> parse_cloud_event(std::string_view text, const parse_limits& limits = {}) {
    BOOST_OUTCOME_TRY(auto v, parse_strict(text, limits));
    decoder d;
    return decode<cellos::cloud_event_v1>(v, d);
}

/// The verdict on each element of an already parsed batch; the outer error is about the value
/// itself (not an array). Element i's pointers start with "/i".
[[nodiscard]] inline checked<std::vector<checked<cellos::cloud_event_v1>>> decode_cloud_event_batch(
    const boost::json::value& v) {
    decoder d;
    if (!v.is_array()) return detail::wrong_type(v, d, "an array (a batch of CloudEvents)");
    std::vector<checked<cellos::cloud_event_v1>> out;
    out.reserve(v.get_array().size());
    std::size_t i = 0;
    for (const boost::json::value& element : v.get_array()) {
        decoder::scope at(d, i++);
        out.push_back(decode<cellos::cloud_event_v1>(element, d));
    }
    // Every element was checked for specversion "1.0", so a valid batch cannot mix specversions
    // (1.0.3-wip); a batch mixing them fails at its first non-"1.0" element.
    return out;
}

/// The verdict on each element of a batch; the outer error is about the document (not JSON, not an
/// array, limits). Element i's pointers start with "/i".
[[nodiscard]] inline checked<std::vector<checked<cellos::cloud_event_v1>>> cloud_event_batch_verdicts(
    std::string_view text, const parse_limits& limits = {}) {
    BOOST_OUTCOME_TRY(auto v, parse_strict(text, limits));
    return decode_cloud_event_batch(v);
}

/// A batch (application/cloudevents-batch+json): a JSON array of events, possibly empty; the first
/// broken rule of the document or of any element (pointer "/i/...").
[[nodiscard]] inline checked<std::vector<cellos::cloud_event_v1>> parse_cloud_event_batch(std::string_view text,
                                                                                               const parse_limits& limits = {}) {
    BOOST_OUTCOME_TRY(auto verdicts, cloud_event_batch_verdicts(text, limits));
    std::vector<cellos::cloud_event_v1> out;
    out.reserve(verdicts.size());
    for (auto& r : verdicts) {
        if (!r) return std::move(r).error();
        out.push_back(std::move(r).value());
    }
    return out;
}

/// The verdict on one line of a JSON Lines text.
struct cloud_event_line {
    std::size_t line = 0;  ///< 1-based
    checked<cellos::cloud_event_v1> event;
};

/// One JSON Lines line as one event: a line over the limit is input_too_large.
[[nodiscard]] inline checked<cellos::cloud_event_v1> parse_cloud_event_line(const jsonl_line& line,
                                                                           const parse_limits& limits = {}) {
    if (line.too_long)
        return make_problem(errc::input_too_large, "",
                            "line " + std::to_string(line.number) + " is longer than the limit of " +
                                std::to_string(limits.max_bytes) + " bytes");
    return parse_cloud_event(line.text, limits);
}

/// JSON Lines held in memory: one verdict per non-blank line (jsonl_splitter's rules: "\n" ends a
/// line, a "\r" before it is dropped, blank lines are skipped, each line at most limits.max_bytes).
/// A stream is better read with jsonl_splitter and parse_cloud_event_line, one line at a time.
[[nodiscard]] inline std::vector<cloud_event_line> parse_cloud_event_jsonl(std::string_view text, const parse_limits& limits = {}) {
    std::vector<cloud_event_line> out;
    jsonl_splitter split(limits.max_bytes);
    const auto on_line = [&](const jsonl_line& l) { out.push_back({l.number, parse_cloud_event_line(l, limits)}); };
    split.feed(text, on_line);
    split.finish(on_line);
    return out;
}

// --- encoding ---------------------------------------------------------------------------------------

/// The value of json_data, parsed strictly (problems under /data): it must be one JSON value.
[[nodiscard]] inline checked<boost::json::value> parse_json_data(const cellos::json_data& j) {
    auto parsed = parse_strict(j.json);
    if (!parsed) {
        problem err = std::move(parsed).error();
        err.pointer = "/data" + err.pointer;
        err.message = "json_data is not one JSON value: " + err.message;
        return err;
    }
    return parsed;
}

/// Every rule of the model (cellos::validate_cloud_event) plus the JSON ones the model cannot check
/// alone: json_data is one strict JSON value.
[[nodiscard]] inline std::optional<problem> check_cloud_event(const cellos::cloud_event_v1& e) {
    if (auto p = cellos::validate_cloud_event(e)) return p;
    if (const auto* j = std::get_if<cellos::json_data>(&e.data))
        if (auto parsed = parse_json_data(*j); !parsed) return std::move(parsed).error();
    return std::nullopt;
}

/// The JSON object of a valid event: specversion, id, source, type, datacontenttype, dataschema,
/// data | data_base64, time, subject, then extensions by name (our order, docs/events.md); absent
/// attributes are omitted. An invalid event is refused with the rule it breaks. json_data is parsed
/// once, for the check and the value alike.
[[nodiscard]] inline checked<boost::json::value> to_value(const cellos::cloud_event_v1& e) {
    if (auto err = cellos::validate_cloud_event(e)) return std::move(*err);
    std::optional<boost::json::value> data;
    if (const auto* j = std::get_if<cellos::json_data>(&e.data)) {
        BOOST_OUTCOME_TRY(boost::json::value parsed, parse_json_data(*j));
        data.emplace(std::move(parsed));
    }
    boost::json::object o;
    const auto put = [&](std::string_view name, std::string_view value) {
        o[boost::json::string_view(name.data(), name.size())] = boost::json::string(value.data(), value.size());
    };
    put("specversion", e.specversion);
    put("id", e.id);
    put("source", e.source);
    put("type", e.type);
    if (e.datacontenttype) put("datacontenttype", *e.datacontenttype);
    if (e.dataschema) put("dataschema", *e.dataschema);
    if (const auto* t = std::get_if<cellos::text_data>(&e.data)) put("data", t->text);
    else if (data) o["data"] = std::move(*data);
    else if (const auto* b = std::get_if<cellos::binary_data>(&e.data)) put("data_base64", cellos::encode_base64(b->bytes));
    if (e.time) put("time", *e.time);
    if (e.subject) put("subject", *e.subject);
    for (const cellos::extension_attribute& x : e.extensions) {
        const boost::json::string_view key(x.name.data(), x.name.size());
        if (const auto* s = std::get_if<std::string>(&x.value)) o[key] = boost::json::string(s->data(), s->size());
        else if (const auto* i = std::get_if<std::int32_t>(&x.value)) o[key] = static_cast<std::int64_t>(*i);
        else o[key] = std::get<bool>(x.value);
    }
    return boost::json::value(std::move(o));
}

/// Compact JSON text of a valid event (application/cloudevents+json).
[[nodiscard]] inline checked<std::string> to_text(const cellos::cloud_event_v1& e) {
    BOOST_OUTCOME_TRY(auto v, to_value(e));
    return to_text(v);
}

/// Compact JSON text of a batch (application/cloudevents-batch+json); element i's errors point at "/i".
[[nodiscard]] inline checked<std::string> to_batch_text(std::span<const cellos::cloud_event_v1> batch) {
    boost::json::array a;
    a.reserve(batch.size());
    for (std::size_t i = 0; i < batch.size(); ++i) {
        auto v = to_value(batch[i]);
        if (!v) {
            problem err = std::move(v).error();
            err.pointer = "/" + std::to_string(i) + err.pointer;
            return err;
        }
        a.push_back(std::move(v).value());
    }
    return to_text(boost::json::value(std::move(a)));
}

}  // namespace cellos::json
