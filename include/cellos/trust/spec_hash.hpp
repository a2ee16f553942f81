// cellos/trust/spec_hash.hpp — canonical_spec_hash: "sha256:" + hex(SHA-256(RFC 8785 JCS of the
// whole ExecutionCellDocument)). Our choice where upstream is unpublished (docs/spec.md#hash):
// the whole document (apiVersion and kind included, so a spec cannot be replayed as another
// kind), and JCS rather than declaration order, so equal documents hash equal whatever their key
// order, whitespace or number spelling.
#pragma once

#include <string>
#include <string_view>

#include <boost/outcome/try.hpp>

#include "cellos/json/jcs.hpp"
#include "cellos/json/spec.hpp"
#include "cellos/trust/sha256.hpp"

namespace cellos {

/// Hash of a document (runtime or constexpr storage). Spec documents hold no floating-point
/// numbers, so canonicalization cannot fail.
template <Storage S>
[[nodiscard]] std::string canonical_spec_hash(const basic_execution_cell_document<S>& doc) {
    return trust::sha256_digest_string(json::canonicalize(json::to_value(doc)).value());
}

/// Text → strict parse and decode (so only a well-formed ExecutionCellDocument is hashed) → hash.
/// Validation is separate: a structurally sound but invalid spec still has a hash.
[[nodiscard]] inline checked<std::string> canonical_spec_hash_of_text(std::string_view text,
                                                                              const json::parse_limits& limits = {}) {
    BOOST_OUTCOME_TRY(auto doc, json::parse_execution_cell_document(text, limits));
    return canonical_spec_hash(doc);
}

}  // namespace cellos
