// The doctest runner: the most expensive TU, kept alone so it compiles once.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "../doctest.hpp"
