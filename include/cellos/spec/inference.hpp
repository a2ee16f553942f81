// cellos/spec/inference.hpp — the messages an InferenceBroker port carries between a cell and a
// model provider. Shapes and role names are our choice (upstream names the types only).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "cellos/detail/enum_table.hpp"
#include "cellos/detail/fields.hpp"
#include "cellos/spec/storage.hpp"

namespace cellos {

enum class inference_role { system, user, assistant, tool };
template <>
struct detail::enum_names<inference_role> {
    static constexpr std::array<std::string_view, 4> wire{"system", "user", "assistant", "tool"};
};

template <Storage S = runtime_storage>
struct basic_inference_message {
    inference_role role{};
    typename S::string content{};

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"role", &basic_inference_message::role},
                          detail::field{"content", &basic_inference_message::content}};
    }
    friend constexpr bool operator==(const basic_inference_message&, const basic_inference_message&) = default;
};

template <Storage S = runtime_storage>
struct basic_inference_request {
    typename S::string model{};
    typename S::template list<basic_inference_message<S>> messages{};
    std::optional<std::uint32_t> max_tokens{};
    std::optional<double> temperature{};  ///< [0, 2]

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"model", &basic_inference_request::model},
                          detail::field{"messages", &basic_inference_request::messages},
                          detail::field{"maxTokens", &basic_inference_request::max_tokens},
                          detail::field{"temperature", &basic_inference_request::temperature}};
    }
    friend constexpr bool operator==(const basic_inference_request&, const basic_inference_request&) = default;
};

template <Storage S = runtime_storage>
struct basic_inference_response {
    typename S::string model{};
    basic_inference_message<S> message{};
    std::optional<typename S::string> finish_reason{};

    static constexpr auto wire_fields() {
        return std::tuple{detail::field{"model", &basic_inference_response::model},
                          detail::field{"message", &basic_inference_response::message},
                          detail::field{"finishReason", &basic_inference_response::finish_reason}};
    }
    friend constexpr bool operator==(const basic_inference_response&, const basic_inference_response&) = default;
};

using inference_message = basic_inference_message<>;
using inference_request = basic_inference_request<>;
using inference_response = basic_inference_response<>;

}  // namespace cellos
