// cellos/ports/secret_view.hpp — what a SecretBroker resolves (upstream SecretView, shape
// UNCONFIRMED: our choice) and the input of a runtime lease (RuntimeSecretLeaseRequest, CONFIRMED).
// A secret value must not outlive its use, so secret_view moves but never copies, and wipes its
// bytes when destroyed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

namespace cellos {

/// One resolved secret: the logical key (spec.authority.secretRefs) and its value. Move-only; the
/// value's bytes are overwritten on destruction and on move-from (best effort: a std::string may
/// have reallocated earlier copies the library cannot reach).
class secret_view {
public:
    secret_view(std::string key, std::string value) noexcept : key_(std::move(key)), value_(std::move(value)) {}
    secret_view(secret_view&& other) noexcept : key_(std::move(other.key_)), value_(std::move(other.value_)) { other.wipe(); }
    secret_view& operator=(secret_view&& other) noexcept {
        if (this != &other) {
            wipe();
            key_ = std::move(other.key_);
            value_ = std::move(other.value_);
            other.wipe();
        }
        return *this;
    }
    secret_view(const secret_view&) = delete;  // a copy is one more place the secret lives
    secret_view& operator=(const secret_view&) = delete;
    ~secret_view() { wipe(); }

    [[nodiscard]] const std::string& key() const noexcept { return key_; }
    [[nodiscard]] const std::string& value() const noexcept { return value_; }

private:
    void wipe() noexcept {
        // Up to capacity, not size: a moved-from short string keeps its bytes in the inline buffer.
        // No allocation happens (capacity is already there). volatile: the stores are not dead.
        value_.resize(value_.capacity());
        volatile char* p = value_.data();
        for (std::size_t i = 0; i < value_.size(); ++i) p[i] = '\0';
        value_.clear();
    }
    std::string key_;
    std::string value_;
};

/// Input of a declared runtime-broker secret lease (upstream RuntimeSecretLeaseRequest, CONFIRMED
/// fields): for brokers that hold an upstream lease or token for the lifetime of one cell run.
struct runtime_secret_lease_request {
    std::string key;
    std::uint64_t ttl_seconds = 0;
    friend bool operator==(const runtime_secret_lease_request&, const runtime_secret_lease_request&) = default;
};

}  // namespace cellos
