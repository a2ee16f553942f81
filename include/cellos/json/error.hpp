// cellos/json/error.hpp — what the JSON component reports: the library's one `cellos::problem`
// (code, rule, RFC 6901 pointer, message) and `cellos::checked<T>`, a value or exactly one problem;
// nothing partial is ever returned.
#pragma once

#include "cellos/detail/json_pointer.hpp"
#include "cellos/problem.hpp"
