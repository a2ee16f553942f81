// cellos/util.hpp — the pure helpers (kernel: no Boost.JSON): semver, hostname allowlists, URL
// redaction for logs, cgroup leaf names, tenant ids as NATS subject tokens, principals.
#pragma once

#include "cellos/util/cgroup_id.hpp"
#include "cellos/util/hostname.hpp"
#include "cellos/util/principal.hpp"
#include "cellos/util/redaction.hpp"
#include "cellos/util/semver.hpp"
#include "cellos/util/tenant_id.hpp"
