// cellos/cellos.hpp — umbrella for the core (no Boost.JSON, no Crypto++: those are the
// cellos/json/ and cellos/trust/ components).
#pragma once

#include "cellos/authority.hpp"
#include "cellos/config.hpp"
#include "cellos/error.hpp"
#include "cellos/events/cloud_event.hpp"
#include "cellos/events/vocabulary.hpp"
#include "cellos/lifecycle.hpp"
#include "cellos/policy.hpp"
#include "cellos/ports.hpp"
#include "cellos/projection.hpp"
#include "cellos/spec.hpp"
#include "cellos/util.hpp"
