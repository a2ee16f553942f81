// cellos/trust/signed_replay.hpp — signed envelopes in the state projector. Doctrine D1 (upstream
// event_decode, CONFIRMED): verification is opt-in. Without keys a signed envelope is unwrapped and
// its inner event projected; with keys every signed envelope must verify (fail closed), and raw
// events are still accepted unless require_signed. `signed_replay` feeds a jsonl_projector in
// batches: the signatures of a batch are verified on every core (map_parallel) while the events are
// applied in log order, so the projection is the same as a one-core replay, only faster.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cellos/json/projector.hpp"
#include "cellos/trust/batch.hpp"
#include "cellos/trust/signed_event.hpp"
#include "cellos/trust/verify_keys.hpp"

namespace cellos::trust {

/// One signed envelope line opened: verified against `keys` when given, else unwrapped unverified.
/// Pointers of a refusal are into the line (under /data for a transport event).
[[nodiscard]] inline checked<json::unwrapped_event> open_signed_line(std::string_view text, const keyring* keys) {
    BOOST_OUTCOME_TRY(received_envelope received, parse_received_envelope(text));
    if (keys == nullptr) return json::unwrapped_event{std::move(received.envelope.event), false};
    auto verified = verify_signed_event_envelope(std::move(received.envelope), *keys);
    if (!verified) {
        problem p = std::move(verified).error();
        p.pointer.insert(0, received.base);
        return p;
    }
    return json::unwrapped_event{verified_event(verified.value()), true};
}

/// A jsonl_projector fed in batches whose signed lines are opened in parallel first.
class signed_replay {
public:
    /// Lines a batch holds by default (or 16 MiB): smaller batches pay a thread start and cold
    /// caches too often — 512 lines gave 1.1x on 2 cores, 4096 gave 1.7x (bench/replay.py).
    static constexpr std::size_t default_batch_lines = 4096;

    /// `keys` may be null (no verification); `threads` 0 means every core.
    signed_replay(json::jsonl_projector& projector, const keyring* keys, std::size_t threads = 0,
                  std::size_t batch_lines = default_batch_lines)
        : projector_(projector), keys_(keys), threads_(threads), batch_lines_(batch_lines == 0 ? 1 : batch_lines) {}

    /// Queues one line; a full batch (batch_lines, or 16 MiB) is projected at once. False once the
    /// projector has stopped (strict mode): later lines are not read.
    template <class Report>
    bool line(const json::jsonl_line& l, Report&& report) {
        if (stopped_) return false;
        batch_.push_back(item{l.number, std::string(l.text), l.too_long});
        bytes_ += l.text.size();
        if (batch_.size() >= batch_lines_ || bytes_ >= (std::size_t{16} << 20)) flush(report);
        return !stopped_;
    }

    /// Projects what is queued.
    template <class Report>
    void flush(Report&& report) {
        // Only lines that may be signed envelopes are opened ahead (the reader decides for sure in
        // order; a line it finds signed without an opened result is opened then, on this thread).
        const auto opened = map_parallel(
            batch_.size(),
            [&](std::size_t i) -> checked<opened_line> {
                opened_line o;
                if (batch_[i].too_long || batch_[i].text.find("signed_envelope.v1") == std::string::npos) return o;
                o.attempted = true;
                auto r = open_signed_line(batch_[i].text, keys_);
                if (r) o.event.emplace(std::move(r).value());
                else o.error.emplace(std::move(r).error());
                return o;
            },
            threads_);
        for (std::size_t i = 0; i < batch_.size() && !stopped_; ++i) {
            const item& it = batch_[i];
            const auto unwrap = [&](std::string_view text, std::size_t) -> checked<json::unwrapped_event> {
                if (!opened[i]) return opened[i].error();  // the batch itself failed (out of memory)
                const opened_line& o = opened[i].value();
                if (!o.attempted) return open_signed_line(text, keys_);
                if (o.error) return *o.error;
                return *o.event;
            };
            const json::jsonl_line l{it.number, it.too_long ? std::string_view{} : std::string_view(it.text), it.too_long};
            if (!projector_.line(l, unwrap, report)) stopped_ = true;
        }
        batch_.clear();
        bytes_ = 0;
    }

    [[nodiscard]] bool stopped() const noexcept { return stopped_; }

private:
    struct opened_line {
        bool attempted = false;
        std::optional<json::unwrapped_event> event;
        std::optional<problem> error;
    };
    struct item {
        std::size_t number;
        std::string text;
        bool too_long;
    };
    json::jsonl_projector& projector_;
    const keyring* keys_;
    std::size_t threads_;
    std::size_t batch_lines_;
    std::vector<item> batch_;
    std::size_t bytes_ = 0;
    bool stopped_ = false;
};

}  // namespace cellos::trust
