// cellos/trust.hpp — the trust plane (Crypto++): hashing, the canonical spec hash, the strict
// Ed25519 / HMAC-SHA256 primitives behind a pluggable crypto provider, signed event envelopes and
// trust-key files.
#pragma once

#include "cellos/trust/base64url.hpp"
#include "cellos/trust/batch.hpp"
#include "cellos/trust/canonical.hpp"
#include "cellos/trust/cross_host_chain.hpp"
#include "cellos/trust/crypto_provider.hpp"
#include "cellos/trust/derivation_token.hpp"
#include "cellos/trust/ed25519.hpp"
#include "cellos/trust/keyring.hpp"
#include "cellos/trust/keys.hpp"
#include "cellos/trust/keyset.hpp"
#include "cellos/trust/private_key_file.hpp"
#include "cellos/trust/proven.hpp"
#include "cellos/trust/sha256.hpp"
#include "cellos/trust/signed_event.hpp"
#include "cellos/trust/signed_replay.hpp"
#include "cellos/trust/signing_sink.hpp"
#include "cellos/trust/spec_hash.hpp"
#include "cellos/trust/trusted_file.hpp"
#include "cellos/trust/verified.hpp"
#include "cellos/trust/verify_keys.hpp"
