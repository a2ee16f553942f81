// tests/docs/wire_tables.cpp — the member tables of docs/wire-format.md are generated from the
// types' wire_fields() tables; this program prints them (--print) or checks that the document
// contains every generated line (DOC), so the docs cannot drift from the code.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "cellos/cellos.hpp"
using namespace cellos;
template <class T> struct tn { static std::string get(); };
template <class T> std::string label();
template <class T> std::string enum_values() { std::string s; for (auto n : detail::enum_names<T>::wire) { if (!s.empty()) s += " \\| "; s += "`\"" + std::string(n) + "\"`"; } return s; }
template <class T> struct is_vec : std::false_type {}; template <class T> struct is_vec<std::vector<T>> : std::true_type { using E = T; };
template <class T> struct is_opt : std::false_type {}; template <class T> struct is_opt<std::optional<T>> : std::true_type { using E = T; };
template <class T> struct is_var : std::false_type {}; template <class... A> struct is_var<std::variant<A...>> : std::true_type {};
template <class T> struct is_map : std::false_type {}; template <class V> struct is_map<string_map<runtime_storage, V>> : std::true_type { using E = V; };
template <class T> std::string label() {
    if constexpr (is_opt<T>::value) return label<typename is_opt<T>::E>();
    else if constexpr (std::is_same_v<T, std::string>) return "string";
    else if constexpr (std::is_same_v<T, bool>) return "boolean";
    else if constexpr (std::is_same_v<T, double>) return "number";
    else if constexpr (std::is_integral_v<T>) return std::string(std::is_signed_v<T> ? "i" : "u") + std::to_string(sizeof(T) * 8) + " integer";
    else if constexpr (std::is_enum_v<T>) return enum_values<T>();
    else if constexpr (is_vec<T>::value) return "array of " + label<typename is_vec<T>::E>();
    else if constexpr (is_map<T>::value) return "object: name → " + label<typename is_map<T>::E>();
    else if constexpr (is_var<T>::value) return "ExportTarget";
    else return tn<T>::get();
}
#define NAME(T, S) template <> std::string tn<T>::get() { return S; }
NAME(run_cpu_max, "RunCpuMax") NAME(run_limits, "RunLimits") NAME(run_spec, "RunSpec") NAME(egress_rule, "EgressRule")
NAME(dns_resolver, "DnsResolver") NAME(dns_refresh_policy, "DnsRefreshPolicy") NAME(dns_rebinding_policy, "DnsRebindingPolicy")
NAME(dns_authority, "DnsAuthority") NAME(cdn_provider, "CdnProvider") NAME(cdn_authority, "CdnAuthority") NAME(authority_bundle, "AuthorityBundle")
NAME(correlation, "Correlation") NAME(placement_spec, "PlacementSpec") NAME(policy_ref, "PolicyRef") NAME(lifetime, "Lifetime")
NAME(workload_identity, "WorkloadIdentity") NAME(telemetry_spec, "TelemetrySpec") NAME(git_ingress, "GitIngress") NAME(oci_image_ingress, "OciImageIngress")
NAME(ingress, "Ingress") NAME(environment_variable, "EnvironmentVariable") NAME(environment_spec, "EnvironmentSpec") NAME(export_artifact, "ExportArtifact")
NAME(s3_export_target, "S3ExportTarget") NAME(http_export_target, "HttpExportTarget") NAME(export_channels, "ExportChannels")
NAME(export_artifact_metadata, "ExportArtifactMetadata") NAME(export_receipt, "ExportReceipt") NAME(execution_cell_spec, "ExecutionCellSpec")
NAME(execution_cell_document, "ExecutionCellDocument") NAME(inference_message, "InferenceMessage") NAME(inference_request, "InferenceRequest")
NAME(inference_response, "InferenceResponse") NAME(trust_keyset_signature, "TrustKeysetSignature") NAME(signed_trust_keyset_envelope, "SignedTrustKeysetEnvelope")
NAME(policy_rules, "PolicyRules") NAME(policy_pack_spec, "PolicyPackSpec") NAME(policy_pack_document, "PolicyPackDocument")
NAME(authorization_policy, "AuthorizationPolicy") NAME(authorization_policy_document, "AuthorizationPolicyDocument")
NAME(authority_derivation_token, "AuthorityDerivationToken") NAME(declared_authority_surface, "DeclaredAuthoritySurface")
NAME(authority_capability, "AuthorityCapability") NAME(authority_derivation, "AuthorityDerivation")
std::string out;
template <class T> void table(const char* extra = "") {
    out += "\n#### " + tn<T>::get() + extra + "\n\n| member | type | presence |\n|---|---|---|\n";
    std::apply([&](const auto&... f) { ([&] {
        using M = typename std::remove_cvref_t<decltype(f)>::member_type;
        const char* pres = is_opt<M>::value ? "optional" : f.is_defaulted ? "defaulted" : "required";
        out += "| `" + std::string(f.name) + "` | " + label<M>() + " | " + pres + " |\n"; }(), ...); }, T::wire_fields());
}
int main(int argc, char** argv) {
    table<execution_cell_document>(); table<execution_cell_spec>(); table<correlation>(); table<ingress>(); table<git_ingress>(); table<oci_image_ingress>();
    table<environment_spec>(); table<environment_variable>(); table<placement_spec>(); table<policy_ref>(); table<workload_identity>();
    table<authority_bundle>(); table<egress_rule>(); table<dns_authority>(); table<dns_resolver>(); table<dns_refresh_policy>(); table<dns_rebinding_policy>();
    table<authority_derivation_token>(); table<declared_authority_surface>(); table<authority_capability>();
    table<cdn_authority>(); table<cdn_provider>(); table<lifetime>(); table<run_spec>(); table<run_limits>(); table<run_cpu_max>();
    table<export_channels>(); table<export_artifact>(); table<s3_export_target>(" (`\"kind\": \"s3\"`)"); table<http_export_target>(" (`\"kind\": \"http\"`)");
    table<export_receipt>(); table<export_artifact_metadata>(); table<telemetry_spec>();
    table<inference_request>(); table<inference_message>(); table<inference_response>(); table<signed_trust_keyset_envelope>(); table<trust_keyset_signature>();
    table<policy_pack_document>(); table<policy_pack_spec>(); table<policy_rules>(); table<authorization_policy_document>(); table<authorization_policy>();
    if (argc == 2 && std::string(argv[1]) == "--print") {
        std::fputs(out.c_str(), stdout);
        return 0;
    }
    if (argc != 2) return 2;
    std::ifstream in(argv[1]);
    std::stringstream doc;
    doc << in.rdbuf();
    const std::string text = doc.str();
    int missing = 0;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty() && text.find(line) == std::string::npos) {
            std::printf("missing from %s: %s\n", argv[1], line.c_str());
            ++missing;
        }
    std::printf("%s\n", missing == 0 ? "wire tables: docs match the code" : "wire tables: regenerate with wire_tables --print");
    return missing == 0 ? 0 : 1;
}
