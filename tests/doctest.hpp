// tests/doctest.hpp — include shim: Debian installs <doctest/doctest.h>, WrapDB exposes <doctest.h>.
#pragma once
#if __has_include(<doctest/doctest.h>)
#include <doctest/doctest.h>
#else
#include <doctest.h>
#endif
