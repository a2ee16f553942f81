// cellos/authority/rule_class.hpp — the six rule classes (upstream RuleClass, declaration order),
// their tier ceilings, and `class_set`, the de-duplicated set of classes a derivation applied.
// The ceiling table here is the only place those numbers live.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "cellos/detail/enum_table.hpp"

namespace cellos {

/// Upstream `RuleClass`; `int` underlying type so that diagnostics print numbers (pitfall P6).
enum class rule_class : int {
    raw_observation,
    structural_alignment,
    cryptographic_proof,
    opacity,
    imposed_interception,
    guest_agent_declaration,
};

template <>
struct detail::enum_names<rule_class> {
    static constexpr std::array<std::string_view, 6> wire{
        "RAW_OBSERVATION", "STRUCTURAL_ALIGNMENT",  "CRYPTOGRAPHIC_PROOF",
        "OPACITY",         "IMPOSED_INTERCEPTION",  "GUEST_AGENT_DECLARATION"};
};

/// What a class contributes to the derivation-level tier ceiling.
enum class ceiling_role : int {
    positive_evidence,  ///< raises the ceiling up to its own value (highest such class wins)
    capping,            ///< caps the ceiling at its own value whenever present
};

struct rule_class_info {
    int tier_ceiling;
    ceiling_role role;
};

/// The per-class table (reference authority.md §3.1). Ceilings are CONFIRMED upstream; the roles
/// are our choice (docs/authority.md#tier-ceiling).
[[nodiscard]] constexpr rule_class_info info(rule_class c) noexcept {
    constexpr std::array<rule_class_info, 6> table{{
        {2, ceiling_role::positive_evidence},  // raw_observation
        {3, ceiling_role::positive_evidence},  // structural_alignment
        {4, ceiling_role::positive_evidence},  // cryptographic_proof
        {1, ceiling_role::capping},            // opacity
        {4, ceiling_role::positive_evidence},  // imposed_interception
        {1, ceiling_role::capping},            // guest_agent_declaration
    }};
    return table[static_cast<std::size_t>(c)];
}

inline constexpr int min_tier = 0;
inline constexpr int max_tier = 4;

/// A set of rule classes, iterated in declaration order (upstream BTreeSet<RuleClass>).
class class_set {
public:
    constexpr class_set() noexcept = default;
    constexpr class_set(std::initializer_list<rule_class> classes) noexcept {
        for (rule_class c : classes) insert(c);
    }

    constexpr void insert(rule_class c) noexcept { bits_ |= bit(c); }
    [[nodiscard]] constexpr bool contains(rule_class c) const noexcept { return (bits_ & bit(c)) != 0; }
    [[nodiscard]] constexpr bool empty() const noexcept { return bits_ == 0; }
    [[nodiscard]] constexpr std::uint8_t bits() const noexcept { return bits_; }
    [[nodiscard]] static constexpr class_set from_bits(std::uint8_t b) noexcept {
        class_set s;
        s.bits_ = static_cast<std::uint8_t>(b & 0x3F);
        return s;
    }
    [[nodiscard]] constexpr bool subset_of(class_set other) const noexcept {
        return (bits_ & ~other.bits_) == 0;
    }
    [[nodiscard]] constexpr class_set operator|(class_set o) const noexcept { return from_bits(bits_ | o.bits_); }
    [[nodiscard]] constexpr class_set operator&(class_set o) const noexcept { return from_bits(bits_ & o.bits_); }
    [[nodiscard]] constexpr class_set operator-(class_set o) const noexcept {
        return from_bits(static_cast<std::uint8_t>(bits_ & ~o.bits_));
    }
    [[nodiscard]] constexpr std::size_t size() const noexcept {
        std::size_t n = 0;
        for (std::uint8_t b = bits_; b != 0; b &= static_cast<std::uint8_t>(b - 1)) ++n;
        return n;
    }
    /// First member in declaration order; only meaningful when !empty().
    [[nodiscard]] constexpr rule_class first() const noexcept {
        for (rule_class c : detail::all_enumerators<rule_class>())
            if (contains(c)) return c;
        return rule_class::raw_observation;
    }
    friend constexpr bool operator==(class_set, class_set) noexcept = default;

private:
    static constexpr std::uint8_t bit(rule_class c) noexcept {
        return static_cast<std::uint8_t>(1u << static_cast<unsigned>(c));
    }
    std::uint8_t bits_{0};
};

inline constexpr std::size_t class_set_count = 64;  // every subset of the six classes

}  // namespace cellos
