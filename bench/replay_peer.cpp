// bench/replay_peer.cpp — the C++ twin of shared/peers/rust-projector, same CLI and summary keys, so
// that shared/peers/bench.sh runs both on one log (bench/replay.sh interleaves them):
//   replay_peer LOG.jsonl               the projector: jsonl_projector (strict read + dedupe + apply)
//   replay_peer --typed-only LOG.jsonl  projection_reader only (strict read, no dedupe, no apply)
//   replay_peer --parse-only LOG.jsonl  raw Boost.JSON: boost::json::parser into a reused monotonic
//                                       buffer, one DOM per line (the baseline of issue 11 §3)
//   replay_peer --make-signed LOG OUT KEYS  every event of LOG signed (Ed25519, a new key) as a
//                                       transport line of OUT; KEYS receives the trust-key file
// The timer starts after open() and stops after the last line, as the peer's; the state-total
// pass is timed apart (summarySeconds). Reading: read(2) in 1 MiB chunks through jsonl_splitter.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parser.hpp>
#include <boost/json/serialize.hpp>

#include "cellos/json/jsonl.hpp"
#include "cellos/json/projection.hpp"
#include "cellos/json/projector.hpp"
#include "cellos/trust/signed_event.hpp"

namespace {

template <class OnChunk>
bool read_file(int fd, OnChunk&& on_chunk, std::size_t& bytes) {
    std::vector<char> buffer(std::size_t{1} << 20);
    for (;;) {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n < 0) return false;
        if (n == 0) return true;
        bytes += static_cast<std::size_t>(n);
        on_chunk(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
    }
}

}  // namespace

/// Signs every event of `in` (one key, kid "bench") into transport lines of `out`.
int make_signed(const char* in, const char* out, const char* keys) {
    auto key = cellos::trust::generate_ed25519_key();
    if (!key) return 2;
    auto pub = cellos::trust::ed25519_public_key_of(key.value());
    if (!pub) return 2;
    std::FILE* k = std::fopen(keys, "w");
    std::FILE* o = std::fopen(out, "w");
    const int fd = ::open(in, O_RDONLY | O_CLOEXEC);
    if (k == nullptr || o == nullptr || fd < 0) return 2;
    std::fprintf(k, "{\"bench\":\"%s\"}\n", pub.value().to_base64url().c_str());
    std::fclose(k);
    cellos::json::jsonl_splitter splitter(cellos::config::json_max_bytes);
    std::size_t bytes = 0, n = 0;
    const auto on_line = [&](const cellos::json::jsonl_line& l) {
        auto e = cellos::json::parse_cloud_event(l.text);
        if (!e) return;
        auto env = cellos::trust::sign_event_ed25519(e.value(), "bench", key.value());
        if (!env) return;
        auto t = cellos::trust::to_transport_event(env.value(), "urn:cellos:signed:" + std::to_string(++n), "//cellos/signer");
        if (!t) return;
        auto text = cellos::json::to_text(t.value());
        if (text) std::fprintf(o, "%s\n", text.value().c_str());
    };
    read_file(fd, [&](std::string_view c) { splitter.feed(c, on_line); }, bytes);
    splitter.finish(on_line);
    ::close(fd);
    std::fclose(o);
    return 0;
}

int main(int argc, char** argv) {
    if (argc == 5 && std::string_view(argv[1]) == "--make-signed") return make_signed(argv[2], argv[3], argv[4]);
    std::string mode = "project";
    const char* path = nullptr;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--parse-only") mode = "parse-only";
        else if (a == "--typed-only") mode = "typed-only";
        else if (a == "--version" || a == "-V") {
            std::puts("replay_peer (cellos-core C++)");
            return 0;
        } else path = argv[i];
    }
    if (path == nullptr) {
        std::fputs("usage: replay_peer [--parse-only|--typed-only] LOG.jsonl\n", stderr);
        return 2;
    }
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        std::perror(path);
        return 2;
    }
    const auto t0 = std::chrono::steady_clock::now();
    std::size_t bytes = 0, lines = 0, malformed = 0;
    cellos::json::jsonl_splitter splitter(cellos::config::json_max_bytes);
    boost::json::object summary;
    bool ok = true;
    double summary_seconds = 0;
    if (mode == "parse-only") {
        unsigned char storage[8192];
        boost::json::parser parser;
        const auto on_line = [&](const cellos::json::jsonl_line& l) {
            ++lines;
            boost::json::monotonic_resource mr(storage, sizeof storage);
            parser.reset(&mr);
            boost::system::error_code ec;
            parser.write(l.text.data(), l.text.size(), ec);
            if (ec) ++malformed;
            else {
                const boost::json::value v = parser.release();
                if (!v.is_object()) ++malformed;
            }
        };
        ok = read_file(fd, [&](std::string_view c) { splitter.feed(c, on_line); }, bytes);
        splitter.finish(on_line);
    } else if (mode == "typed-only") {
        cellos::json::projection_reader reader;
        const auto on_line = [&](const cellos::json::jsonl_line& l) {
            ++lines;
            if (l.too_long || reader.read(l.text).kind == cellos::json::projection_line_kind::malformed) ++malformed;
        };
        ok = read_file(fd, [&](std::string_view c) { splitter.feed(c, on_line); }, bytes);
        splitter.finish(on_line);
    } else {
        cellos::json::jsonl_projector projector;
        struct stat st {};
        if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) projector.fleet().reserve(static_cast<std::size_t>(st.st_size) / 400);
        const auto unwrap = [](std::string_view, std::size_t) -> cellos::checked<cellos::json::unwrapped_event> {
            return cellos::make_problem(cellos::errc::signature_invalid, "", "the peer twin does not read signed envelopes");
        };
        const auto report = [](std::size_t, const cellos::problem&) {};
        const auto on_line = [&](const cellos::json::jsonl_line& l) { projector.line(l, unwrap, report); };
        ok = read_file(fd, [&](std::string_view c) { splitter.feed(c, on_line); }, bytes);
        splitter.finish(on_line);
        const auto t1 = std::chrono::steady_clock::now();
        summary = cellos::json::summary_to_value(projector.fleet());
        summary_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
        lines = projector.fleet().counts().events_read;
        malformed = projector.fleet().counts().malformed;
        const double elapsed = std::chrono::duration<double>(t1 - t0).count();
        summary["mode"] = mode;
        summary["file"] = path;
        summary["bytes"] = bytes;
        summary["elapsedSeconds"] = elapsed;
        summary["eventsPerSecond"] = static_cast<double>(lines) / elapsed;
        summary["mbPerSecond"] = static_cast<double>(bytes) / 1e6 / elapsed;
        summary["summarySeconds"] = summary_seconds;
    }
    ::close(fd);
    if (!ok) {
        std::perror(path);
        return 2;
    }
    if (mode != "project") {
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        summary = boost::json::object{{"mode", mode},
                                      {"file", path},
                                      {"bytes", bytes},
                                      {"eventsRead", lines},
                                      {"malformed", malformed},
                                      {"elapsedSeconds", elapsed},
                                      {"eventsPerSecond", static_cast<double>(lines) / elapsed},
                                      {"mbPerSecond", static_cast<double>(bytes) / 1e6 / elapsed}};
    }
    std::puts(boost::json::serialize(summary).c_str());
    return 0;
}
