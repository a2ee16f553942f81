// bench/timing.hpp — the one timing loop of the single-function benchmarks: best of 5 runs, in
// nanoseconds per call; results feed a volatile sink so the optimiser cannot drop the work.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>

namespace cellos::bench {

inline volatile std::size_t sink = 0;

template <class F>
double ns_per_call(std::size_t iterations, F&& f) {
    double best = 1e300;
    for (int run = 0; run < 5; ++run) {
        const auto t0 = std::chrono::steady_clock::now();
        for (std::size_t i = 0; i < iterations; ++i) sink = sink + f();
        const auto t1 = std::chrono::steady_clock::now();
        best = std::min(best, std::chrono::duration<double, std::nano>(t1 - t0).count() / static_cast<double>(iterations));
    }
    return best;
}

}  // namespace cellos::bench
