// cellos/trust/batch.hpp — many independent checks spread over the machine's cores, results in
// input order. Verification shares no mutable state (providers are stateless, resolvers are read
// only), so a batch splits into contiguous slices, one per thread; the caller applies the results
// in order (a projector replaying a signed log keeps log order). std::thread, not an executor: the
// library stays free of a runtime; a caller with its own pool calls the per-item function itself.
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <new>
#include <optional>
#include <span>
#include <thread>
#include <utility>
#include <vector>

#include "cellos/problem.hpp"
#include "cellos/trust/crypto_provider.hpp"
#include "cellos/trust/keyring.hpp"
#include "cellos/trust/signed_event.hpp"

namespace cellos::trust {

/// Below this many items per thread a batch runs on fewer threads: starting a thread costs about
/// as much as one Ed25519 verification (our measurement, bench/verify_bench.cpp).
inline constexpr std::size_t min_batch_items_per_thread = 16;

/// The number of threads a batch of `n` items uses when `threads` are allowed (0: every core).
[[nodiscard]] inline std::size_t batch_threads(std::size_t n, std::size_t threads = 0) noexcept {
    if (threads == 0) threads = std::max<std::size_t>(1, std::thread::hardware_concurrency());
    return std::max<std::size_t>(1, std::min(threads, n / min_batch_items_per_thread));
}

/// `f(i)` for every i in [0, n), on up to `threads` threads (0: every core), each thread a contiguous
/// slice; returns the results in index order. `f` must be safe to call concurrently and return a
/// checked<T>. An exception from `f` (in this library only std::bad_alloc) becomes that item's
/// crypto_failure problem: a batch never loses an item.
template <class F>
[[nodiscard]] auto map_parallel(std::size_t n, F&& f, std::size_t threads = 0) -> std::vector<decltype(f(std::size_t{}))> {
    using R = decltype(f(std::size_t{}));
    std::vector<std::optional<R>> slots(n);
    const auto run = [&](std::size_t begin, std::size_t end) noexcept {
        for (std::size_t i = begin; i < end; ++i) {
            try {
                slots[i].emplace(f(i));
            } catch (const std::exception& e) {
                slots[i].emplace(make_problem(errc::crypto_failure, "", std::string("verification failed: ") + e.what()));
            }
        }
    };
    const std::size_t t = batch_threads(n, threads);
    if (t <= 1) {
        run(0, n);
    } else {
        std::vector<std::jthread> pool;
        pool.reserve(t - 1);
        for (std::size_t k = 1; k < t; ++k) pool.emplace_back(run, n * k / t, n * (k + 1) / t);
        run(0, n / t);  // this thread takes the first slice
    }                   // jthreads join here
    std::vector<R> out;
    out.reserve(n);
    for (auto& s : slots) out.push_back(std::move(*s));
    return out;
}

/// verify_signed_event_envelope over a batch on up to `threads` threads (0: every core), results in
/// input order, each exactly what the single call returns.
template <KeyResolver R, CryptoProvider P = cryptopp_provider>
[[nodiscard]] std::vector<checked<verified<signed_event_envelope_v1>>> verify_signed_event_envelopes(
    std::span<const signed_event_envelope_v1> batch, const R& keys, std::size_t threads = 0, const P& provider = {}) {
    return map_parallel(batch.size(), [&](std::size_t i) { return verify_signed_event_envelope(batch[i], keys, provider); }, threads);
}

}  // namespace cellos::trust
