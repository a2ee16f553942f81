// cellos/events/vocabulary.hpp — umbrella for the CellOS event vocabulary (core: no Boost.JSON):
// type strings, payload enums, provenance and subject URNs, payloads, builders. The JSON layer
// (envelopes, encode/decode) is cellos/json/events.hpp. Reference: docs/events.md#vocabulary.
#pragma once

#include "cellos/events/builders.hpp"
#include "cellos/events/enums.hpp"
#include "cellos/events/payloads.hpp"
#include "cellos/events/provenance.hpp"
#include "cellos/events/type_strings.hpp"
