// cellos/spec/storage.hpp — every spec, policy and RBAC aggregate is a template over its storage,
// so that one definition serves two worlds: `runtime_storage` (std::string, std::vector: what the
// JSON boundary produces) and `constexpr_storage` (std::string_view, std::span over static arrays:
// what a user builds as a `constexpr` variable and checks in a `static_assert`). The validators
// are templates over the storage too, so both worlds run the very same rules.
#pragma once

#include <concepts>
#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cellos {

/// Owning storage: the JSON boundary decodes into this.
struct runtime_storage {
    using string = std::string;
    template <class T>
    using list = std::vector<T>;
};

/// Non-owning, literal storage: build specs and packs as constexpr variables.
struct constexpr_storage {
    using string = std::string_view;
    template <class T>
    using list = std::span<const T>;
};

template <class S>
concept Storage = requires(const typename S::string& s, const typename S::template list<int>& l) {
    { std::string_view(s) } -> std::same_as<std::string_view>;
    { l.size() } -> std::convertible_to<std::size_t>;
    l.begin();
    l.end();
};

static_assert(Storage<runtime_storage> && Storage<constexpr_storage>);

/// One member of a JSON object whose member names are data (e.g. secretRefAllowlist).
template <Storage S, class V>
struct map_entry {
    typename S::string key{};
    V value{};
    friend constexpr bool operator==(const map_entry&, const map_entry&) = default;
};

/// A JSON object with data-defined member names, kept in document order (the strict parser has
/// already refused duplicate names, so the entries are unique).
template <Storage S, class V>
struct string_map {
    typename S::template list<map_entry<S, V>> entries{};

    /// The value under `key`, or nullptr.
    [[nodiscard]] constexpr const V* find(std::string_view key) const noexcept {
        for (const auto& e : entries)
            if (std::string_view(e.key) == key) return &e.value;
        return nullptr;
    }
    friend constexpr bool operator==(const string_map&, const string_map&) = default;
};

}  // namespace cellos
