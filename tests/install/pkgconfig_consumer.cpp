// A pkg-config consumer of an installed cellos-core (tests/install/run_install.py compiles it with
// `c++ pkgconfig_consumer.cpp $(pkg-config --cflags --libs cellos-core)`): the Cflags (include
// path, -std=c++20) and the Libs (Boost.JSON, Crypto++ through Requires: libcrypto++). Light
// headers only; the CMake consumer compiles the whole JSON boundary.
#include <iostream>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cellos/config.hpp>
#include <cellos/trust/sha256.hpp>

int main() {
    static_assert(cellos::config::json_max_bytes > 0);
    const auto value = boost::json::parse(R"({"cellos":"installed"})");
    std::cout << "pkg-config consumer: " << cellos::trust::sha256_digest_string(boost::json::serialize(value)) << "\n";
    return 0;
}
