// cellos/events/cloud_event.hpp — the CloudEvents v1.0 envelope (`cloud_event_v1`) and the rules
// every attribute obeys, written once as constexpr functions over string_view so that the JSON
// boundary (cellos/json/cloud_event.hpp), the model validator below and static_asserts all run the
// very same code. The general grammars it applies (RFC 3339, RFC 2046, RFC 3986, RFC 4648, W3C
// traceparent) live in cellos/grammar/; this header holds only the model and the CloudEvents rules.
// Core header: no Boost.JSON. `data` is kept as text (its compact JSON text, a string, or decoded
// bytes), never as a JSON DOM. A broken rule is a `cellos::problem`.
//
// Rules and "our choice" decisions: docs/events.md#cloudevents-v10.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "cellos/detail/ascii.hpp"
#include "cellos/detail/json_pointer.hpp"
#include "cellos/detail/utf8.hpp"
#include "cellos/error.hpp"
#include "cellos/grammar/base64.hpp"
#include "cellos/grammar/media_type.hpp"
#include "cellos/grammar/rfc3339.hpp"
#include "cellos/grammar/traceparent.hpp"
#include "cellos/grammar/uri.hpp"
#include "cellos/problem.hpp"

namespace cellos {

// --- constants ------------------------------------------------------------------------------------

/// The only `specversion` this library reads or writes (every 1.0.x revision uses "1.0").
inline constexpr std::string_view spec_version_1_0 = "1.0";
/// Media type of one event in structured mode (json-format §3).
inline constexpr std::string_view structured_media_type = "application/cloudevents+json";
/// Media type of a batch (json-format §4.2).
inline constexpr std::string_view batch_media_type = "application/cloudevents-batch+json";
/// The Distributed Tracing extension attribute (W3C Trace Context `traceparent`).
inline constexpr std::string_view traceparent_attribute = "traceparent";
/// Our choice: the spec's SHOULD NOT exceed 20 characters is enforced as a MUST.
inline constexpr std::size_t max_attribute_name_length = 20;

/// The context attributes, in the order this library checks and writes them (our choice; follows
/// the CloudEventV1 field order reconstructed in events.md §6, dataschema after datacontenttype).
/// `data` / `data_base64` are checked and written between dataschema and time.
inline constexpr std::array<std::string_view, 8> context_attributes{
    "specversion", "id", "source", "type", "datacontenttype", "dataschema", "time", "subject"};
/// Required context attributes (present, a string, non-empty).
inline constexpr std::array<std::string_view, 4> required_attributes{"specversion", "id", "source", "type"};

// --- attribute names ------------------------------------------------------------------------------

/// `[a-z0-9]{1,20}`: the naming rule of every context and extension attribute (spec §Attribute Naming
/// Convention; the 20-character limit is a SHOULD in the spec, enforced here).
[[nodiscard]] constexpr bool is_attribute_name(std::string_view name) noexcept {
    if (name.empty() || name.size() > max_attribute_name_length) return false;
    for (char c : name)
        if (!(detail::is_ascii_lower(c) || detail::is_ascii_digit(c))) return false;
    return true;
}

/// Names an extension may not take: the context attributes and the JSON members `data` and
/// `data_base64` (1.0.3-wip: MUST NOT be `data`).
[[nodiscard]] constexpr bool is_reserved_name(std::string_view name) noexcept {
    if (name == "data" || name == "data_base64") return true;
    for (std::string_view a : context_attributes)
        if (a == name) return true;
    return false;
}

// --- CloudEvents String ---------------------------------------------------------------------------

/// A CloudEvents String (spec §Type System): well-formed UTF-8 without the control characters
/// U+0000–U+001F and U+007F–U+009F and without Unicode noncharacters (U+FDD0–U+FDEF, U+xFFFE,
/// U+xFFFF). Surrogates cannot occur in well-formed UTF-8 (and the JSON parser refuses lone "\uD800").
[[nodiscard]] constexpr bool is_attribute_string(std::string_view s) noexcept {
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b >= 0x20 && b < 0x7F) {  // printable ASCII, the common case, without the decoder
            ++i;
            continue;
        }
        const cellos::detail::utf8_scalar c = cellos::detail::decode_utf8_at(s, i);
        if (c.length == 0) return false;
        const char32_t cp = c.code_point;
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return false;
        if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFEu) == 0xFFFEu) return false;
        i += c.length;
    }
    return true;
}

// --- the model ------------------------------------------------------------------------------------

/// `data` given as a JSON string: the string itself (for a non-JSON datacontenttype, the encoded
/// content; for a JSON one, a JSON string value). Never re-parsed as JSON (json-format §3.1.2).
struct text_data {
    std::string text;
    friend bool operator==(const text_data&, const text_data&) = default;
};

/// `data` given as any other JSON value (object, array, number, boolean, null), kept as its compact
/// JSON text in document order (json::to_text), so equal payloads compare equal as text. Only
/// allowed when datacontenttype is absent or declares JSON.
struct json_data {
    std::string json;
    friend bool operator==(const json_data&, const json_data&) = default;
};

/// `data_base64`, decoded (json-format §3.1.2: MUST be decoded to bytes).
struct binary_data {
    std::vector<std::byte> bytes;
    friend bool operator==(const binary_data&, const binary_data&) = default;
};

/// No data (`data` and `data_base64` absent, or `data_base64: null`), or one of the three forms.
using event_data = std::variant<std::monostate, text_data, json_data, binary_data>;

/// The value of an extension attribute as JSON carries it: Boolean, Integer (32-bit) or String.
/// The CloudEvents types Binary, URI, URI-reference and Timestamp travel as strings; see
/// `attribute_type` and `conforms` for typed reading.
using extension_value = std::variant<bool, std::int32_t, std::string>;

struct extension_attribute {
    std::string name;
    extension_value value;
    friend bool operator==(const extension_attribute&, const extension_attribute&) = default;
};

/// Extension attributes, kept sorted by name (byte order) and unique, so that two events with the
/// same attributes compare equal whatever order they arrived in.
class extension_map {
public:
    using const_iterator = std::vector<extension_attribute>::const_iterator;

    /// The value of `name`, or nullptr.
    [[nodiscard]] const extension_value* find(std::string_view name) const noexcept {
        const auto it = lower_bound(name);
        return it != items_.end() && it->name == name ? &it->value : nullptr;
    }
    [[nodiscard]] bool contains(std::string_view name) const noexcept { return find(name) != nullptr; }

    /// Inserts or replaces. The name is not checked here: validate_cloud_event (and the JSON
    /// encoder) refuse invalid names.
    void set(std::string name, extension_value value) {
        auto it = lower_bound(name);
        if (it != items_.end() && it->name == name) {
            items_[static_cast<std::size_t>(it - items_.begin())].value = std::move(value);
            return;
        }
        items_.insert(it, extension_attribute{std::move(name), std::move(value)});
    }
    void set(std::string name, std::string value) { set(std::move(name), extension_value(std::move(value))); }
    void set(std::string name, const char* value) { set(std::move(name), extension_value(std::string(value))); }
    void set(std::string name, std::string_view value) { set(std::move(name), extension_value(std::string(value))); }

    /// Removes `name`; false when it was absent.
    bool erase(std::string_view name) {
        const auto it = lower_bound(name);
        if (it == items_.end() || it->name != name) return false;
        items_.erase(it);
        return true;
    }

    [[nodiscard]] const_iterator begin() const noexcept { return items_.begin(); }
    [[nodiscard]] const_iterator end() const noexcept { return items_.end(); }
    [[nodiscard]] std::size_t size() const noexcept { return items_.size(); }
    [[nodiscard]] bool empty() const noexcept { return items_.empty(); }

    friend bool operator==(const extension_map&, const extension_map&) = default;

private:
    [[nodiscard]] const_iterator lower_bound(std::string_view name) const noexcept {
        return std::lower_bound(items_.begin(), items_.end(), name,
                                [](const extension_attribute& a, std::string_view n) { return std::string_view(a.name) < n; });
    }
    std::vector<extension_attribute> items_;
};

/// A CloudEvents v1.0 event (structured JSON mode: json::parse_cloud_event / json::to_text).
/// A default-constructed event is not valid (id, source and type are empty): fill them, then
/// `validate_cloud_event` or let the encoder check.
struct cloud_event_v1 {
    std::string specversion{spec_version_1_0};      ///< always "1.0"
    std::string id;                                 ///< non-empty String
    std::string source;                             ///< non-empty URI-reference
    std::string type;                               ///< non-empty String
    std::optional<std::string> datacontenttype;     ///< RFC 2046; absent means application/json
    std::optional<std::string> dataschema;          ///< absolute URI
    std::optional<std::string> subject;             ///< non-empty String
    std::optional<std::string> time;                ///< RFC 3339, kept as received (compare with same_instant)
    event_data data;                                ///< none, text, JSON text or bytes
    extension_map extensions;                       ///< every other attribute, incl. traceparent

    friend bool operator==(const cloud_event_v1&, const cloud_event_v1&) = default;
};

/// The `traceparent` extension when present and a string.
[[nodiscard]] inline std::optional<std::string_view> traceparent(const cloud_event_v1& e) noexcept {
    const extension_value* v = e.extensions.find(traceparent_attribute);
    if (v == nullptr || !std::holds_alternative<std::string>(*v)) return std::nullopt;
    return std::string_view(std::get<std::string>(*v));
}

/// Equal, except that `time` is compared as an instant (same_instant): the comparison the
/// conformance suite asks for ("an offset or extra precision is not a difference").
[[nodiscard]] inline bool equivalent(const cloud_event_v1& a, const cloud_event_v1& b) {
    if (a.time.has_value() != b.time.has_value()) return false;
    if (a.time && *a.time != *b.time && !same_instant(*a.time, *b.time)) return false;
    return a.specversion == b.specversion && a.id == b.id && a.source == b.source && a.type == b.type &&
           a.datacontenttype == b.datacontenttype && a.dataschema == b.dataschema && a.subject == b.subject &&
           a.data == b.data && a.extensions == b.extensions;
}

// --- typed reading of extension values -----------------------------------------------------------

/// The CloudEvents type system (spec §Type System).
enum class attribute_type : std::uint8_t { boolean, integer, string, binary, uri, uri_reference, timestamp };

[[nodiscard]] constexpr std::string_view attribute_type_name(attribute_type t) noexcept {
    constexpr std::array<std::string_view, 7> names{"Boolean", "Integer", "String", "Binary", "URI", "URI-reference", "Timestamp"};
    return names[static_cast<std::size_t>(t)];
}

/// A JSON string read as CloudEvents type `t` (json-format §2.2: only strings are ambiguous).
[[nodiscard]] constexpr bool string_conforms(std::string_view s, attribute_type t) noexcept {
    switch (t) {
        case attribute_type::string: return is_attribute_string(s);
        case attribute_type::binary: return is_base64(s);
        case attribute_type::uri: return is_uri(s);
        case attribute_type::uri_reference: return is_uri_reference(s);
        case attribute_type::timestamp: return is_rfc3339_timestamp(s);
        case attribute_type::boolean:
        case attribute_type::integer: return false;
    }
    return false;
}

/// Whether an extension value can be read as CloudEvents type `t`.
[[nodiscard]] inline bool conforms(const extension_value& v, attribute_type t) noexcept {
    if (std::holds_alternative<bool>(v)) return t == attribute_type::boolean;
    if (std::holds_alternative<std::int32_t>(v)) return t == attribute_type::integer;
    return string_conforms(std::get<std::string>(v), t);
}

// --- the rules, one function per attribute -------------------------------------------------------

/// The first rule a value of context attribute `name` breaks (errc{} when it breaks none):
/// empty_attribute (""), invalid_value (not a CloudEvents String), then per attribute
/// unsupported_spec_version (specversion ≠ "1.0"), invalid_uri (source: URI-reference; dataschema:
/// URI), invalid_media_type (datacontenttype), invalid_timestamp (time). unknown_field when `name`
/// is not a context attribute.
[[nodiscard]] constexpr errc context_attribute_error(std::string_view name, std::string_view value) noexcept {
    if (std::find(context_attributes.begin(), context_attributes.end(), name) == context_attributes.end())
        return errc::unknown_field;
    if (value.empty()) return errc::empty_attribute;
    if (!is_attribute_string(value)) return errc::invalid_value;
    if (name == "specversion") return value == spec_version_1_0 ? errc{} : errc::unsupported_spec_version;
    if (name == "source") return is_uri_reference(value) ? errc{} : errc::invalid_uri;
    if (name == "dataschema") return is_uri(value) ? errc{} : errc::invalid_uri;
    if (name == "datacontenttype") return is_media_type(value) ? errc{} : errc::invalid_media_type;
    if (name == "time") return is_rfc3339_timestamp(value) ? errc{} : errc::invalid_timestamp;
    return errc{};  // id, type, subject: any non-empty String
}

/// invalid_attribute_name when `name` breaks `[a-z0-9]{1,20}` or is reserved (a context attribute,
/// `data`, `data_base64`); errc{} otherwise.
[[nodiscard]] constexpr errc extension_name_error(std::string_view name) noexcept {
    return is_attribute_name(name) && !is_reserved_name(name) ? errc{} : errc::invalid_attribute_name;
}

/// The first rule a string extension value breaks: invalid_value when it is not a CloudEvents
/// String, or when `name` is traceparent and the value is not a W3C traceparent.
[[nodiscard]] constexpr errc extension_string_error(std::string_view name, std::string_view value) noexcept {
    if (!is_attribute_string(value)) return errc::invalid_value;
    if (name == traceparent_attribute && !is_traceparent(value)) return errc::invalid_value;
    return errc{};
}

namespace detail {

/// `s` in double quotes for a message, cut (on a UTF-8 boundary) after 80 bytes.
[[nodiscard]] inline std::string quoted(std::string_view s) {
    constexpr std::size_t limit = 80;
    if (s.size() <= limit) return '"' + std::string(s) + '"';
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return '"' + std::string(s.substr(0, cut)) + "\"…";
}

[[nodiscard]] inline std::string pointer_to(std::string_view member) { return (json_path{} / member).to_pointer(); }

}  // namespace detail

/// The message for `code` broken by context attribute `name` = `value`.
[[nodiscard]] inline std::string context_attribute_message(errc code, std::string_view name, std::string_view value) {
    const std::string n(name);
    switch (code) {
        case errc::empty_attribute: return "attribute \"" + n + "\" must not be empty";
        case errc::invalid_value:
            return "attribute \"" + n + "\" is not a CloudEvents String (a control character U+0000-U+001F or "
                   "U+007F-U+009F, or a Unicode noncharacter)";
        case errc::unsupported_spec_version:
            return "specversion " + detail::quoted(value) + " is not supported (only \"1.0\")";
        case errc::invalid_uri:
            return name == "dataschema" ? "dataschema " + detail::quoted(value) + " is not an absolute URI (RFC 3986: scheme \":\" ...)"
                                        : "source " + detail::quoted(value) + " is not a URI-reference (RFC 3986)";
        case errc::invalid_media_type:
            return "datacontenttype " + detail::quoted(value) +
                   " is not an RFC 2046 media type (type \"/\" subtype, then optional \";\" parameters)";
        case errc::invalid_timestamp:
            return "time " + detail::quoted(value) + " is not an RFC 3339 timestamp (e.g. 2018-04-05T17:31:00Z)";
        default: return "attribute \"" + n + "\" is invalid";
    }
}

/// The message for an invalid extension name.
[[nodiscard]] inline std::string extension_name_message(std::string_view name) {
    if (is_attribute_name(name)) return "attribute name " + detail::quoted(name) + " is reserved";
    return "attribute name " + detail::quoted(name) + " must be 1 to 20 lower-case ASCII letters or digits ([a-z0-9]{1,20})";
}

/// The message for an invalid string extension value.
[[nodiscard]] inline std::string extension_string_message(std::string_view name, std::string_view value) {
    if (!is_attribute_string(value))
        return "extension \"" + std::string(name) +
               "\" is not a CloudEvents String (a control character or a Unicode noncharacter)";
    return "traceparent " + detail::quoted(value) +
           " is not a W3C traceparent (version-traceid-parentid-flags, lower-case hex 2-32-16-2)";
}

/// The data rules that hold whatever carried the event: json_data only with a JSON (or absent)
/// datacontenttype (json-format §3.1.2 MAY, our choice: wrong_type), and json_data is never empty
/// and never a JSON string (that is text_data).
[[nodiscard]] inline std::optional<problem> check_data(const event_data& data, const std::optional<std::string>& datacontenttype) {
    const auto* j = std::get_if<json_data>(&data);
    if (j == nullptr) return std::nullopt;
    const std::size_t first = j->json.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || j->json[first] == '"')
        return make_problem(errc::invalid_value, "/data",
                            "json_data must hold a JSON value other than a string (use text_data for a string)");
    if (datacontenttype && !is_json_media_type(*datacontenttype))
        return make_problem(errc::wrong_type, "/data",
                            "data must be a JSON string: datacontenttype " + detail::quoted(*datacontenttype) +
                                " does not declare JSON (not */json or */*+json)");
    return std::nullopt;
}

/// Every rule of the model, in the order the JSON decoder applies them (context attributes in
/// `context_attributes` order with data after dataschema, then extensions by name). The first
/// broken rule, or nullopt. The JSON-only rules (types, null, int32 range, data_base64 syntax,
/// duplicate keys) are the decoder's. Every CloudEvents problem has an empty `rule`: each is a
/// grammar refusal that its code and pointer name completely (as at the strict JSON boundary).
[[nodiscard]] inline std::optional<problem> validate_cloud_event(const cloud_event_v1& e) {
    const auto attribute = [](std::string_view name, const std::string* value) -> std::optional<problem> {
        if (value == nullptr) return std::nullopt;
        if (const errc c = context_attribute_error(name, *value); c != errc{})
            return make_problem(c, detail::pointer_to(name), context_attribute_message(c, name, *value));
        return std::nullopt;
    };
    const auto optional = [](const std::optional<std::string>& o) { return o ? &*o : nullptr; };
    if (auto v = attribute("specversion", &e.specversion)) return v;
    if (auto v = attribute("id", &e.id)) return v;
    if (auto v = attribute("source", &e.source)) return v;
    if (auto v = attribute("type", &e.type)) return v;
    if (auto v = attribute("datacontenttype", optional(e.datacontenttype))) return v;
    if (auto v = attribute("dataschema", optional(e.dataschema))) return v;
    if (auto v = check_data(e.data, e.datacontenttype)) return v;
    if (auto v = attribute("time", optional(e.time))) return v;
    if (auto v = attribute("subject", optional(e.subject))) return v;
    for (const extension_attribute& x : e.extensions) {
        if (extension_name_error(x.name) != errc{})
            return make_problem(errc::invalid_attribute_name, detail::pointer_to(x.name), extension_name_message(x.name));
        if (const auto* s = std::get_if<std::string>(&x.value)) {
            if (extension_string_error(x.name, *s) != errc{})
                return make_problem(errc::invalid_value, detail::pointer_to(x.name), extension_string_message(x.name, *s));
        } else if (x.name == traceparent_attribute) {
            return make_problem(errc::wrong_type, detail::pointer_to(x.name), "traceparent must be a string");
        }
    }
    return std::nullopt;
}

/// Verdict twin of validate_cloud_event.
[[nodiscard]] inline bool is_valid(const cloud_event_v1& e) { return !validate_cloud_event(e).has_value(); }

}  // namespace cellos
