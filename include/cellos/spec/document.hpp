// cellos/spec/document.hpp — ExecutionCellSpec and its envelope ExecutionCellDocument
// (apiVersion "cellos.io/v1", kind "ExecutionCell"). Member order here is the order of output.
#pragma once

#include <optional>
#include <string_view>

#include "cellos/detail/fields.hpp"
#include "cellos/spec/document_envelope.hpp"
#include "cellos/spec/authority_bundle.hpp"
#include "cellos/spec/context.hpp"
#include "cellos/spec/export.hpp"
#include "cellos/spec/ingress.hpp"
#include "cellos/spec/run.hpp"
#include "cellos/spec/storage.hpp"

namespace cellos {

inline constexpr std::string_view api_version_v1 = "cellos.io/v1";
inline constexpr std::string_view execution_cell_kind = "ExecutionCell";

template <Storage S = runtime_storage>
struct basic_execution_cell_spec {
    typename S::string id{};
    std::optional<basic_correlation<S>> correlation{};
    std::optional<basic_ingress<S>> ingress{};
    std::optional<basic_environment_spec<S>> environment{};
    std::optional<basic_placement_spec<S>> placement{};
    std::optional<basic_policy_ref<S>> policy{};
    std::optional<basic_workload_identity<S>> identity{};
    basic_authority_bundle<S> authority{};
    cellos::lifetime lifetime{};
    std::optional<basic_run_spec<S>> run{};
    std::optional<basic_export_channels<S>> export_{};
    std::optional<basic_telemetry_spec<S>> telemetry{};

    static constexpr auto wire_fields() {
        using T = basic_execution_cell_spec;
        return std::tuple{detail::field{"id", &T::id},
                          detail::field{"correlation", &T::correlation},
                          detail::field{"ingress", &T::ingress},
                          detail::field{"environment", &T::environment},
                          detail::field{"placement", &T::placement},
                          detail::field{"policy", &T::policy},
                          detail::field{"identity", &T::identity},
                          detail::field{"authority", &T::authority},
                          detail::field{"lifetime", &T::lifetime},
                          detail::field{"run", &T::run},
                          detail::field{"export", &T::export_},
                          detail::field{"telemetry", &T::telemetry}};
    }
    friend constexpr bool operator==(const basic_execution_cell_spec&, const basic_execution_cell_spec&) = default;
};

template <Storage S = runtime_storage>
using basic_execution_cell_document = basic_document<basic_execution_cell_spec, S>;

using execution_cell_spec = basic_execution_cell_spec<runtime_storage>;
using execution_cell_document = basic_execution_cell_document<runtime_storage>;
using static_execution_cell_spec = basic_execution_cell_spec<constexpr_storage>;
using static_execution_cell_document = basic_execution_cell_document<constexpr_storage>;

}  // namespace cellos
