// tests/unit/sample_documents.hpp — typed-authority documents shared by the unit tests (copies of
// the bundled examples/data/authority files, so that these tests need no files on disk).
#pragma once

#include <string_view>

namespace cellos_test {

constexpr std::string_view observed_sni_json = R"({
  "derivation": {
    "inputs": [{"input_type": "SNI", "value": "api.example.com", "confidence": 0.95}],
    "rules_applied": [{"rule": "RAW_SNI_OBSERVED", "class": "RAW_OBSERVATION"}],
    "output": {"tier": 2, "confidence": 0.95, "epistemic_status": "DIRECT_OBSERVATION",
               "binding_status": "NOT_APPLICABLE"}
  }
})";
constexpr std::string_view proven_jws_json = R"({
  "derivation": {
    "inputs": [{"input_type": "JWS", "value": "eyJhbGciOiJFZERTQSJ9.e30.c2ln", "confidence": 0.99},
               {"input_type": "SNI", "value": "api.example.com", "confidence": 0.95,
                "source_event_id": "urn:cellos:event:5b0c2f7e"}],
    "rules_applied": [{"rule": "JWS_SIGNATURE_VERIFIED", "class": "CRYPTOGRAPHIC_PROOF"},
                      {"rule": "RAW_SNI_OBSERVED", "class": "RAW_OBSERVATION"}],
    "output": {"tier": 4, "confidence": 0.99, "epistemic_status": "CRYPTOGRAPHICALLY_PROVEN",
               "binding_status": "BOUND"}
  },
  "artifact": {"JWS_VERIFIED": {"kid": "workload-key-2026-11"}}
})";
constexpr std::string_view imposed_tls_json = R"({
  "derivation": {
    "inputs": [{"input_type": "TLS_TERMINATION", "value": "api.example.com", "confidence": 0.97}],
    "rules_applied": [{"rule": "IMPOSED_TLS_TERMINATION", "class": "IMPOSED_INTERCEPTION"}],
    "output": {"tier": 3, "confidence": 0.97, "epistemic_status": "IMPOSED_OBSERVATION",
               "binding_status": "IMPOSED_BOUND"}
  }
})";
constexpr std::string_view declared_guest_json = R"({
  "derivation": {
    "inputs": [{"input_type": "GUEST_DECLARATION", "value": "api.example.com", "confidence": 0.5}],
    "rules_applied": [{"rule": "GUEST_AGENT_DECLARED", "class": "GUEST_AGENT_DECLARATION"}],
    "output": {"tier": 1, "confidence": 0.5, "epistemic_status": "DECLARED",
               "binding_status": "NOT_APPLICABLE"}
  }
})";
constexpr std::string_view observed_tier3_json = R"({
  "derivation": {
    "inputs": [{"input_type": "SNI", "value": "api.example.com", "confidence": 0.95},
               {"input_type": "H2_AUTHORITY", "value": "api.example.com", "confidence": 0.95}],
    "rules_applied": [{"rule": "SNI_H2_AUTHORITY_ALIGNED", "class": "STRUCTURAL_ALIGNMENT"}],
    "output": {"tier": 3, "confidence": 0.95, "epistemic_status": "STRUCTURALLY_ALIGNED",
               "binding_status": "BOUND"}
  }
})";

}  // namespace cellos_test
