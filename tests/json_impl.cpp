// The one translation unit that compiles Boost.JSON itself (-Djson_header_only=true).
#include <boost/json/src.hpp>
