// cellos/json/jsonl.hpp — JSON Lines, split incrementally: bytes in (any chunking), complete lines
// out. Memory is one line (at most `max_line_bytes`) whatever the stream holds, so a reader of an
// endless or hostile stream stays bounded; every JSON Lines consumer (event validation, the
// projector, signed-stream verification) splits with this one class. No I/O here: the caller reads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "cellos/config.hpp"

namespace cellos::json {

/// One line of a JSON Lines stream, without its "\n" (and without a "\r" before it).
struct jsonl_line {
    std::size_t number = 0;    ///< 1-based, blank lines counted
    std::string_view text{};   ///< valid until the next feed()/finish(); empty when too_long
    bool too_long = false;     ///< longer than max_line_bytes: its bytes were discarded, not kept
};

/// Splits a stream at '\n'. Blank lines (only ' ', '\t', '\r') are skipped and counted, not
/// delivered (our choice, docs/events.md: a blank line between events is not an event). A line over
/// the limit is delivered once, as too_long, as soon as the limit is passed; its remaining bytes are
/// skipped. A final line without '\n' is delivered by finish().
class jsonl_splitter {
public:
    explicit jsonl_splitter(std::size_t max_line_bytes = config::json_max_bytes) noexcept : max_(max_line_bytes) {}

    /// Delivers every line completed by `chunk` to `on_line(const jsonl_line&)`.
    template <class F>
    void feed(std::string_view chunk, F&& on_line) {
        while (!chunk.empty()) {
            const std::size_t nl = chunk.find('\n');
            if (nl == std::string_view::npos) {  // a partial line: keep it for the next chunk
                stash(chunk, on_line);
                return;
            }
            const std::string_view part = chunk.substr(0, nl);
            chunk.remove_prefix(nl + 1);
            if (buffer_.empty() && !too_long_) {
                deliver(part, on_line);  // the whole line lies in this chunk: read in place
            } else {
                stash(part, on_line);
                deliver(buffer_, on_line);
            }
            reset();
        }
    }

    /// Delivers the last line when the stream did not end with '\n'.
    template <class F>
    void finish(F&& on_line) {
        if (started_) deliver(buffer_, on_line);
        reset();
    }

    [[nodiscard]] std::size_t lines() const noexcept { return lines_; }  ///< lines seen, blank ones included
    [[nodiscard]] std::size_t blank() const noexcept { return blank_; }  ///< blank lines skipped
    /// Bytes held for a line that spans chunks (the buffer's capacity): at most about one line.
    [[nodiscard]] std::size_t buffered() const noexcept { return buffer_.capacity(); }

private:
    template <class F>
    void stash(std::string_view part, F& on_line) {
        started_ = true;
        if (too_long_) return;  // already delivered: skip to the end of the line
        if (buffer_.size() + part.size() > max_ + 1) {  // + 1: room for a "\r" before the "\n"
            too_long_ = true;
            buffer_.clear();
            on_line(jsonl_line{lines_ + 1, {}, true});
            return;
        }
        buffer_.append(part);
    }

    template <class F>
    void deliver(std::string_view text, F& on_line) {
        ++lines_;
        if (too_long_) return;
        if (text.ends_with('\r')) text.remove_suffix(1);
        if (text.size() > max_) on_line(jsonl_line{lines_, {}, true});
        else if (text.find_first_not_of(" \t\r") == std::string_view::npos) ++blank_;
        else on_line(jsonl_line{lines_, text, false});
    }

    void reset() noexcept {
        buffer_.clear();  // keeps its capacity: at most one line's worth
        too_long_ = false;
        started_ = false;
    }

    std::size_t max_;
    std::string buffer_;  // the current line, when it spans chunks
    bool started_ = false;
    bool too_long_ = false;
    std::size_t lines_ = 0;
    std::size_t blank_ = 0;
};

}  // namespace cellos::json
