// cellos/spec/document_envelope.hpp — the envelope every CellOS document shares, written once:
// {"apiVersion", "kind", "spec"} around a spec of the same storage. ExecutionCellDocument,
// PolicyPackDocument and AuthorizationPolicyDocument are this template (aliases next to their specs).
#pragma once

#include <tuple>

#include "cellos/detail/fields.hpp"
#include "cellos/spec/storage.hpp"

namespace cellos {

template <template <Storage> class Spec, Storage S = runtime_storage>
struct basic_document {
    typename S::string api_version{};
    typename S::string kind{};
    Spec<S> spec{};

    static constexpr auto wire_fields() {
        using T = basic_document;
        return std::tuple{detail::field{"apiVersion", &T::api_version}, detail::field{"kind", &T::kind},
                          detail::field{"spec", &T::spec}};
    }
    friend constexpr bool operator==(const basic_document&, const basic_document&) = default;
};

}  // namespace cellos
