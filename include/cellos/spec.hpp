// cellos/spec.hpp — the execution-cell spec model and its validator (kernel: no Boost.JSON).
#pragma once

#include "cellos/spec/authority_bundle.hpp"
#include "cellos/spec/context.hpp"
#include "cellos/spec/dns.hpp"
#include "cellos/spec/document.hpp"
#include "cellos/spec/egress.hpp"
#include "cellos/spec/endpoints.hpp"
#include "cellos/spec/export.hpp"
#include "cellos/spec/identifiers.hpp"
#include "cellos/spec/inference.hpp"
#include "cellos/spec/ingress.hpp"
#include "cellos/spec/keyset.hpp"
#include "cellos/spec/rules.hpp"
#include "cellos/spec/run.hpp"
#include "cellos/spec/storage.hpp"
#include "cellos/spec/validate.hpp"
#include "cellos/spec/violation.hpp"
