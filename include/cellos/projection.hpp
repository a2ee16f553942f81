// cellos/projection.hpp — umbrella for the state projection: the reducer and its transition table,
// one cell's projection, the fleet of a stream, and formation state (core: no Boost.JSON; reading
// events is cellos/json/projection_reader.hpp). Reference: docs/projection.md, docs/formation.md.
#pragma once

#include "cellos/projection/cell_state.hpp"
#include "cellos/projection/fleet.hpp"
#include "cellos/projection/formation_state.hpp"
#include "cellos/projection/stages.hpp"
