// cellos/lifecycle.hpp — lifecycle and formation stages as type-state, and their transition table.
#pragma once

#include "cellos/lifecycle/cell.hpp"
#include "cellos/lifecycle/formation.hpp"
#include "cellos/lifecycle/stages.hpp"
