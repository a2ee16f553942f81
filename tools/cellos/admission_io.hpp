// tools/cellos/admission_io.hpp — what the admission commands (spec, policy, authz) share: reading
// FILE|- and decoding it strictly as the document its role names, an error saying which document
// failed ("document": "spec" | "pack" | "policy"), and the operator's downgrade decision.
#pragma once

#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "cellos/json.hpp"
#include "cellos/policy.hpp"
#include "cli.hpp"

namespace cellos::cli {

/// Strictly decodes the document `role` names ("spec", "pack", "policy") from `text`, the bytes read
/// or the read's problem; on failure the error, which says which document failed, is already
/// printed (exit code in `code`).
template <class Doc>
std::optional<Doc> decode_document(std::string_view role, const checked<std::string>& text, int& code) {
    if (!text) {
        code = fail(text.error());
        return std::nullopt;
    }
    auto doc = json::parse_document<Doc>(text.value());
    if (!doc) {
        emit(boost::json::object{{"valid", false}, {"document", boost::json::string(role.data(), role.size())},
                                 {"error", problem_object(doc.error())}});
        code = rejected;
        return std::nullopt;
    }
    return std::move(doc).value();
}

/// Reads FILE|- and decodes it as the document `role` names (decode_document).
template <class Doc>
std::optional<Doc> load(std::string_view role, std::string_view path, int& code) {
    return decode_document<Doc>(role, read_input(path, config::json_max_bytes + 1, "the " + std::string(role) + " " + std::string(path)),
                                code);
}

/// The operator's downgrade decision, read here (the library never reads the environment).
inline allow_downgrade downgrade_from_environment() {
    const char* v = std::getenv(std::string(policy_allow_downgrade_env).c_str());
    return v != nullptr && std::string_view(v) == "1" ? allow_downgrade::yes : allow_downgrade::no;
}

}  // namespace cellos::cli
