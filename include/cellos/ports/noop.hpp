// cellos/ports/noop.hpp — port implementations that do nothing, for compositions that lack a real
// one. Each either drops harmlessly or refuses: a noop never claims something happened. Only
// NoopSecretBroker is upstream (CONFIRMED); the other three are our choice (docs/ports.md#noops).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cellos/detail/debug_quoted.hpp"
#include "cellos/ports/concepts.hpp"

namespace cellos {

/// Drops every event and succeeds: for compositions that do not observe (tests, dry runs).
struct noop_event_sink {
    [[nodiscard]] checked<void> emit(const cloud_event_v1&) const noexcept { return boost::outcome_v2::success(); }
};

/// Fails closed (upstream NoopSecretBroker, "use when the workload has no secretRefs"): resolve
/// always refuses with upstream's message, so a cell that needs a secret never starts without it;
/// revoke_for_cell has nothing to revoke and succeeds.
struct noop_secret_broker {
    [[nodiscard]] checked<secret_view> resolve(std::string_view key, std::string_view /*cell_id*/, std::uint64_t /*ttl_seconds*/) const {
        return make_problem(errc::secret_broker_error, "",
                            "NoopSecretBroker: cannot resolve " + detail::debug_quoted(key) +
                                " (use MemorySecretBroker or a real broker)",
                            "noopSecretBroker");
    }
    [[nodiscard]] checked<void> revoke_for_cell(std::string_view /*cell_id*/) const noexcept { return boost::outcome_v2::success(); }
};

/// Fails closed (our choice): a receipt is a proof of delivery, and a sink that drops the artifact
/// cannot give one. push refuses with export_sink_error; no target kind, no destination.
struct noop_export_sink {
    [[nodiscard]] checked<export_receipt> push(std::string_view name, std::string_view /*path*/,
                                               const export_artifact_metadata& /*metadata*/) const {
        return make_problem(errc::export_sink_error, "",
                            "NoopExportSink: cannot push " + detail::debug_quoted(name) + " (no export sink is configured)",
                            "noopExportSink");
    }
};

/// Fails closed (our choice): there is no model to answer, and an invented response would be
/// taken for one. infer refuses with inference_broker_error.
struct noop_inference_broker {
    [[nodiscard]] checked<inference_response> infer(const inference_request& request) const {
        return make_problem(errc::inference_broker_error, "",
                            "NoopInferenceBroker: cannot infer with model " + detail::debug_quoted(request.model) +
                                " (no inference broker is configured)",
                            "noopInferenceBroker");
    }
};

static_assert(EventSink<noop_event_sink>);
static_assert(SecretBroker<noop_secret_broker>);
static_assert(ExportSink<noop_export_sink>);
static_assert(InferenceBroker<noop_inference_broker>);

}  // namespace cellos
