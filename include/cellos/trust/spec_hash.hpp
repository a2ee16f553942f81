// cellos/trust/spec_hash.hpp — canonical_spec_hash: "sha256:" + hex(SHA-256(RFC 8785 JCS of the
// whole ExecutionCellDocument)). Our choice where upstream is unpublished (docs/spec.md#hash):
// the whole document (apiVersion and kind included, so a spec cannot be replayed as another
// kind), and JCS rather than declaration order, so equal documents hash equal whatever their key
// order, whitespace or number spelling. One member is left out: spec.authority.derivationToken, a
// grantor's signature over this very hash (a token cannot sign a hash that covers the token), so
// adding, replacing or removing the token never changes the hash (docs/derivation.md#hash).
#pragma once

#include <string>
#include <string_view>

#include <boost/json/value.hpp>
#include <boost/outcome/try.hpp>

#include "cellos/json/jcs.hpp"
#include "cellos/json/spec.hpp"
#include "cellos/trust/sha256.hpp"

namespace cellos {

namespace detail {
/// The members of a spec document's JSON that the hash leaves out: /spec/authority/derivationToken.
inline void erase_unhashed_members(boost::json::value& doc) {
    if (!doc.is_object()) return;
    boost::json::value* spec = doc.get_object().if_contains("spec");
    if (spec == nullptr || !spec->is_object()) return;
    boost::json::value* authority = spec->get_object().if_contains("authority");
    if (authority != nullptr && authority->is_object()) authority->get_object().erase("derivationToken");
}
}  // namespace detail

/// Hash of a document (runtime or constexpr storage), without spec.authority.derivationToken.
/// Outside that token a spec holds no floating-point numbers, so canonicalization cannot fail.
template <Storage S>
[[nodiscard]] std::string canonical_spec_hash(const basic_execution_cell_document<S>& doc) {
    boost::json::value v = json::to_value(doc);
    detail::erase_unhashed_members(v);
    return trust::sha256_digest_string(json::canonicalize(v).value());
}

/// Text → strict parse and decode (so only a well-formed ExecutionCellDocument is hashed) → hash.
/// Validation is separate: a structurally sound but invalid spec still has a hash.
[[nodiscard]] inline checked<std::string> canonical_spec_hash_of_text(std::string_view text,
                                                                              const json::parse_limits& limits = {}) {
    BOOST_OUTCOME_TRY(auto doc, json::parse_execution_cell_document(text, limits));
    return canonical_spec_hash(doc);
}

}  // namespace cellos
