// cellos/authority.hpp — umbrella for the typed-authority kernel (no Boost.JSON, no Crypto++).
#pragma once

#include "cellos/authority/admissible.hpp"
#include "cellos/authority/artifact.hpp"
#include "cellos/authority/authority.hpp"
#include "cellos/authority/class_semantics.hpp"
#include "cellos/authority/concepts.hpp"
#include "cellos/authority/declared_surface.hpp"
#include "cellos/authority/derivation.hpp"
#include "cellos/authority/derive.hpp"
#include "cellos/authority/guest_event_builder.hpp"
#include "cellos/authority/kind.hpp"
#include "cellos/authority/make.hpp"
#include "cellos/authority/static_check.hpp"
#include "cellos/authority/validate.hpp"
#include "cellos/authority/validation_error.hpp"
#include "cellos/authority/validation_result.hpp"
