// cellos/spec/run.hpp — what a cell executes (spec.run) and the cgroup limits it runs under.
// RunLimits has exactly upstream's three members; cpuMax.periodMicros defaults to 100000 µs.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "cellos/detail/enum_table.hpp"
#include "cellos/detail/fields.hpp"
#include "cellos/spec/storage.hpp"

namespace cellos {

/// How secrets reach the workload. "env" is upstream's; the runtime variants are our wire names.
enum class secret_delivery_mode { env, runtime_broker, runtime_leased_broker };

template <>
struct detail::enum_names<secret_delivery_mode> {
    static constexpr std::array<std::string_view, 3> wire{"env", "runtimeBroker", "runtimeLeasedBroker"};
};

/// cgroup v2 cpu.max default period when the spec omits it (upstream).
inline constexpr std::uint64_t default_cpu_period_micros = 100000;

struct run_cpu_max {
    std::uint64_t quota_micros{};
    std::optional<std::uint64_t> period_micros{};

    [[nodiscard]] constexpr std::uint64_t effective_period_micros() const noexcept {
        return period_micros.value_or(default_cpu_period_micros);
    }
    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"quotaMicros", &run_cpu_max::quota_micros},
                          detail::field{"periodMicros", &run_cpu_max::period_micros}};
    }
    friend constexpr bool operator==(const run_cpu_max&, const run_cpu_max&) = default;
};

struct run_limits {
    std::optional<std::uint64_t> memory_max_bytes{};
    std::optional<run_cpu_max> cpu_max{};
    std::optional<std::uint32_t> graceful_shutdown_seconds{};

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"memoryMaxBytes", &run_limits::memory_max_bytes},
                          detail::field{"cpuMax", &run_limits::cpu_max},
                          detail::field{"gracefulShutdownSeconds", &run_limits::graceful_shutdown_seconds}};
    }
    friend constexpr bool operator==(const run_limits&, const run_limits&) = default;
};

template <Storage S = runtime_storage>
struct basic_run_spec {
    typename S::template list<typename S::string> argv{};
    secret_delivery_mode secret_delivery{};
    std::optional<typename S::string> working_directory{};
    std::optional<std::uint64_t> timeout_ms{};
    std::optional<run_limits> limits{};

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"argv", &basic_run_spec::argv},
                          detail::field{"secretDelivery", &basic_run_spec::secret_delivery},
                          detail::field{"workingDirectory", &basic_run_spec::working_directory},
                          detail::field{"timeoutMs", &basic_run_spec::timeout_ms},
                          detail::field{"limits", &basic_run_spec::limits}};
    }
    friend constexpr bool operator==(const basic_run_spec&, const basic_run_spec&) = default;
};

using run_spec = basic_run_spec<>;

}  // namespace cellos
