// cellos/trust.hpp — the trust plane (Crypto++): hashing and the canonical spec hash.
#pragma once

#include "cellos/trust/sha256.hpp"
#include "cellos/trust/spec_hash.hpp"
