// cellos/cellos.hpp — umbrella for the core (no Boost.JSON, no Crypto++: those are the
// cellos/json/ and cellos/trust/ components).
#pragma once

#include "cellos/authority.hpp"
#include "cellos/config.hpp"
#include "cellos/error.hpp"
#include "cellos/policy.hpp"
#include "cellos/spec.hpp"
#include "cellos/util.hpp"
