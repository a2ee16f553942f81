// cellos/json/jsonl_file_sink.hpp — an EventSink that appends each event to a JSON Lines file
// (upstream's JSONL sink): one compact line per event, written by the one CloudEvents encoder
// (json/cloud_event.hpp), so what it writes reads back with parse_cloud_event_jsonl. The file is
// opened on the first emit (a composition may build sinks it never uses), never through a symlink,
// created 0600 (events name cells, tenants and hosts).
#pragma once

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <exception>
#include <string>
#include <string_view>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cellos/config.hpp"
#include "cellos/detail/debug_quoted.hpp"
#include "cellos/json/cloud_event.hpp"
#include "cellos/ports/concepts.hpp"

namespace cellos::json {

/// Largest event line (without its "\n") the sink writes: the JSON boundary's document limit, so
/// every line written is a line the strict reader accepts (CELLOS_JSON_MAX_BYTES, default 1 MiB).
inline constexpr std::size_t jsonl_sink_max_event_bytes = config::json_max_bytes;

/// Appends events to `path`. Move-only (it owns a descriptor). Refusals, all without exceptions:
/// the encoder's (an invalid event, its own code and rule); an encoded event over
/// jsonl_sink_max_event_bytes, or JSON data over it (event_sink_error, rule eventTooLarge), before
/// any byte is written or the file is opened; open and write failures (event_sink_error), whose message starts with
/// "sink full: " when the cause is ENOSPC. A write that fails half-way leaves a torn line: the next
/// emit starts with "\n" so that only that fragment, not the next event too, is unreadable.
class jsonl_file_sink {
public:
    explicit jsonl_file_sink(std::string path) noexcept : path_(std::move(path)) {}
    jsonl_file_sink(jsonl_file_sink&& other) noexcept
        : path_(std::move(other.path_)), fd_(std::exchange(other.fd_, -1)), torn_(other.torn_) {}
    jsonl_file_sink& operator=(jsonl_file_sink&& other) noexcept {
        if (this != &other) {
            close();
            path_ = std::move(other.path_);
            fd_ = std::exchange(other.fd_, -1);
            torn_ = other.torn_;
        }
        return *this;
    }
    jsonl_file_sink(const jsonl_file_sink&) = delete;  // two owners of one descriptor
    jsonl_file_sink& operator=(const jsonl_file_sink&) = delete;
    ~jsonl_file_sink() { close(); }

    [[nodiscard]] checked<void> emit(const cloud_event_v1& event) noexcept {
        try {
            auto text = to_text(event);
            // The encoder parses JSON data under the same byte limit: its input_too_large is an
            // oversized event too, and is reported as one.
            if (!text && text.error().code == errc::input_too_large) return too_large("its data exceeds");
            if (!text) return std::move(text).error();
            if (text.value().size() > jsonl_sink_max_event_bytes)
                return too_large("its " + std::to_string(text.value().size()) + " bytes exceed");
            if (fd_ < 0) {
                fd_ = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, S_IRUSR | S_IWUSR);
                if (fd_ < 0) return failure(errno, "cannot open");
            }
            std::string line;
            line.reserve(text.value().size() + 2);
            if (torn_) line += '\n';
            line += text.value();
            line += '\n';
            return write_all(line);
        } catch (const std::exception& e) {
            return make_problem(errc::event_sink_error, "", std::string("jsonl sink: ") + e.what(), "sinkIo");
        }
    }

    [[nodiscard]] const std::string& path() const noexcept { return path_; }
    [[nodiscard]] bool is_open() const noexcept { return fd_ >= 0; }

private:
    [[nodiscard]] checked<void> write_all(std::string_view line) {
        std::size_t done = 0;
        while (done < line.size()) {
            const ssize_t n = ::write(fd_, line.data() + done, line.size() - done);
            if (n < 0) {
                if (errno == EINTR) continue;
                const int err = errno;
                torn_ = torn_ || done > 0;
                return failure(err, "cannot write to");
            }
            done += static_cast<std::size_t>(n);  // a short write: the loop writes the rest
        }
        torn_ = false;
        return boost::outcome_v2::success();
    }

    [[nodiscard]] static problem too_large(const std::string& what) {
        return make_problem(errc::event_sink_error, "",
                            "event refused: " + what + " the sink's limit of " + std::to_string(jsonl_sink_max_event_bytes) + " bytes",
                            "eventTooLarge");
    }

    [[nodiscard]] problem failure(int err, std::string_view what) const {
        std::string message = std::string(err == ENOSPC ? "sink full: " : "jsonl sink: ") + std::string(what) + " " +
                              cellos::detail::debug_quoted(path_) + ": " + std::strerror(err);
        return make_problem(errc::event_sink_error, "", std::move(message), err == ENOSPC ? "sinkFull" : "sinkIo");
    }

    void close() noexcept {
        if (fd_ >= 0) ::close(std::exchange(fd_, -1));
    }

    std::string path_;
    int fd_ = -1;
    bool torn_ = false;
};

static_assert(EventSink<jsonl_file_sink>);

}  // namespace cellos::json
