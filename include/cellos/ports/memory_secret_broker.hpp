// cellos/ports/memory_secret_broker.hpp — an in-memory SecretBroker (upstream MemorySecretBroker of
// cellos-host-cellos, CONFIRMED behaviour: rows keyed by (cell id, key), values wiped, revoke_for_cell
// deletes that cell's rows). Values are put in once per key; a cell that resolves a key gets its own
// row, so revoking one cell never touches another's. For tests, examples and `cellos demo`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "cellos/error.hpp"
#include "cellos/ports/concepts.hpp"
#include "cellos/ports/secret_view.hpp"
#include "cellos/problem.hpp"

namespace cellos {

class memory_secret_broker {
public:
    /// Makes `key` resolvable with `value` (the broker's own store; the value is wiped on removal).
    void put(std::string key, std::string value) { store_.insert_or_assign(std::move(key), secret_view(std::string(), std::move(value))); }

    /// The value of `key` for `cell_id`, recorded as that cell's row. Unknown keys fail closed
    /// (secret_broker_error); a TTL of 0 is refused (a lease that has already expired).
    [[nodiscard]] checked<secret_view> resolve(std::string_view key, std::string_view cell_id, std::uint64_t ttl_seconds) {
        if (ttl_seconds == 0) return make_problem(errc::secret_broker_error, "", "MemorySecretBroker: a TTL of 0 seconds expires at once");
        const auto it = store_.find(key);
        if (it == store_.end())
            return make_problem(errc::secret_broker_error, "", "MemorySecretBroker: no secret \"" + std::string(key) + "\"");
        rows_.insert_or_assign({std::string(cell_id), std::string(key)}, secret_view(std::string(key), it->second.value()));
        return secret_view(std::string(key), it->second.value());
    }

    /// Deletes every row of `cell_id` (their values are wiped). Always succeeds.
    [[nodiscard]] checked<void> revoke_for_cell(std::string_view cell_id) {
        for (auto it = rows_.lower_bound({std::string(cell_id), std::string()}); it != rows_.end() && it->first.first == cell_id;)
            it = rows_.erase(it);
        return boost::outcome_v2::success();
    }

    /// Rows held for `cell_id` (a revoked cell has none).
    [[nodiscard]] std::size_t rows_for(std::string_view cell_id) const {
        std::size_t n = 0;
        for (const auto& [k, v] : rows_) n += k.first == cell_id ? 1 : 0;
        return n;
    }

private:
    std::map<std::string, secret_view, std::less<>> store_;
    std::map<std::pair<std::string, std::string>, secret_view> rows_;
};

static_assert(SecretBroker<memory_secret_broker>);

}  // namespace cellos
