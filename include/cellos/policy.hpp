// cellos/policy.hpp — policy packs, the version floor, RBAC and the compile-time admission verdict
// (kernel: no Boost.JSON).
#pragma once

#include "cellos/policy/authorization.hpp"
#include "cellos/policy/check.hpp"
#include "cellos/policy/pack.hpp"
#include "cellos/policy/static_check.hpp"
#include "cellos/policy/version.hpp"
