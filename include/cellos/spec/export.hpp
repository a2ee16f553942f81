// cellos/spec/export.hpp — what leaves a cell (spec.export) and the receipts export sinks hand
// back. Targets are named in the spec; operators bind transport configuration to the names
// (CELLOS_EXPORT_HTTP_BASE_URL__<NAME> upstream), so no URL or credential appears here.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <variant>

#include "cellos/detail/enum_table.hpp"
#include "cellos/detail/fields.hpp"
#include "cellos/spec/storage.hpp"

namespace cellos {

template <Storage S = runtime_storage>
struct basic_export_artifact {
    typename S::string name{};                  ///< a safe single path segment
    typename S::string path{};                  ///< absolute path of the file inside the cell
    std::optional<typename S::string> target{};  ///< a target name; absent = the default sink

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"name", &basic_export_artifact::name}, detail::field{"path", &basic_export_artifact::path},
                          detail::field{"target", &basic_export_artifact::target}};
    }
    friend constexpr bool operator==(const basic_export_artifact&, const basic_export_artifact&) = default;
};

template <Storage S = runtime_storage>
struct basic_s3_export_target {
    static constexpr std::string_view wire_kind = "s3";
    typename S::string name{};
    typename S::string bucket{};
    std::optional<typename S::string> key_prefix{};

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"name", &basic_s3_export_target::name},
                          detail::field{"bucket", &basic_s3_export_target::bucket},
                          detail::field{"keyPrefix", &basic_s3_export_target::key_prefix}};
    }
    friend constexpr bool operator==(const basic_s3_export_target&, const basic_s3_export_target&) = default;
};

template <Storage S = runtime_storage>
struct basic_http_export_target {
    static constexpr std::string_view wire_kind = "http";
    typename S::string name{};
    std::optional<typename S::string> path_prefix{};  ///< appended to the operator's base URL

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"name", &basic_http_export_target::name},
                          detail::field{"pathPrefix", &basic_http_export_target::path_prefix}};
    }
    friend constexpr bool operator==(const basic_http_export_target&, const basic_http_export_target&) = default;
};

/// Internally tagged on the wire: {"kind": "s3", ...} / {"kind": "http", ...}.
template <Storage S = runtime_storage>
using basic_export_target = std::variant<basic_s3_export_target<S>, basic_http_export_target<S>>;

/// The target's name, whatever its kind.
template <Storage S>
[[nodiscard]] constexpr std::string_view target_name(const basic_export_target<S>& t) noexcept {
    return std::visit([](const auto& x) { return std::string_view(x.name); }, t);
}

/// spec.export (upstream's crate README calls the type ExportChannels).
template <Storage S = runtime_storage>
struct basic_export_channels {
    typename S::template list<basic_export_artifact<S>> artifacts{};
    typename S::template list<basic_export_target<S>> targets{};

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"artifacts", &basic_export_channels::artifacts},
                          detail::field{"targets", &basic_export_channels::targets, detail::defaulted}};
    }
    friend constexpr bool operator==(const basic_export_channels&, const basic_export_channels&) = default;
};

/// Upstream variants Http, S3, LocalPath; camelCase wire strings are our choice.
enum class export_receipt_target_kind { http, s3, local_path };
template <>
struct detail::enum_names<export_receipt_target_kind> {
    static constexpr std::array<std::string_view, 3> wire{"http", "s3", "localPath"};
};

/// What a sink knows about an exported file.
template <Storage S = runtime_storage>
struct basic_export_artifact_metadata {
    typename S::string name{};
    std::uint64_t size_bytes{};
    typename S::string digest{};  ///< sha256:<64 hex> of the bytes
    std::optional<typename S::string> content_type{};

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"name", &basic_export_artifact_metadata::name},
                          detail::field{"sizeBytes", &basic_export_artifact_metadata::size_bytes},
                          detail::field{"digest", &basic_export_artifact_metadata::digest},
                          detail::field{"contentType", &basic_export_artifact_metadata::content_type}};
    }
    friend constexpr bool operator==(const basic_export_artifact_metadata&, const basic_export_artifact_metadata&) = default;
};

/// A sink's proof of delivery: where the artifact went (e.g. logical s3://bucket/key).
template <Storage S = runtime_storage>
struct basic_export_receipt {
    export_receipt_target_kind target_kind{};
    typename S::string destination{};
    basic_export_artifact_metadata<S> artifact{};

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"targetKind", &basic_export_receipt::target_kind},
                          detail::field{"destination", &basic_export_receipt::destination},
                          detail::field{"artifact", &basic_export_receipt::artifact}};
    }
    friend constexpr bool operator==(const basic_export_receipt&, const basic_export_receipt&) = default;
};

using export_artifact = basic_export_artifact<>;
using s3_export_target = basic_s3_export_target<>;
using http_export_target = basic_http_export_target<>;
using export_target = basic_export_target<>;
using export_channels = basic_export_channels<>;
using export_artifact_metadata = basic_export_artifact_metadata<>;
using export_receipt = basic_export_receipt<>;

}  // namespace cellos
