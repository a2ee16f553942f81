// cellos/spec/ingress.hpp — what is brought into a cell before it starts (a git checkout, an OCI
// image pinned by digest) and the environment it runs in. All shapes are our choice: upstream names
// the types only. Everything is pinned: commits by full id, images by sha256 digest.
#pragma once

#include <optional>

#include "cellos/detail/fields.hpp"
#include "cellos/spec/storage.hpp"

namespace cellos {

template <Storage S = runtime_storage>
struct basic_git_ingress {
    typename S::string url{};                  ///< https:// or ssh:// without credentials
    typename S::string commit{};               ///< 40 lowercase hex digits
    std::optional<typename S::string> ref{};   ///< informational branch/tag name
    std::optional<typename S::string> path{};  ///< absolute checkout path inside the cell

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"url", &basic_git_ingress::url}, detail::field{"commit", &basic_git_ingress::commit},
                          detail::field{"ref", &basic_git_ingress::ref}, detail::field{"path", &basic_git_ingress::path}};
    }
    friend constexpr bool operator==(const basic_git_ingress&, const basic_git_ingress&) = default;
};

template <Storage S = runtime_storage>
struct basic_oci_image_ingress {
    typename S::string reference{};  ///< registry/repository[:tag], informational
    typename S::string digest{};     ///< sha256:<64 hex>, what is actually pulled

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"reference", &basic_oci_image_ingress::reference},
                          detail::field{"digest", &basic_oci_image_ingress::digest}};
    }
    friend constexpr bool operator==(const basic_oci_image_ingress&, const basic_oci_image_ingress&) = default;
};

/// At least one of the two sources (validated).
template <Storage S = runtime_storage>
struct basic_ingress {
    std::optional<basic_git_ingress<S>> git{};
    std::optional<basic_oci_image_ingress<S>> oci_image{};

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"git", &basic_ingress::git}, detail::field{"ociImage", &basic_ingress::oci_image}};
    }
    friend constexpr bool operator==(const basic_ingress&, const basic_ingress&) = default;
};

template <Storage S = runtime_storage>
struct basic_environment_variable {
    typename S::string name{};
    typename S::string value{};

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"name", &basic_environment_variable::name},
                          detail::field{"value", &basic_environment_variable::value}};
    }
    friend constexpr bool operator==(const basic_environment_variable&, const basic_environment_variable&) = default;
};

template <Storage S = runtime_storage>
struct basic_environment_spec {
    std::optional<typename S::string> image_digest{};  ///< root filesystem image, sha256:<64 hex>
    typename S::template list<basic_environment_variable<S>> variables{};

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"imageDigest", &basic_environment_spec::image_digest},
                          detail::field{"variables", &basic_environment_spec::variables, detail::defaulted}};
    }
    friend constexpr bool operator==(const basic_environment_spec&, const basic_environment_spec&) = default;
};

using git_ingress = basic_git_ingress<>;
using oci_image_ingress = basic_oci_image_ingress<>;
using ingress = basic_ingress<>;
using environment_variable = basic_environment_variable<>;
using environment_spec = basic_environment_spec<>;

}  // namespace cellos
