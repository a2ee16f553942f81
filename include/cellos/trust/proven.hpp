// cellos/trust/proven.hpp — a Proven authority with the cryptography behind it. The kernel's
// make_authority<proven> takes an artifact on trust (upstream verified it, decision D11); here the
// trust plane builds one only from a signature it verified itself, and keeps the evidence with it:
// `signature_proven`, a type only prove_from_signature constructs. Code that requires its proof to
// have been checked by this library takes signature_proven, and a Proven authority decoded from
// JSON (whose proof was checked elsewhere) does not compile there. docs/trust.md#proven.
#pragma once

#include <string>
#include <utility>

#include "cellos/authority/validation_error.hpp"
#include "cellos/authority/make.hpp"
#include "cellos/problem.hpp"
#include "cellos/trust/canonical.hpp"
#include "cellos/trust/sha256.hpp"
#include "cellos/trust/signed_event.hpp"
#include "cellos/trust/verified.hpp"

namespace cellos::trust {

/// Which key verified what: the key id, the algorithm (always Ed25519: see prove_from_signature)
/// and the "sha256:<hex>" digest of the exact bytes that were signed, so an auditor can find them.
struct signature_evidence {
    std::string kid;
    signature_algorithm algorithm{};
    std::string signed_digest;
    std::string event_id;  ///< the signed event the derivation's inputs reference
    friend bool operator==(const signature_evidence&, const signature_evidence&) = default;
};

class signature_proven;

namespace detail {
struct proven_access;
}  // namespace detail

/// A Proven authority (any admissible tier/status) and the verified signature it rests on.
class signature_proven {
public:
    [[nodiscard]] const any_authority<authority_kind::proven>& authority() const noexcept { return authority_; }
    [[nodiscard]] const signature_evidence& evidence() const noexcept { return evidence_; }

private:
    friend struct detail::proven_access;
    signature_proven(any_authority<authority_kind::proven> a, signature_evidence e) : authority_(std::move(a)), evidence_(std::move(e)) {}
    any_authority<authority_kind::proven> authority_;
    signature_evidence evidence_;
};

namespace detail {
struct proven_access {
    [[nodiscard]] static signature_proven make(any_authority<authority_kind::proven> a, signature_evidence e) {
        return signature_proven(std::move(a), std::move(e));
    }
};
}  // namespace detail

/// A Proven authority from `d` and a verified signed event. Refused: an HMAC signature
/// (algorithm_mismatch, provenRequiresEd25519: a shared secret proves nothing to a third party — the
/// verifier could have made the tag itself), a derivation none of whose inputs names the signed
/// event by source_event_id (invalid_value, evidenceNotReferenced: the proof must be about this
/// derivation), then every check of make_authority<proven>. The artifact is jws_verified{kid}.
[[nodiscard]] inline checked<signature_proven> prove_from_signature(authority_derivation d, const verified<signed_event_envelope_v1>& v) {
    const signed_event_envelope_v1& env = v.value();
    if (env.algorithm != signature_algorithm::ed25519)
        return make_problem(errc::algorithm_mismatch, "/algorithm", "a Proven authority needs a signature a third party can check (Ed25519), not an HMAC",
                            "provenRequiresEd25519");
    bool referenced = false;
    for (const authority_input& in : d.inputs) referenced = referenced || (in.source_event_id && *in.source_event_id == env.event.id);
    if (!referenced)
        return make_problem(errc::invalid_value, "/inputs", "no input's source_event_id names the signed event \"" + env.event.id + "\"",
                            "evidenceNotReferenced");
    BOOST_OUTCOME_TRY(const std::string payload, canonical_event_signing_payload(env.event));
    signature_evidence evidence{v.kid(), env.algorithm, sha256_digest_string(payload), env.event.id};
    auto made = make_authority<authority_kind::proven>(std::move(d), jws_verified{v.kid()});
    if (!made) return to_problem(made.error());
    return detail::proven_access::make(std::move(made).value(), std::move(evidence));
}

}  // namespace cellos::trust
