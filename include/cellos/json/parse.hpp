// cellos/json/parse.hpp — the strict JSON parser every boundary starts with. Boost.JSON's
// basic_parser with our own handler: it rejects duplicate keys (Boost.JSON 1.81 keeps the last one
// silently), non-finite numbers (1e400 would become Infinity), excess size and depth, and invalid
// UTF-8 — each with a cellos::errc and, where one exists, a JSON pointer. The handler is a template
// over where the values go: a DOM (`parse_strict`, boost::json::value_stack) or a reader that keeps
// only what it needs (the state projector's, json/projection_reader.hpp) — the rules are these, once.
#pragma once

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <unordered_set>
#include <vector>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/error.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_stack.hpp>

#include "cellos/config.hpp"
#include "cellos/detail/utf8.hpp"
#include "cellos/json/error.hpp"

namespace cellos::json {

struct parse_limits {
    std::size_t max_bytes = config::json_max_bytes;
    std::size_t max_depth = config::json_max_depth;
};

namespace detail {

/// Where a strict parse delivers values. `boost::json::value_stack` builds the DOM; any other sink
/// gets the same events plus the structure (begin/end of objects and arrays, whole keys), so it can
/// read a path without a DOM.
template <class Sink>
inline constexpr bool builds_dom = std::is_same_v<Sink, boost::json::value_stack>;

template <class Sink>
class basic_strict_handler {
public:
    static constexpr std::size_t max_object_size = boost::json::object::max_size();
    static constexpr std::size_t max_array_size = boost::json::array::max_size();
    static constexpr std::size_t max_key_size = boost::json::string::max_size();
    static constexpr std::size_t max_string_size = boost::json::string::max_size();

    Sink stack;      ///< the values (for the DOM: Boost.JSON's value_stack)
    errc failure{};  ///< set when the handler itself stopped the parser
    std::string failure_pointer;
    std::string failure_message;

    bool on_document_begin(boost::system::error_code&) { return true; }
    bool on_document_end(boost::system::error_code&) { return true; }

    /// Ready for the next document (the parser is reused line after line by the projector).
    void reset_rules() noexcept {
        frames_.clear();
        keys_.clear();
        key_.clear();
        number_.clear();
        failure = errc{};
        failure_pointer.clear();
        failure_message.clear();
    }

    bool on_object_begin(boost::system::error_code&) {
        value_begins();
        frames_.push_back(frame{true, keys_.size(), 0, 0, nullptr});
        if constexpr (!builds_dom<Sink>) stack.begin_object();
        return true;
    }
    bool on_object_end(std::size_t n, boost::system::error_code&) {
        keys_.resize(frames_.back().first_key);
        frames_.pop_back();
        stack.push_object(n);
        return true;
    }
    bool on_array_begin(boost::system::error_code&) {
        value_begins();
        frames_.push_back(frame{false, keys_.size(), 0, 0, nullptr});
        if constexpr (!builds_dom<Sink>) stack.begin_array();
        return true;
    }
    bool on_array_end(std::size_t n, boost::system::error_code&) {
        frames_.pop_back();
        stack.push_array(n);
        return true;
    }
    bool on_key_part(boost::json::string_view s, std::size_t, boost::system::error_code&) {
        key_.append(s.data(), s.size());
        if constexpr (builds_dom<Sink>) stack.push_chars(s);
        return true;
    }
    bool on_key(boost::json::string_view s, std::size_t, boost::system::error_code& ec) {
        key_.append(s.data(), s.size());
        frame& f = frames_.back();
        if (is_duplicate(f, key_)) {
            keys_.push_back(std::move(key_));
            f.current = keys_.size() - 1;
            key_.clear();
            return fail(ec, errc::duplicate_key, "duplicate key \"" + keys_.back() + "\" (keys must be unique)");
        }
        keys_.push_back(std::move(key_));
        key_.clear();
        f.current = keys_.size() - 1;
        if (f.index) f.index->insert(keys_.back());
        if constexpr (builds_dom<Sink>) stack.push_key(s);
        else stack.push_key(std::string_view(keys_.back()));  // a reader gets the whole key
        return true;
    }
    bool on_string_part(boost::json::string_view s, std::size_t, boost::system::error_code&) {
        stack.push_chars(s);
        return true;
    }
    bool on_string(boost::json::string_view s, std::size_t, boost::system::error_code&) {
        value_begins();
        stack.push_string(s);
        return true;
    }
    bool on_number_part(boost::json::string_view s, boost::system::error_code&) {
        number_.append(s.data(), s.size());
        return true;
    }
    bool on_int64(std::int64_t i, boost::json::string_view, boost::system::error_code&) {
        number_.clear();
        value_begins();
        stack.push_int64(i);
        return true;
    }
    bool on_uint64(std::uint64_t u, boost::json::string_view, boost::system::error_code&) {
        number_.clear();
        value_begins();
        stack.push_uint64(u);
        return true;
    }
    bool on_double(double d, boost::json::string_view s, boost::system::error_code& ec) {
        value_begins();
        number_.append(s.data(), s.size());
        const double exact = correctly_rounded(d);
        if (!std::isfinite(exact)) {
            std::string text = std::move(number_);
            number_.clear();
            return fail(ec, errc::number_out_of_range, "number " + text + " is not representable as a finite double");
        }
        number_.clear();
        stack.push_double(exact);
        return true;
    }
    bool on_bool(bool b, boost::system::error_code&) {
        value_begins();
        stack.push_bool(b);
        return true;
    }
    bool on_null(boost::system::error_code&) {
        value_begins();
        stack.push_null();
        return true;
    }
    bool on_comment_part(boost::json::string_view, boost::system::error_code&) { return true; }
    bool on_comment(boost::json::string_view, boost::system::error_code&) { return true; }

    /// The JSON pointer of the value being parsed. `pending`: the innermost value has not been
    /// reported yet (a number the parser gave up on), so in an array it is the next element.
    [[nodiscard]] std::string pointer(bool pending = false) const {
        std::string p;
        for (std::size_t i = 0; i < frames_.size(); ++i) {
            const frame& f = frames_[i];
            const std::size_t count = pending && i + 1 == frames_.size() ? f.count + 1 : f.count;
            if (f.is_object) cellos::detail::append_pointer_token(p, f.current < keys_.size() ? std::string_view(keys_[f.current]) : std::string_view{});
            else cellos::detail::append_pointer_token(p, std::to_string(count == 0 ? 0 : count - 1));
        }
        return p;
    }

private:
    struct frame {
        bool is_object;
        std::size_t first_key;  // object: its keys are keys_[first_key, keys_.size())
        std::size_t current;    // object: index in keys_ of the member being parsed
        std::size_t count;      // array: values seen so far
        std::unique_ptr<std::unordered_set<std::string_view>> index;  // only for large objects
    };

    // Small objects (the common case) are checked by a linear scan; past this size a hash index
    // is built once, so a 100k-member object costs O(n), not O(n^2).
    static constexpr std::size_t linear_scan_limit = 16;

    bool is_duplicate(frame& f, const std::string& key) {
        const std::size_t n = keys_.size() - f.first_key;
        if (!f.index && n < linear_scan_limit) {
            for (std::size_t i = f.first_key; i < keys_.size(); ++i)
                if (keys_[i] == key) return true;
            return false;
        }
        if (!f.index) {
            f.index = std::make_unique<std::unordered_set<std::string_view>>();
            for (std::size_t i = f.first_key; i < keys_.size(); ++i) f.index->insert(keys_[i]);
        }
        return f.index->count(key) != 0;
    }

    // Boost.JSON 1.81 reads some decimals one ULP off (333333333.33333329) and the largest doubles
    // as Infinity (1.7976931348623158e308); std::from_chars rounds correctly, as JSON.parse does.
    double correctly_rounded(double boost_reading) const noexcept {
        double d = boost_reading;
        const auto r = std::from_chars(number_.data(), number_.data() + number_.size(), d);
        if (r.ec == std::errc::result_out_of_range)  // overflow stays infinite, underflow keeps Boost's 0
            return std::fabs(boost_reading) >= 1 ? HUGE_VAL : boost_reading;
        if (r.ec != std::errc{} || r.ptr != number_.data() + number_.size()) return boost_reading;  // not reached
        return d;
    }

    void value_begins() {
        if (!frames_.empty() && !frames_.back().is_object) ++frames_.back().count;
    }
    bool fail(boost::system::error_code& ec, errc code, std::string message) {
        failure = code;
        failure_pointer = pointer();
        failure_message = std::move(message);
        ec = make_error_code(code);
        return false;
    }

    std::vector<frame> frames_;
    std::deque<std::string> keys_;  // deque: string_views into it stay valid as it grows
    std::string key_;
    std::string number_;  // the literal of the number being parsed
};

using strict_handler = basic_strict_handler<boost::json::value_stack>;

[[nodiscard]] inline boost::json::parse_options strict_options(const parse_limits& limits) noexcept {
    boost::json::parse_options options;
    options.max_depth = limits.max_depth;
    return options;
}

}  // namespace detail

/// The strict parser, reusable document after document (its buffers are kept): each parse()
/// delivers one document's values to the sink, or returns the first rule it breaks. Never throws
/// on bad input.
template <class Sink>
class strict_parser {
public:
    explicit strict_parser(const parse_limits& limits = {}) : limits_(limits), parser_(detail::strict_options(limits)) {}

    [[nodiscard]] Sink& sink() noexcept { return parser_.handler().stack; }

    /// Parses `text` as one JSON document under the limits; nullopt when it is one.
    [[nodiscard]] std::optional<problem> parse(std::string_view text) {
        const parse_limits& limits = limits_;
        if (text.size() > limits.max_bytes)
            return make_problem(errc::input_too_large, "",
                                "document is " + std::to_string(text.size()) + " bytes; the limit is " +
                                    std::to_string(limits.max_bytes));
        // Boost.JSON validates the UTF-8 of every string and key, and any other byte outside ASCII is a
        // syntax error: a document it accepts is valid UTF-8. So the scan for the first invalid byte
        // (for its precise error) runs only on documents it refuses — not on every good line.
        const auto utf8_problem = [&]() -> std::optional<problem> {
            if (const auto bad = cellos::detail::first_invalid_utf8(text))
                return make_problem(errc::invalid_utf8, "", "invalid UTF-8 at byte offset " + std::to_string(*bad));
            return std::nullopt;
        };
        try {
            parser_.reset();
            detail::basic_strict_handler<Sink>& h = parser_.handler();
            h.reset_rules();
            boost::system::error_code ec;
            const std::size_t used = parser_.write_some(false, text.data(), text.size(), ec);
            if ((ec || h.failure != errc{} || used != text.size()) && utf8_problem()) return utf8_problem();
            if (h.failure != errc{}) return make_problem(h.failure, h.failure_pointer, h.failure_message);
            if (ec == boost::json::error::too_deep)
                return make_problem(errc::nesting_too_deep, "", "nesting deeper than " + std::to_string(limits.max_depth) + " levels");
            // 1e99999999999999999999 (or e-…): a number whose exponent Boost.JSON cannot hold. Our choice:
            // refused as out of range whatever its sign; JSON.parse would read the negative one as 0.
            if (ec == boost::json::error::exponent_overflow)
                return make_problem(errc::number_out_of_range, h.pointer(true),
                                    "number before byte offset " + std::to_string(used) + " has an exponent out of range");
            if (ec)
                return make_problem(errc::malformed_json, "", "malformed JSON at byte offset " + std::to_string(used) + ": " + ec.message());
            if (used != text.size())  // write_some stops after one document; anything else is not JSON
                return make_problem(errc::malformed_json, "", "unexpected data after the document at byte offset " + std::to_string(used));
            return std::nullopt;
        } catch (const std::bad_alloc&) {
            return make_problem(errc::input_too_large, "", "out of memory while parsing");
        } catch (const std::exception& e) {  // value_stack may throw length_error on absurd sizes
            return make_problem(errc::malformed_json, "", e.what());
        }
    }

private:
    parse_limits limits_;
    boost::json::basic_parser<detail::basic_strict_handler<Sink>> parser_;
};

/// Parses `text` as one JSON document under `limits`. Never throws on bad input.
[[nodiscard]] inline checked<boost::json::value> parse_strict(std::string_view text,
                                                                   const parse_limits& limits = {}) {
    strict_parser<boost::json::value_stack> parser(limits);
    parser.sink().reset();
    if (auto p = parser.parse(text)) return std::move(*p);
    try {
        return parser.sink().release();
    } catch (const std::exception&) {
        return make_problem(errc::input_too_large, "", "out of memory while parsing");
    }
}

}  // namespace cellos::json
