// cellos/json.hpp — umbrella for the JSON component (strict boundary). Needs Boost.JSON.
#pragma once

#include "cellos/json/authority.hpp"
#include "cellos/json/cloud_event.hpp"
#include "cellos/json/decode.hpp"
#include "cellos/json/described.hpp"
#include "cellos/json/error.hpp"
#include "cellos/json/events.hpp"
#include "cellos/json/jcs.hpp"
#include "cellos/json/lifecycle.hpp"
#include "cellos/json/parse.hpp"
#include "cellos/json/principal.hpp"
#include "cellos/json/spec.hpp"
#include "cellos/json/write.hpp"
