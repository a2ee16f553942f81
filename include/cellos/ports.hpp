// cellos/ports.hpp — umbrella for the port interfaces and their in-memory implementations (core:
// no Boost.JSON, no Crypto++; the JSON Lines file sink is json/jsonl_file_sink.hpp, the signing
// sink trust/signing_sink.hpp). Reference: docs/ports.md.
#pragma once

#include "cellos/ports/cell_handle.hpp"
#include "cellos/ports/concepts.hpp"
#include "cellos/ports/memory_cell_backend.hpp"
#include "cellos/ports/memory_event_sink.hpp"
#include "cellos/ports/memory_secret_broker.hpp"
#include "cellos/ports/noop.hpp"
#include "cellos/ports/redacting_sink.hpp"
#include "cellos/ports/secret_view.hpp"
