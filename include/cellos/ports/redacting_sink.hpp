// cellos/ports/redacting_sink.hpp — an EventSink decorator that removes URL credentials
// (util/redaction.hpp) from an event before its inner sink sees it. Client errors echo connection
// strings such as nats://user:pass@host into event payloads; events are stored and shipped, so the
// credentials must go before the first sink writes anything. Upstream composes DLQ(Sign(Redact(inner))).
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

#include "cellos/detail/ascii.hpp"
#include "cellos/ports/concepts.hpp"
#include "cellos/util/redaction.hpp"

namespace cellos {

namespace detail {

/// Whether a JSON string literal's raw text could spell an '@' (the userinfo delimiter).
[[nodiscard]] inline bool may_hold_at_sign(std::string_view raw) noexcept {
    if (raw.find('@') != std::string_view::npos) return true;
    for (std::size_t i = 0; i + 6 <= raw.size(); ++i)
        if (raw[i] == '\\' && ascii_iequals(raw.substr(i + 1, 5), "u0040")) return true;
    return false;
}

/// `json` with URL credentials removed from every string literal (member names included). A literal
/// without escapes is redacted in place: redaction only deletes text or percent-encodes, so the
/// literal stays valid JSON. A literal with escapes is kept as it is unless it could hold an '@';
/// then nullopt (fail closed: we do not decode and re-encode escapes here).
[[nodiscard]] inline std::optional<std::string> redact_json_text(std::string_view json) {
    std::string out;
    out.reserve(json.size());
    std::size_t i = 0;
    while (i < json.size()) {
        if (json[i] != '"') {
            out += json[i++];
            continue;
        }
        std::size_t end = i + 1;
        bool escaped = false;
        while (end < json.size() && json[end] != '"') end += json[end] == '\\' ? (escaped = true, 2) : 1;
        const std::string_view raw = json.substr(i + 1, std::min(end, json.size()) - (i + 1));
        if (escaped) {
            if (may_hold_at_sign(raw)) return std::nullopt;
            out += '"';
            out += raw;
        } else {
            out += '"';
            out += redact_url_credentials_for_logs(raw);
        }
        if (end < json.size()) out += '"';
        i = end + 1;
    }
    return out;
}

inline void redact_optional(std::optional<std::string>& s) {
    if (s) *s = redact_url_credentials_for_logs(*s);
}

}  // namespace detail

/// What the redacting sink changes (docs/ports.md#redacting_sink): source, subject, dataschema,
/// string extension values, text data (as a whole) and every string literal of JSON data. id, type,
/// time and datacontenttype are grammar-bound and kept; binary data is kept (not text). An event
/// whose JSON data holds an escaped string that could spell '@' is refused (event_sink_error) rather
/// than passed on unredacted.
[[nodiscard]] inline checked<cloud_event_v1> redact_event(cloud_event_v1 event) {
    event.source = redact_url_credentials_for_logs(event.source);
    detail::redact_optional(event.subject);
    detail::redact_optional(event.dataschema);
    extension_map extensions;  // the map is read-only while iterated: rebuild it
    for (const extension_attribute& ext : event.extensions) {
        const auto* s = std::get_if<std::string>(&ext.value);
        extensions.set(ext.name, s ? extension_value(redact_url_credentials_for_logs(*s)) : ext.value);
    }
    event.extensions = std::move(extensions);
    if (auto* t = std::get_if<text_data>(&event.data)) {
        t->text = redact_url_credentials_for_logs(t->text);
    } else if (auto* j = std::get_if<json_data>(&event.data)) {
        auto redacted = detail::redact_json_text(j->json);
        if (!redacted)
            return make_problem(errc::event_sink_error, "/data",
                                "redacting_sink: an escaped JSON string that may hold credentials cannot be redacted",
                                "redactEscapedString");
        j->json = std::move(*redacted);
    }
    return event;
}

/// Redacts each event (redact_event), then emits it to `Inner`. Refusals of either are returned.
template <EventSink Inner>
class redacting_sink {
public:
    explicit redacting_sink(Inner inner) noexcept(std::is_nothrow_move_constructible_v<Inner>) : inner_(std::move(inner)) {}

    [[nodiscard]] checked<void> emit(const cloud_event_v1& event) {
        BOOST_OUTCOME_TRY(const cloud_event_v1 redacted, redact_event(event));
        return inner_.emit(redacted);
    }

    [[nodiscard]] Inner& inner() noexcept { return inner_; }
    [[nodiscard]] const Inner& inner() const noexcept { return inner_; }

private:
    Inner inner_;
};

}  // namespace cellos
