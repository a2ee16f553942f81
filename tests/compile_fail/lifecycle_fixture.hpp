// Shared declarations of the lifecycle compile-fail cases (not a test itself).
#pragma once
#include <utility>

#include "cellos/lifecycle.hpp"

using guest_authority = cellos::declared_authority<1>;
using admitted_cell = cellos::cell<cellos::cell_stage::admitted, guest_authority>;
using started_cell = cellos::cell<cellos::cell_stage::started, guest_authority>;
using destroyed_cell = cellos::cell<cellos::cell_stage::destroyed, guest_authority>;
