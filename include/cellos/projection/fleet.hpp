// cellos/projection/fleet.hpp — the state of many cells from one event stream, in memory that grows
// with the number of cells and of distinct event ids, never with the stream's length or its line
// sizes. It runs the same `reduce` as cell_state_projection; what it adds is storage: every string
// the states keep is copied once into an append-only arena (repeated values such as spec ids and
// target names are interned), and event ids are remembered in a compact exact set (an id made of a
// prefix and a canonical UUID — CellOS's urn:cellos:event:<uuid> — takes 17 bytes). Counters follow
// the peers' rules (docs/projection.md#counts). Core header: no Boost.JSON.
#pragma once

#include <array>
#include <deque>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include <boost/unordered/unordered_flat_map.hpp>
#include <boost/unordered/unordered_flat_set.hpp>

#include "cellos/detail/ascii.hpp"
#include "cellos/error.hpp"
#include "cellos/problem.hpp"
#include "cellos/projection/cell_state.hpp"

namespace cellos {

namespace detail {

/// Append-only storage for strings: views into it stay valid for its lifetime. Blocks of 1 MiB
/// (a longer string gets a block of its own), so growth never moves what was stored.
class string_arena {
public:
    [[nodiscard]] std::string_view store(std::string_view s) {
        if (s.empty()) return {};
        if (s.size() > block_size) {  // its own allocation, outside the blocks
            large_.push_back(std::make_unique_for_overwrite<char[]>(s.size()));
            std::memcpy(large_.back().get(), s.data(), s.size());
            return {large_.back().get(), s.size()};
        }
        if (blocks_.empty() || s.size() > block_size - used_) {
            blocks_.push_back(std::make_unique_for_overwrite<char[]>(block_size));  // no zeroing: bytes are written before read
            used_ = 0;
        }
        char* at = blocks_.back().get() + used_;
        std::memcpy(at, s.data(), s.size());
        used_ += s.size();
        return {at, s.size()};
    }
    [[nodiscard]] std::size_t bytes_reserved() const noexcept { return blocks_.size() * block_size; }

private:
    static constexpr std::size_t block_size = std::size_t{1} << 20;
    std::vector<std::unique_ptr<char[]>> blocks_;
    std::vector<std::unique_ptr<char[]>> large_;
    std::size_t used_ = 0;
};

struct view_hash {
    using is_transparent = void;
    [[nodiscard]] std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

/// The 16 bytes of a canonical lowercase UUID text (8-4-4-4-12), or nullopt. Not Boost.Uuid's
/// string_generator: it accepts upper case and braces (two texts, one key: the set would merge
/// distinct ids), throws, and is not constexpr.
[[nodiscard]] constexpr std::optional<std::array<std::uint8_t, 16>> uuid_bytes(std::string_view s) noexcept {
    if (s.size() != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-') return std::nullopt;
    constexpr std::array<std::uint8_t, 16> starts{0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34};
    std::array<std::uint8_t, 16> out{};
    for (std::size_t n = 0; n < 16; ++n) {
        const char hi = s[starts[n]], lo = s[starts[n] + 1u];
        const auto lower_hex = [](char c) { return is_ascii_digit(c) || (c >= 'a' && c <= 'f'); };
        if (!lower_hex(hi) || !lower_hex(lo)) return std::nullopt;
        out[n] = static_cast<std::uint8_t>(hex_value(hi) * 16 + hex_value(lo));
    }
    return out;
}
static_assert(uuid_bytes("123e4567-e89b-12d3-a456-426614174000").has_value());
static_assert(!uuid_bytes("123E4567-e89b-12d3-a456-426614174000"));  // one text per id: lowercase only

/// An exact set of event ids. An id of the form <prefix><canonical lowercase UUID> with one of the
/// first 255 prefixes seen is kept as (prefix number, 16 bytes); any other id verbatim in an arena.
/// The encoding is a function of the id, so two ids are equal exactly when their keys are.
class id_set {
public:
    /// True when `id` was not in the set (it is now).
    bool insert(std::string_view id) {
        if (id.size() >= 36) {
            if (const auto bytes = uuid_bytes(id.substr(id.size() - 36))) {
                if (const auto p = prefix_number(id.substr(0, id.size() - 36))) {
                    packed_key k{};
                    k[0] = *p;
                    std::memcpy(k.data() + 1, bytes->data(), 16);
                    return packed_.insert(k).second;
                }
            }
        }
        if (other_.contains(id)) return false;
        other_.insert(arena_.store(id));
        return true;
    }
    [[nodiscard]] std::size_t size() const noexcept { return packed_.size() + other_.size(); }
    /// Room for `n` CellOS-shaped ids without rehashing (each rehash touches the whole table again).
    void reserve(std::size_t n) { packed_.reserve(n); }

private:
    using packed_key = std::array<std::uint8_t, 17>;
    struct packed_hash {
        [[nodiscard]] std::size_t operator()(const packed_key& k) const noexcept {
            std::uint64_t a = 0, b = 0;
            std::memcpy(&a, k.data() + 1, 8);
            std::memcpy(&b, k.data() + 9, 8);
            return static_cast<std::size_t>((a ^ (b * 0x9E3779B97F4A7C15ull)) + k[0]);  // UUID bits are random already
        }
    };
    std::optional<std::uint8_t> prefix_number(std::string_view prefix) {
        for (std::size_t i = 0; i < prefixes_.size(); ++i)
            if (prefixes_[i] == prefix) return static_cast<std::uint8_t>(i + 1);
        if (prefixes_.size() == 255) return std::nullopt;
        prefixes_.push_back(arena_.store(prefix));
        return static_cast<std::uint8_t>(prefixes_.size());
    }

    string_arena arena_;
    std::vector<std::string_view> prefixes_;
    boost::unordered_flat_set<packed_key, packed_hash> packed_;
    boost::unordered_flat_set<std::string_view, view_hash, std::equal_to<>> other_;
};

}  // namespace detail

/// The peers' counters (shared/peers/README.md §3): eventsRead = malformed + duplicates + ignored
/// + invalid + applied. Blank lines are not events and are counted apart.
struct projection_counts {
    std::uint64_t events_read = 0;
    std::uint64_t malformed = 0;
    std::uint64_t applied = 0;
    std::uint64_t duplicates = 0;
    std::uint64_t ignored = 0;
    std::uint64_t invalid = 0;
    std::uint64_t blank_lines = 0;
    std::uint64_t signed_verified = 0;  ///< signed envelopes whose signature verified
    std::uint64_t unsigned_events = 0;  ///< events read without a signature (refused with require_signed)
    friend bool operator==(const projection_counts&, const projection_counts&) = default;
};

/// Many cells, keyed by cellId, from one stream. Ids are deduplicated over the whole stream, for
/// every type (as the peers do), so a replayed line is a duplicate even when it is ignored.
class fleet_projection {
public:
    using state = basic_cell_state<constexpr_storage>;

    /// A hint: about `events` distinct ids will be seen (e.g. a file's size / 400 bytes a line).
    /// Only a hint: memory still grows with what the stream holds, and no more is kept.
    void reserve(std::size_t events) { ids_.reserve(events); }

    /// First sight of an event id: true, and remembered; false for a duplicate (counted).
    bool first_sight(std::string_view id) {
        if (ids_.insert(id)) return true;
        ++counts_.duplicates;
        return false;
    }

    /// Applies an event already seen as new by first_sight (the reducer is cell_state.hpp's).
    template <Storage E>
    void apply(const basic_projection_event<E>& e) {
        const std::string_view cell(e.cell_id);
        auto it = index_.find(cell);
        if (it == index_.end()) {
            it = index_.emplace(intern(cell), static_cast<std::uint32_t>(cells_.size())).first;
            cells_.emplace_back();
        }
        reduce(cells_[it->second], e, [this](std::string_view s) { return intern(s); });
        ++counts_.applied;
    }

    [[nodiscard]] projection_counts& counts() noexcept { return counts_; }
    [[nodiscard]] const projection_counts& counts() const noexcept { return counts_; }
    [[nodiscard]] std::size_t cell_count() const noexcept { return cells_.size(); }
    /// Cells in order of first appearance.
    [[nodiscard]] const std::deque<state>& cells() const noexcept { return cells_; }
    [[nodiscard]] const state* find(std::string_view cell_id) const {
        const auto it = index_.find(cell_id);
        return it == index_.end() ? nullptr : &cells_[it->second];
    }

private:
    /// Short strings are interned (spec ids, target names, reasons repeat); long ones (destinations,
    /// run ids) are stored once each: a table of every long string would cost more than it saves.
    std::string_view intern(std::string_view s) {
        if (s.size() > intern_limit) return arena_.store(s);
        if (const auto it = interned_.find(s); it != interned_.end()) return *it;
        const std::string_view kept = arena_.store(s);
        interned_.insert(kept);
        return kept;
    }
    static constexpr std::size_t intern_limit = 32;

    detail::string_arena arena_;
    detail::id_set ids_;
    boost::unordered_flat_set<std::string_view, detail::view_hash, std::equal_to<>> interned_;
    boost::unordered_flat_map<std::string_view, std::uint32_t, detail::view_hash, std::equal_to<>> index_;
    std::deque<state> cells_;  // a deque: growing never moves the states already there
    projection_counts counts_;
};

}  // namespace cellos
