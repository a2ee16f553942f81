// cellos/json/projection_reader.hpp — one JSON Lines line → what the state projection needs, without
// a DOM. The line goes through the strict parser (json/parse.hpp: the same duplicate-key, number,
// depth, size and UTF-8 rules as every boundary) into a sink that keeps only the envelope's
// attributes and the `data` members the reducer reads; then the CloudEvents rules of
// events/cloud_event.hpp (the same constexpr functions, in the decoder's order) decide whether the
// line is an event at all. A reader is reused line after line: its buffers grow to the longest line
// and no allocation happens per line after that. Differential tests and fuzz_projector check that a
// line is an event here exactly when json::parse_cloud_event accepts it.
// Our choices (docs/projection.md#reading): members of `data` the reducer does not read are not
// checked (`cellos event validate` does that); null counts as absent; targetKind also takes upstream's
// Rust spellings (LocalPath, Http, S3); placement.pool is read as poolId; bytesWritten, else
// artifact.sizeBytes.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cellos/events/cloud_event.hpp"
#include "cellos/grammar/base64.hpp"
#include "cellos/json/parse.hpp"
#include "cellos/projection/cell_state.hpp"

namespace cellos::json {

/// What one line is to the projection.
enum class projection_line_kind : std::uint8_t {
    malformed,        ///< not a CloudEvent (problem says why)
    ignored,          ///< a valid event of a type the reducer does not read (id set)
    invalid,          ///< a known type whose data the reducer cannot read (id and problem set)
    event,            ///< a known type, read (id and event set)
    signed_envelope,  ///< a valid dev.cellos.events.signed_envelope.v1 event: verify, then read its inner event
};

namespace detail {

/// Where a value lands (the path the sink is at).
enum class slot : std::uint8_t {
    none,
    // envelope (depth 1)
    specversion, id, source, type, datacontenttype, dataschema, time, subject, data, data_base64, extension,
    // data (depth 2)
    cell_id, spec_id, run_id, placement, exit_code, outcome, terminal_state, operation, reason, target_kind, target_name,
    destination, bytes_written, artifact,
    // data.placement, data.artifact (depth 3)
    pool_id, pool, region, zone, size_bytes,
};

/// A string captured in the reader's text buffer.
struct span_ref {
    std::uint32_t begin = 0;
    std::uint32_t size = 0;
};

enum class value_kind : std::uint8_t { absent, null, string, integer, unsigned_integer, number, boolean, object, array };

/// One member the sink captured: its kind, its text (strings), its integer (numbers), a bool.
struct captured {
    value_kind kind = value_kind::absent;
    span_ref text{};
    std::int64_t integer = 0;
    std::uint64_t unsigned_integer = 0;
    bool boolean = false;
    bool integral_double = false;  ///< a number with fraction/exponent whose value is an integer beyond 64 bits
};

inline constexpr std::size_t slot_count = static_cast<std::size_t>(slot::size_bytes) + 1;

/// The strict parser's sink for the projection: a path of at most three levels is tracked, values
/// at the slots above are captured, everything else only counted for structure.
class projection_sink {
public:
    // --- reset per line ---
    void start(std::size_t line_size) {
        text_.clear();
        text_.reserve(line_size);  // unescaped strings never exceed the line: views stay valid
        for (std::size_t i = 0; i < touched_count_; ++i) values_[touched_[i]] = captured{};  // only what the last line set
        touched_count_ = 0;
        extensions_.clear();
        path_.clear();
        pending_ = slot::none;
        pending_extension_ = {};
        in_string_ = false;
        root_kind_ = value_kind::absent;
    }

    // --- structure (the strict handler's non-DOM hooks) ---
    void begin_object() { open(value_kind::object); }
    void begin_array() { open(value_kind::array); }
    void push_object(std::size_t) { close(); }
    void push_array(std::size_t) { close(); }
    void push_key(std::string_view key) { pending_ = classify(key); }

    // --- values ---
    void push_chars(std::string_view part) {
        if (!in_string_) begin_string();
        if (capturing_) text_.append(part);
    }
    void push_string(std::string_view last) {
        if (!in_string_) begin_string();
        if (capturing_) text_.append(last);
        in_string_ = false;
        captured c;
        c.kind = value_kind::string;
        c.text = {string_begin_, static_cast<std::uint32_t>(text_.size() - string_begin_)};
        land(c);
    }
    void push_int64(std::int64_t i) {
        captured c;
        c.kind = value_kind::integer;
        c.integer = i;
        land(c);
    }
    void push_uint64(std::uint64_t u) {
        captured c;
        c.kind = value_kind::unsigned_integer;
        c.unsigned_integer = u;
        land(c);
    }
    void push_double(double d) {
        captured c;
        c.kind = value_kind::number;
        c.integral_double = std::trunc(d) == d && std::fabs(d) >= 0x1p63;
        land(c);
    }
    void push_bool(bool b) {
        captured c;
        c.kind = value_kind::boolean;
        c.boolean = b;
        land(c);
    }
    void push_null() {
        captured c;
        c.kind = value_kind::null;
        land(c);
    }

    // --- results ---
    [[nodiscard]] const captured& at(slot s) const noexcept { return values_[static_cast<std::size_t>(s)]; }
    [[nodiscard]] std::string_view text(span_ref r) const noexcept { return std::string_view(text_).substr(r.begin, r.size); }
    [[nodiscard]] std::string_view text(slot s) const noexcept { return text(at(s).text); }
    [[nodiscard]] value_kind root_kind() const noexcept { return root_kind_; }
    /// Extension attributes in document order: name, value.
    [[nodiscard]] const std::vector<std::pair<span_ref, captured>>& extensions() const noexcept { return extensions_; }

private:
    // Frames of the path: which object we are in (root, data, placement, artifact) or "elsewhere".
    enum class frame : std::uint8_t { root, data, placement, artifact, elsewhere };

    void open(value_kind k) {
        const slot at_slot = path_.empty() ? slot::none : pending_;
        if (path_.empty()) root_kind_ = k;
        else {
            captured c;
            c.kind = k;
            land(c);  // a container where a scalar was expected is recorded as such
        }
        frame f = frame::elsewhere;
        if (k == value_kind::object) {
            if (path_.empty()) f = frame::root;
            else if (at_slot == slot::data && path_.back() == frame::root) f = frame::data;
            else if (at_slot == slot::placement && path_.back() == frame::data) f = frame::placement;
            else if (at_slot == slot::artifact && path_.back() == frame::data) f = frame::artifact;
        }
        path_.push_back(f);
        pending_ = slot::none;
    }
    void close() {
        if (!path_.empty()) path_.pop_back();
        pending_ = slot::none;
    }

    void begin_string() {
        in_string_ = true;
        string_begin_ = static_cast<std::uint32_t>(text_.size());
        capturing_ = pending_ != slot::none;
        if (path_.empty()) capturing_ = false;
    }

    /// The value just parsed belongs to `pending_` (set by the key before it; none in arrays).
    void land(const captured& c) {
        if (pending_ == slot::extension) extensions_.emplace_back(pending_extension_, c);
        else if (pending_ != slot::none) {
            const auto i = static_cast<std::size_t>(pending_);
            if (values_[i].kind == value_kind::absent) touched_[touched_count_++] = static_cast<std::uint8_t>(i);
            values_[i] = c;
        }
        pending_ = slot::none;
    }

    /// `key` equals the literal: a compare of constant length, which the compiler inlines (the
    /// library memcmp of a runtime length was a tenth of the reading time).
    template <std::size_t N>
    [[nodiscard]] static bool is(std::string_view key, const char (&literal)[N]) noexcept {
        return key.size() == N - 1 && std::memcmp(key.data(), literal, N - 1) == 0;
    }

    [[nodiscard]] slot classify(std::string_view key) {
        if (path_.empty()) return slot::none;
        switch (path_.back()) {
            case frame::root: {
                if (is(key, "specversion")) return slot::specversion;
                if (is(key, "id")) return slot::id;
                if (is(key, "source")) return slot::source;
                if (is(key, "type")) return slot::type;
                if (is(key, "time")) return slot::time;
                if (is(key, "data")) return slot::data;
                if (is(key, "datacontenttype")) return slot::datacontenttype;
                if (is(key, "dataschema")) return slot::dataschema;
                if (is(key, "subject")) return slot::subject;
                if (is(key, "data_base64")) return slot::data_base64;
                pending_extension_ = {static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(key.size())};
                text_.append(key);  // extension names are checked after the parse
                return slot::extension;
            }
            case frame::data:
                if (is(key, "cellId")) return slot::cell_id;
                if (is(key, "specId")) return slot::spec_id;
                if (is(key, "runId")) return slot::run_id;
                if (is(key, "placement")) return slot::placement;
                if (is(key, "exitCode")) return slot::exit_code;
                if (is(key, "outcome")) return slot::outcome;
                if (is(key, "terminalState")) return slot::terminal_state;
                if (is(key, "operation")) return slot::operation;
                if (is(key, "reason")) return slot::reason;
                if (is(key, "targetKind")) return slot::target_kind;
                if (is(key, "targetName")) return slot::target_name;
                if (is(key, "destination")) return slot::destination;
                if (is(key, "bytesWritten")) return slot::bytes_written;
                if (is(key, "artifact")) return slot::artifact;
                return slot::none;
            case frame::placement:
                if (is(key, "poolId")) return slot::pool_id;
                if (is(key, "pool")) return slot::pool;
                if (is(key, "region")) return slot::region;
                if (is(key, "zone")) return slot::zone;
                return slot::none;
            case frame::artifact: return is(key, "sizeBytes") ? slot::size_bytes : slot::none;
            case frame::elsewhere: return slot::none;
        }
        return slot::none;
    }

    std::string text_;
    std::array<captured, slot_count> values_{};
    std::array<std::uint8_t, slot_count> touched_{};  // each slot at most once: duplicate keys never reach the sink twice
    std::size_t touched_count_ = 0;
    std::vector<std::pair<span_ref, captured>> extensions_;
    std::vector<frame> path_;
    slot pending_ = slot::none;
    span_ref pending_extension_{};
    std::uint32_t string_begin_ = 0;
    bool in_string_ = false;
    bool capturing_ = false;
    value_kind root_kind_ = value_kind::absent;
};

}  // namespace detail

/// One line as the projection reads it. Views point into the reader: valid until its next read().
struct projection_line {
    projection_line_kind kind = projection_line_kind::malformed;
    std::string_view id{};    ///< every kind but malformed
    std::string_view type{};  ///< every kind but malformed
    projection_event event{};                 ///< kind event
    std::optional<cellos::problem> error{};   ///< kind malformed or invalid
};

/// Reads lines (or a decoded event's data) for the projection; reuse one per stream.
class projection_reader {
public:
    explicit projection_reader(const parse_limits& limits = {}) : parser_(limits) {}

    /// One JSON Lines line: a whole structured-mode CloudEvent.
    [[nodiscard]] const projection_line& read(std::string_view line) {
        out_ = projection_line{};
        detail::projection_sink& s = parser_.sink();
        s.start(line.size() + 64);
        if (auto p = parser_.parse(line)) return malformed(std::move(*p));
        if (s.root_kind() != detail::value_kind::object)
            return malformed(make_problem(errc::wrong_type, "", "expected an object (a CloudEvent)"));
        if (auto p = check_envelope(s)) return malformed(std::move(*p));
        out_.id = s.text(detail::slot::id);
        out_.type = s.text(detail::slot::type);
        if (out_.type == signed_envelope_event_type) {
            out_.kind = projection_line_kind::signed_envelope;
            return out_;
        }
        return read_data(s);
    }

    /// A decoded event (e.g. the inner event of a verified signed envelope): its data text is read
    /// like a line's `data` member.
    [[nodiscard]] const projection_line& read(const cloud_event_v1& e) {
        out_ = projection_line{};
        held_id_ = e.id;
        held_type_ = e.type;
        out_.id = held_id_;
        out_.type = held_type_;
        const auto kind = projected_event_of(e.type);
        if (!kind) {
            out_.kind = projection_line_kind::ignored;
            return out_;
        }
        // Re-enter the reader through a one-member object, so the data path is the same code. Data
        // that is not JSON is refused as the line's reading refuses it: a string `data` is of the
        // wrong type; bytes (data_base64) or no data leave `data` absent.
        const auto* j = std::get_if<json_data>(&e.data);
        if (std::holds_alternative<text_data>(e.data))
            return invalid(errc::wrong_type, "/data", "a " + std::string(out_.type) + " event needs a data object with cellId");
        wrapped_.clear();
        wrapped_.append("{\"data\":");
        wrapped_.append(j != nullptr ? std::string_view(j->json) : std::string_view("null"));
        wrapped_.push_back('}');
        detail::projection_sink& s = parser_.sink();
        s.start(wrapped_.size() + 64);
        if (auto p = parser_.parse(wrapped_)) {
            out_.kind = projection_line_kind::invalid;
            out_.error = std::move(*p);
            return out_;
        }
        return read_known(s, *kind);
    }

private:
    const projection_line& malformed(problem p) {
        out_ = projection_line{};
        out_.kind = projection_line_kind::malformed;
        out_.error = std::move(p);
        return out_;
    }

    /// The CloudEvents rules, in the decoder's order (json/cloud_event.hpp's tag_invoke): the same
    /// constexpr predicates, so a line is an event here exactly when it is one there.
    [[nodiscard]] static std::optional<problem> check_envelope(const detail::projection_sink& s) {
        using detail::slot;
        using detail::value_kind;
        const auto attribute = [&](std::string_view name, slot at, bool required) -> std::optional<problem> {
            const detail::captured& c = s.at(at);
            if (c.kind == value_kind::absent || c.kind == value_kind::null) {
                if (!required) return std::nullopt;
                return make_problem(errc::missing_field, cellos::detail::pointer_to(name),
                                    "missing required attribute \"" + std::string(name) + "\" (null counts as absent)");
            }
            if (c.kind != value_kind::string)
                return make_problem(errc::wrong_type, cellos::detail::pointer_to(name), "expected a string");
            const std::string_view v = s.text(c.text);
            if (const errc code = context_attribute_error(name, v); code != errc{})
                return make_problem(code, cellos::detail::pointer_to(name), context_attribute_message(code, name, v));
            return std::nullopt;
        };
        if (auto p = attribute("specversion", slot::specversion, true)) return p;
        if (auto p = attribute("id", slot::id, true)) return p;
        if (auto p = attribute("source", slot::source, true)) return p;
        if (auto p = attribute("type", slot::type, true)) return p;
        if (auto p = attribute("datacontenttype", slot::datacontenttype, false)) return p;
        if (auto p = attribute("dataschema", slot::dataschema, false)) return p;
        const detail::captured& data = s.at(slot::data);
        const detail::captured& base64 = s.at(slot::data_base64);
        const bool has_base64 = base64.kind != value_kind::absent && base64.kind != value_kind::null;
        if (data.kind != value_kind::absent && has_base64)
            return make_problem(errc::conflicting_fields, "/data_base64", "data and data_base64 are mutually exclusive");
        if (has_base64) {
            if (base64.kind != value_kind::string) return make_problem(errc::wrong_type, "/data_base64", "expected a string (base64)");
            if (!is_base64(s.text(base64.text)))
                return make_problem(errc::invalid_base64, "/data_base64",
                                    "data_base64 is not canonical RFC 4648 base64 (standard alphabet, padded, no whitespace, zero pad bits)");
        } else if (data.kind != value_kind::absent && data.kind != value_kind::string) {
            const detail::captured& media = s.at(slot::datacontenttype);
            if (media.kind == value_kind::string && !is_json_media_type(s.text(media.text)))
                return make_problem(errc::wrong_type, "/data",
                                    "data must be a JSON string: datacontenttype " + cellos::detail::quoted(s.text(media.text)) +
                                        " does not declare JSON (not */json or */*+json)");
        }
        if (auto p = attribute("time", slot::time, false)) return p;
        if (auto p = attribute("subject", slot::subject, false)) return p;
        // extensions, by name
        std::vector<const std::pair<detail::span_ref, detail::captured>*> by_name;
        by_name.reserve(s.extensions().size());
        for (const auto& x : s.extensions()) by_name.push_back(&x);
        std::sort(by_name.begin(), by_name.end(), [&](const auto* a, const auto* b) { return s.text(a->first) < s.text(b->first); });
        for (const auto* x : by_name) {
            const std::string_view name = s.text(x->first);
            const std::string pointer = cellos::detail::pointer_to(name);
            if (extension_name_error(name) != errc{}) return make_problem(errc::invalid_attribute_name, pointer, extension_name_message(name));
            const detail::captured& v = x->second;
            if (v.kind == value_kind::null) continue;
            if (name == traceparent_attribute && v.kind != value_kind::string)
                return make_problem(errc::wrong_type, pointer, "expected a string (traceparent)");
            switch (v.kind) {
                case value_kind::boolean: break;
                case value_kind::integer:
                    if (v.integer < std::numeric_limits<std::int32_t>::min() || v.integer > std::numeric_limits<std::int32_t>::max())
                        return make_problem(errc::number_out_of_range, pointer, "outside the CloudEvents Integer range");
                    break;
                case value_kind::unsigned_integer:
                    return make_problem(errc::number_out_of_range, pointer, "outside the CloudEvents Integer range");
                case value_kind::number:
                    return make_problem(v.integral_double ? errc::number_out_of_range : errc::wrong_type, pointer,
                                        "expected a CloudEvents Integer, a boolean or a string");
                case value_kind::string:
                    if (extension_string_error(name, s.text(v.text)) != errc{})
                        return make_problem(errc::invalid_value, pointer, extension_string_message(name, s.text(v.text)));
                    break;
                default: return make_problem(errc::wrong_type, pointer, "expected a boolean, an integer or a string");
            }
        }
        return std::nullopt;
    }

    const projection_line& read_data(const detail::projection_sink& s) {
        const auto kind = projected_event_of(out_.type);
        if (!kind) {
            out_.kind = projection_line_kind::ignored;
            return out_;
        }
        return read_known(s, *kind);
    }

    const projection_line& invalid(errc code, std::string pointer, std::string message) {
        out_.kind = projection_line_kind::invalid;
        out_.error = make_problem(code, std::move(pointer), std::move(message));
        return out_;
    }

    /// The data members of a known type, each type-checked; the first one that is not readable
    /// makes the event invalid.
    const projection_line& read_known(const detail::projection_sink& s, projected_event kind) {
        using detail::slot;
        using detail::value_kind;
        projection_event& e = out_.event;
        e.kind = kind;
        e.id = out_.id;
        const detail::captured& data = s.at(slot::data);
        if (data.kind != value_kind::object)
            return invalid(data.kind == value_kind::absent || data.kind == value_kind::null ? errc::missing_field : errc::wrong_type,
                           "/data", "a " + std::string(out_.type) + " event needs a data object with cellId");
        std::string_view bad_member;
        const auto present = [](const detail::captured& c) { return c.kind != value_kind::absent && c.kind != value_kind::null; };
        const auto text = [&](slot at, std::string_view member) -> std::optional<std::string_view> {
            const detail::captured& c = s.at(at);
            if (!present(c)) return std::nullopt;
            if (c.kind != value_kind::string) {
                if (bad_member.empty()) bad_member = member;
                return std::nullopt;
            }
            return s.text(c.text);
        };
        const detail::captured& cell = s.at(slot::cell_id);
        if (!present(cell)) return invalid(errc::missing_field, "/data/cellId", "a " + std::string(out_.type) + " event needs data.cellId");
        if (cell.kind != value_kind::string || s.text(cell.text).empty())
            return invalid(cell.kind != value_kind::string ? errc::wrong_type : errc::empty_attribute, "/data/cellId",
                           "data.cellId must be a non-empty string");
        e.cell_id = s.text(cell.text);
        e.spec_id = text(slot::spec_id, "specId");
        e.run_id = text(slot::run_id, "runId");
        if (!bad_member.empty()) return wrong(bad_member, "a string");

        const detail::captured& placement = s.at(slot::placement);
        if (present(placement)) {
            if (placement.kind != value_kind::object) return wrong("placement", "an object");
            basic_placement_spec<constexpr_storage> p;
            p.pool_id = text(slot::pool_id, "placement/poolId");
            if (!p.pool_id) p.pool_id = text(slot::pool, "placement/pool");
            p.region = text(slot::region, "placement/region");
            p.zone = text(slot::zone, "placement/zone");
            if (!bad_member.empty()) return wrong(bad_member, "a string");
            e.placement = p;
        }
        switch (kind) {
            case projected_event::command_completed: {
                const detail::captured& c = s.at(slot::exit_code);
                if (present(c)) {
                    if (c.kind != value_kind::integer || c.integer < std::numeric_limits<std::int32_t>::min() ||
                        c.integer > std::numeric_limits<std::int32_t>::max())
                        return wrong("exitCode", "an integer within int32");
                    e.exit_code = static_cast<std::int32_t>(c.integer);
                }
                break;
            }
            case projected_event::destroyed:
                if (!read_enum(s, slot::outcome, "outcome", e.outcome)) return out_;
                if (!read_enum(s, slot::terminal_state, "terminalState", e.terminal_state)) return out_;
                e.reason = text(slot::reason, "reason");
                break;
            case projected_event::identity_failed:
                if (!read_enum(s, slot::operation, "operation", e.operation)) return out_;
                e.reason = text(slot::reason, "reason");
                break;
            case projected_event::export_failed:
            case projected_event::export_completed: {
                e.reason = text(slot::reason, "reason");
                auto& r = e.export_record;
                if (const auto k = text(slot::target_kind, "targetKind")) {
                    r.target_kind = target_kind_of(*k);
                    if (!r.target_kind) return invalid(errc::unknown_enum_value, "/data/targetKind",
                                                       "targetKind " + cellos::detail::quoted(*k) + " is not http, s3 or localPath");
                }
                r.target_name = text(slot::target_name, "targetName");
                r.destination = text(slot::destination, "destination");
                if (!bad_member.empty()) return wrong(bad_member, "a string");
                const detail::captured& artifact = s.at(slot::artifact);
                if (present(artifact) && artifact.kind != value_kind::object) return wrong("artifact", "an object");
                const detail::captured& bytes = present(s.at(slot::bytes_written)) ? s.at(slot::bytes_written) : s.at(slot::size_bytes);
                if (present(bytes)) {
                    if (bytes.kind == value_kind::unsigned_integer) r.bytes_written = bytes.unsigned_integer;
                    else if (bytes.kind == value_kind::integer && bytes.integer >= 0) r.bytes_written = static_cast<std::uint64_t>(bytes.integer);
                    else return wrong(present(s.at(slot::bytes_written)) ? "bytesWritten" : "artifact/sizeBytes", "a non-negative integer");
                }
                break;
            }
            default: break;
        }
        if (!bad_member.empty()) return wrong(bad_member, "a string");
        out_.kind = projection_line_kind::event;
        return out_;
    }

    const projection_line& wrong(std::string_view member, std::string_view expected) {
        return invalid(errc::wrong_type, "/data/" + std::string(member), "data." + std::string(member) + " must be " + std::string(expected));
    }

    template <class E>
    bool read_enum(const detail::projection_sink& s, detail::slot at, std::string_view member, std::optional<E>& out) {
        const detail::captured& c = s.at(at);
        if (c.kind == detail::value_kind::absent || c.kind == detail::value_kind::null) return true;
        if (c.kind != detail::value_kind::string) {
            wrong(member, "a string");
            return false;
        }
        out = from_wire<E>(s.text(c.text));
        if (!out) {
            invalid(errc::unknown_enum_value, "/data/" + std::string(member),
                    "data." + std::string(member) + " " + cellos::detail::quoted(s.text(c.text)) + " names no value");
            return false;
        }
        return true;
    }

    /// Our wire (camelCase) or upstream's Rust variant names (the local sink's receipt says LocalPath).
    [[nodiscard]] static constexpr std::optional<export_receipt_target_kind> target_kind_of(std::string_view k) noexcept {
        if (auto ours = from_wire<export_receipt_target_kind>(k)) return ours;
        if (k == "Http") return export_receipt_target_kind::http;
        if (k == "S3") return export_receipt_target_kind::s3;
        if (k == "LocalPath") return export_receipt_target_kind::local_path;
        return std::nullopt;
    }

    strict_parser<detail::projection_sink> parser_;
    projection_line out_;
    std::string held_id_, held_type_, wrapped_;
};

}  // namespace cellos::json
