// tests/unit/sample_documents.hpp — the typed-authority documents the unit tests share, read from
// the bundled examples (examples/data/authority/, CELLOS_EXAMPLES_DIR) so that the tests and the
// examples the demo and the docs use cannot drift apart.
#pragma once

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

namespace cellos_test {

/// The text of examples/data/<relative>; a missing file ends the test run at start-up (loudly).
inline std::string example_document(const char* relative) {
    const std::string path = std::string(CELLOS_EXAMPLES_DIR) + "/" + relative;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline const std::string observed_sni_json = example_document("authority/observed_sni.json");
inline const std::string proven_jws_json = example_document("authority/proven_jws.json");
inline const std::string imposed_tls_json = example_document("authority/imposed_tls.json");
inline const std::string declared_guest_json = example_document("authority/declared_guest.json");
inline const std::string observed_tier3_json = example_document("authority/rejected_observed_tier3.json");

}  // namespace cellos_test
