// cellos/json/events.hpp — the CellOS vocabulary on the wire: payloads to and from JSON (the generic
// described codec plus the two plain-string types, lifecycle_reason and subject_urn), payloads
// wrapped in a CloudEvents v1.0 envelope (`to_cloud_event`, one `cloud_event_v1_<family>_<action>`
// per event) and read back: `event_payload<P>` for a known type, `decode_event_payload` for any
// event (the payload type chosen by the type string, from one table generated from the
// vocabulary). Ids and times come from an injected `event_context`, so the core stays pure and
// tests are deterministic. Reference: docs/events.md#vocabulary.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

#include <boost/json/value.hpp>
#include <boost/outcome/try.hpp>

#include "cellos/events/cloud_event.hpp"
#include "cellos/events/vocabulary.hpp"
#include "cellos/json/cloud_event.hpp"
#include "cellos/json/decode.hpp"
#include "cellos/json/described.hpp"
#include "cellos/json/error.hpp"
#include "cellos/json/parse.hpp"
#include "cellos/json/write.hpp"

namespace cellos::json {

// --- the plain-string types -----------------------------------------------------------------------

/// A LifecycleReason is any JSON string: a named kind's snake_case string, else Other(text verbatim).
[[nodiscard]] inline checked<cellos::lifecycle_reason> tag_invoke(decode_tag<cellos::lifecycle_reason>, const boost::json::value& v,
                                                                       decoder& d) {
    if (!v.is_string()) return detail::wrong_type(v, d, "a string");
    return cellos::lifecycle_reason::from_wire(std::string_view(v.get_string().data(), v.get_string().size()));
}

/// A SubjectUrn is a JSON string, kept as given.
[[nodiscard]] inline checked<cellos::subject_urn> tag_invoke(decode_tag<cellos::subject_urn>, const boost::json::value& v,
                                                                  decoder& d) {
    if (!v.is_string()) return detail::wrong_type(v, d, "a string");
    return cellos::subject_urn(std::string(v.get_string().data(), v.get_string().size()));
}

// --- envelopes ------------------------------------------------------------------------------------

/// What an emitter injects: its CloudEvent `source` (a non-empty URI-reference), a UUID generator
/// (ids are "urn:cellos:event:" + its output, which must be a UUID) and a clock giving RFC 3339
/// timestamps (when empty, the event has no `time`).
struct event_context {
    std::string source;
    std::function<std::string()> uuid;
    std::function<std::string()> now_rfc3339;
};

/// The `datacontenttype` of every CellOS event.
inline constexpr std::string_view event_data_content_type = "application/json";

/// A payload as compact JSON text (key order = its wire_fields() table; absent optionals omitted).
template <cellos::EventPayload P>
[[nodiscard]] std::string payload_text(const P& payload) {
    return to_text(to_value(payload));
}

/// The envelope of a payload: specversion "1.0", id "urn:cellos:event:<ctx.uuid()>", source
/// ctx.source, type from P::type, datacontenttype application/json, time ctx.now_rfc3339() (if
/// set), subject (if given), data = the payload. Fails (nothing partial) with invalid_value at
/// /id when the generator is missing or returns no UUID, number_out_of_range at /data/… for a
/// non-finite number, else with the first CloudEvents rule the envelope breaks (bad source, time
/// or subject: cellos::validate_cloud_event).
template <cellos::EventPayload P>
[[nodiscard]] checked<cellos::cloud_event_v1> to_cloud_event(const P& payload, const event_context& ctx,
                                                                  std::optional<std::string> subject = {}) {
    if (!ctx.uuid) return make_problem(errc::invalid_value, "/id", "event_context.uuid is not set");
    const std::string uuid = ctx.uuid();
    auto id = cellos::event_id_from_uuid(uuid);
    if (!id)
        return make_problem(errc::invalid_value, "/id",
                                   "event_context.uuid returned \"" + uuid + "\", not a UUID (8-4-4-4-12 hexadecimal digits)");
    // JSON has no NaN or infinity: a payload holding one cannot be an event (any payload type).
    if (auto at = first_non_finite(payload, "/data"))
        return make_problem(errc::number_out_of_range, *at, "a number must be finite (JSON has no NaN or infinity)");
    cellos::cloud_event_v1 e;
    e.id = std::move(*id);
    e.source = ctx.source;
    e.type = std::string(cellos::type_string(P::type));
    e.datacontenttype = std::string(event_data_content_type);
    if (ctx.now_rfc3339) e.time = ctx.now_rfc3339();
    e.subject = std::move(subject);
    e.data = cellos::json_data{payload_text(payload)};
    if (auto p = cellos::validate_cloud_event(e)) return std::move(*p);
    return e;
}

/// The payload of an event of type P: `type` must be P's (invalid_value at /type), datacontenttype
/// absent or JSON, `data` present (missing_field) and a JSON object decoded strictly as P (closed
/// key set, pointers under /data).
template <cellos::EventPayload P>
[[nodiscard]] checked<P> event_payload(const cellos::cloud_event_v1& e) {
    const std::string_view expected = cellos::type_string(P::type);
    if (e.type != expected)
        return make_problem(errc::invalid_value, "/type", "expected type \"" + std::string(expected) + "\", found \"" + e.type + "\"");
    if (e.datacontenttype && !cellos::is_json_media_type(*e.datacontenttype))
        return make_problem(errc::invalid_media_type, "/datacontenttype", "a CellOS event's data is application/json");
    if (std::holds_alternative<std::monostate>(e.data))
        return make_problem(errc::missing_field, "/data", "a CellOS event carries its payload in data (a JSON object)");
    const auto* j = std::get_if<cellos::json_data>(&e.data);
    if (j == nullptr)
        return make_problem(errc::wrong_type, "/data",
                            std::holds_alternative<cellos::text_data>(e.data) ? "expected JSON data (an object), found a string"
                                                                              : "expected JSON data (an object), found data_base64");
    auto v = parse_strict(j->json);
    if (!v) {
        problem err = std::move(v).error();
        err.pointer = "/data" + err.pointer;
        return err;
    }
    decoder d("/data");
    return decode<P>(v.value(), d);
}

/// One event's JSON text (application/cloudevents+json) read as a payload of type P.
template <cellos::EventPayload P>
[[nodiscard]] checked<P> parse_event_payload(std::string_view text, const parse_limits& limits = {}) {
    BOOST_OUTCOME_TRY(auto e, parse_cloud_event(text, limits));
    return event_payload<P>(e);
}

// --- any event's payload, chosen by its type string -----------------------------------------------

namespace detail {

using payload_decoder = checked<cellos::any_payload> (*)(const cellos::cloud_event_v1&);

/// event_payload<P> for alternative I of any_payload.
template <std::size_t I>
[[nodiscard]] checked<cellos::any_payload> decode_payload_as(const cellos::cloud_event_v1& e) {
    auto p = event_payload<std::variant_alternative_t<I, cellos::any_payload>>(e);
    if (!p) return std::move(p).error();
    return cellos::any_payload(std::in_place_index<I>, std::move(p).value());
}

template <std::size_t... I>
[[nodiscard]] constexpr std::array<payload_decoder, sizeof...(I)> make_payload_decoders(std::index_sequence<I...>) noexcept {
    return {&decode_payload_as<I>...};
}

/// The decoder of each event type, indexed by event_type: one table, generated from payload_types.
inline constexpr auto payload_decoders = make_payload_decoders(std::make_index_sequence<std::variant_size_v<cellos::any_payload>>{});
static_assert(payload_decoders.size() == cellos::detail::enum_count<cellos::event_type>);

}  // namespace detail

/// The payload of any event, decoded strictly as the payload type its `type` names (the
/// vocabulary of events/type_strings.hpp): the problems of event_payload<P>, with pointers under
/// /data (e.g. unknown_enum_value at /data/outcome). A type outside the vocabulary (a valid
/// envelope whose payload this library cannot know) is unknown_event_type at /type. The envelope
/// itself is not re-checked: parse_cloud_event (or validate_cloud_event) does that first.
[[nodiscard]] inline checked<cellos::any_payload> decode_event_payload(const cellos::cloud_event_v1& e) {
    const std::optional<cellos::event_type> t = cellos::event_type_from_string(e.type);
    if (!t)
        return make_problem(errc::unknown_event_type, "/type",
                            "type " + cellos::detail::quoted(e.type) +
                                " is not in the CellOS vocabulary: the envelope is valid, the payload cannot be checked");
    return detail::payload_decoders[static_cast<std::size_t>(*t)](e);
}

/// Envelope and payload of one event's JSON text: parse_cloud_event, then decode_event_payload.
[[nodiscard]] inline checked<cellos::any_payload> parse_any_event_payload(std::string_view text, const parse_limits& limits = {}) {
    BOOST_OUTCOME_TRY(auto e, parse_cloud_event(text, limits));
    return decode_event_payload(e);
}

namespace detail {
/// Per-cell envelopes carry subject = cell_subject_urn(cell_id) (our choice).
[[nodiscard]] inline std::optional<std::string> cell_subject(std::string_view cell_id) {
    return cellos::cell_subject_urn(cell_id).str();
}
}  // namespace detail

// --- one envelope builder per event (builder arguments, then the context) -------------------------
// The twelve root re-exports and the six formation builders are CONFIRMED names upstream; the others
// follow the same pattern. Per-cell events get subject urn:cellos:cell:<cell_id>.

/// The seed's ten builder parameters (lifecycle_started_data_v1), then the context; every optional
/// is explicit here because the context comes last.
[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_lifecycle_started(
    const execution_cell_spec& spec, std::string_view cell_id, std::optional<std::string_view> run_id,
    std::optional<bool> derivation_verified, std::optional<std::string_view> role_root, std::optional<std::string_view> parent_run_id,
    std::optional<std::string_view> spec_hash, std::optional<std::string_view> kernel_digest_sha256,
    std::optional<std::string_view> rootfs_digest_sha256, std::optional<std::string_view> firecracker_digest_sha256,
    const event_context& ctx) {
    return to_cloud_event(cellos::lifecycle_started_data_v1(spec, cell_id, run_id, derivation_verified, role_root, parent_run_id, spec_hash,
                                                            kernel_digest_sha256, rootfs_digest_sha256, firecracker_digest_sha256),
                          ctx, detail::cell_subject(cell_id));
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_lifecycle_destroyed(
    const execution_cell_spec& spec, std::string_view cell_id, std::optional<std::string_view> run_id, cellos::lifecycle_destroy_outcome outcome,
    std::optional<cellos::lifecycle_terminal_state> terminal_state, std::optional<cellos::lifecycle_reason> reason,
    std::optional<cellos::subject_urn> evidence_bundle_ref, const event_context& ctx) {
    return to_cloud_event(cellos::lifecycle_destroyed_data_v1(spec, cell_id, run_id, outcome, terminal_state, std::move(reason),
                                                              std::move(evidence_bundle_ref)),
                          ctx, detail::cell_subject(cell_id));
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_lifecycle_failed(const execution_cell_spec& spec,
                                                                                         std::string_view cell_id, std::optional<std::string_view> run_id,
                                                                                         cellos::lifecycle_reason reason,
                                                                                         const event_context& ctx) {
    return to_cloud_event(cellos::lifecycle_failed_data_v1(spec, cell_id, run_id, std::move(reason)), ctx, detail::cell_subject(cell_id));
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_command_completed(
    const execution_cell_spec& spec, std::string_view cell_id, std::optional<std::string_view> run_id, std::span<const std::string> argv, std::int32_t exit_code,
    std::uint64_t duration_ms, std::optional<std::string_view> spawn_error, const event_context& ctx) {
    return to_cloud_event(cellos::command_completed_data_v1(spec, cell_id, run_id, argv, exit_code, duration_ms, spawn_error), ctx,
                          detail::cell_subject(cell_id));
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_identity_materialized(const execution_cell_spec& spec,
                                                                                              std::string_view cell_id, std::optional<std::string_view> run_id,
                                                                                              const workload_identity& identity,
                                                                                              const event_context& ctx) {
    return to_cloud_event(cellos::identity_materialized_data_v1(spec, cell_id, run_id, identity), ctx, detail::cell_subject(cell_id));
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_identity_failed(const execution_cell_spec& spec,
                                                                                        std::string_view cell_id, std::optional<std::string_view> run_id,
                                                                                        cellos::identity_failure_operation operation,
                                                                                        std::string_view reason, const event_context& ctx) {
    return to_cloud_event(cellos::identity_failed_data_v1(spec, cell_id, run_id, operation, reason), ctx, detail::cell_subject(cell_id));
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_identity_revoked(const execution_cell_spec& spec,
                                                                                         std::string_view cell_id, std::optional<std::string_view> run_id,
                                                                                         std::optional<workload_identity> identity,
                                                                                         std::optional<cellos::provenance> provenance,
                                                                                         const event_context& ctx) {
    return to_cloud_event(cellos::identity_revoked_data_v1(spec, cell_id, run_id, std::move(identity), std::move(provenance)), ctx,
                          detail::cell_subject(cell_id));
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_export_completed(const execution_cell_spec& spec,
                                                                                         std::string_view cell_id, std::optional<std::string_view> run_id,
                                                                                         const export_receipt& receipt, std::optional<std::string_view> target_name,
                                                                                         std::optional<cellos::provenance> provenance,
                                                                                         const event_context& ctx) {
    return to_cloud_event(cellos::export_completed_data_v2(spec, cell_id, run_id, receipt, target_name, std::move(provenance)), ctx,
                          detail::cell_subject(cell_id));
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_export_failed(
    const execution_cell_spec& spec, std::string_view cell_id, std::optional<std::string_view> run_id, std::string_view artifact_name,
    export_receipt_target_kind target_kind, std::optional<std::string_view> target_name, std::optional<std::string_view> destination, std::string_view reason,
    std::optional<cellos::provenance> provenance, const event_context& ctx) {
    return to_cloud_event(cellos::export_failed_data_v2(spec, cell_id, run_id, artifact_name, target_kind, target_name, destination, reason,
                                                        std::move(provenance)),
                          ctx, detail::cell_subject(cell_id));
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_observability_process_spawned(
    const execution_cell_spec& spec, std::string_view cell_id, std::optional<std::string_view> run_id, std::string_view program, std::size_t argc,
    const event_context& ctx) {
    return to_cloud_event(cellos::observability_process_spawned_data_v1(spec, cell_id, run_id, program, argc), ctx,
                          detail::cell_subject(cell_id));
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_observability_network_policy(
    const execution_cell_spec& spec, std::string_view cell_id, std::optional<std::string_view> run_id, std::optional<bool> nft_rules_applied,
    const event_context& ctx) {
    return to_cloud_event(cellos::observability_network_policy_data_v1(spec, cell_id, run_id, nft_rules_applied), ctx,
                          detail::cell_subject(cell_id));
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_evidence_bundle_emitted(
    const execution_cell_spec& spec, std::string_view cell_id, std::optional<std::string_view> run_id, cellos::evidence_bundle_refs refs,
    cellos::residue_class residue, std::string_view spec_hash, const event_context& ctx) {
    return to_cloud_event(cellos::evidence_bundle_emitted_data_v1(spec, cell_id, run_id, std::move(refs), residue, spec_hash), ctx,
                          detail::cell_subject(cell_id));
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_formation_created(std::string_view formation_id, std::optional<std::string_view> name,
                                                                                          std::span<const std::string> cell_ids,
                                                                                          const event_context& ctx) {
    return to_cloud_event(cellos::formation_created_data_v1(formation_id, name, cell_ids), ctx);
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_formation_launching(std::string_view formation_id,
                                                                                            std::span<const std::string> cell_ids,
                                                                                            const event_context& ctx) {
    return to_cloud_event(cellos::formation_launching_data_v1(formation_id, cell_ids), ctx);
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_formation_running(std::string_view formation_id,
                                                                                          std::span<const std::string> cell_ids,
                                                                                          const event_context& ctx) {
    return to_cloud_event(cellos::formation_running_data_v1(formation_id, cell_ids), ctx);
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_formation_degraded(std::string_view formation_id,
                                                                                           std::span<const std::string> failed_cell_ids,
                                                                                           std::string_view reason,
                                                                                           const event_context& ctx) {
    return to_cloud_event(cellos::formation_degraded_data_v1(formation_id, failed_cell_ids, reason), ctx);
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_formation_completed(std::string_view formation_id,
                                                                                            std::span<const std::string> cell_ids,
                                                                                            const event_context& ctx) {
    return to_cloud_event(cellos::formation_completed_data_v1(formation_id, cell_ids), ctx);
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_formation_failed(std::string_view formation_id,
                                                                                         std::span<const std::string> failed_cell_ids,
                                                                                         std::string_view reason,
                                                                                         const event_context& ctx) {
    return to_cloud_event(cellos::formation_failed_data_v1(formation_id, failed_cell_ids, reason), ctx);
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_authz_rejected(
    const execution_cell_spec& spec, std::string_view cell_id, std::optional<std::string_view> run_id, std::span<const problem> violations,
    std::optional<authorization_verdict> verdict, std::optional<std::string_view> subject, const event_context& ctx) {
    return to_cloud_event(cellos::authz_rejected_data_v1(spec, cell_id, run_id, violations, verdict, subject), ctx,
                          detail::cell_subject(cell_id));
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_compliance_summary(const execution_cell_spec& spec,
                                                                                           std::string_view cell_id, std::optional<std::string_view> run_id,
                                                                                           std::span<const problem> violations,
                                                                                           const event_context& ctx) {
    return to_cloud_event(cellos::compliance_summary_data_v1(spec, cell_id, run_id, violations), ctx, detail::cell_subject(cell_id));
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_cortex_dispatched(const execution_cell_spec& spec,
                                                                                          std::string_view cell_id, std::optional<std::string_view> run_id,
                                                                                          std::string_view dispatch_id,
                                                                                          std::optional<std::string_view> requested_by, const event_context& ctx) {
    return to_cloud_event(cellos::cortex_dispatched_data_v1(spec, cell_id, run_id, dispatch_id, requested_by), ctx,
                          detail::cell_subject(cell_id));
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_dns_query(const execution_cell_spec& spec, std::string_view cell_id,
                                                                                  std::optional<std::string_view> run_id, std::string_view hostname,
                                                                                  dns_query_type query_type, std::optional<std::string_view> resolver_id,
                                                                                  const event_context& ctx) {
    return to_cloud_event(cellos::dns_query_data_v1(spec, cell_id, run_id, hostname, query_type, resolver_id), ctx,
                          detail::cell_subject(cell_id));
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_dns_query_permitted(
    const execution_cell_spec& spec, std::string_view cell_id, std::optional<std::string_view> run_id, std::string_view hostname, dns_query_type query_type,
    std::optional<std::string_view> resolver_id, std::span<const std::string> answers, std::optional<std::uint32_t> ttl_seconds, const event_context& ctx) {
    return to_cloud_event(
        cellos::dns_query_permitted_data_v1(spec, cell_id, run_id, hostname, query_type, resolver_id, answers, ttl_seconds), ctx,
        detail::cell_subject(cell_id));
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_dns_query_refused(const execution_cell_spec& spec,
                                                                                          std::string_view cell_id, std::optional<std::string_view> run_id,
                                                                                          std::string_view hostname,
                                                                                          dns_query_type query_type,
                                                                                          cellos::dns_refusal_reason reason,
                                                                                          const event_context& ctx) {
    return to_cloud_event(cellos::dns_query_refused_data_v1(spec, cell_id, run_id, hostname, query_type, reason), ctx,
                          detail::cell_subject(cell_id));
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_dns_authority_dnssec_failed(
    const execution_cell_spec& spec, std::string_view cell_id, std::optional<std::string_view> run_id, std::string_view hostname, std::string_view resolver_id,
    std::string_view reason, const event_context& ctx) {
    return to_cloud_event(cellos::dns_authority_dnssec_failed_data_v1(spec, cell_id, run_id, hostname, resolver_id, reason), ctx,
                          detail::cell_subject(cell_id));
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_dns_authority_drift(
    const execution_cell_spec& spec, std::string_view cell_id, std::optional<std::string_view> run_id, std::string_view hostname, std::optional<std::string_view> resolver_id,
    std::span<const std::string> previous_answers, std::span<const std::string> current_answers, const event_context& ctx) {
    return to_cloud_event(
        cellos::dns_authority_drift_data_v1(spec, cell_id, run_id, hostname, resolver_id, previous_answers, current_answers), ctx,
        detail::cell_subject(cell_id));
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_dns_authority_rebind_rejected(
    const execution_cell_spec& spec, std::string_view cell_id, std::optional<std::string_view> run_id, std::string_view hostname, std::string_view address,
    std::optional<std::string_view> resolver_id, const event_context& ctx) {
    return to_cloud_event(cellos::dns_authority_rebind_rejected_data_v1(spec, cell_id, run_id, hostname, address, resolver_id), ctx,
                          detail::cell_subject(cell_id));
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_dns_authority_rebind_threshold(
    const execution_cell_spec& spec, std::string_view cell_id, std::optional<std::string_view> run_id, std::string_view hostname,
    std::uint32_t distinct_addresses, std::uint32_t threshold, const event_context& ctx) {
    return to_cloud_event(cellos::dns_authority_rebind_threshold_data_v1(spec, cell_id, run_id, hostname, distinct_addresses, threshold),
                          ctx, detail::cell_subject(cell_id));
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_keyset_verified(std::string_view keyset_id, std::string_view kid,
                                                                                        std::optional<std::uint64_t> sequence,
                                                                                        const event_context& ctx) {
    return to_cloud_event(cellos::keyset_verified_data_v1(keyset_id, kid, sequence), ctx);
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_keyset_verification_failed(std::string_view keyset_id,
                                                                                                   std::optional<std::string_view> kid, std::string_view reason,
                                                                                                   const event_context& ctx) {
    return to_cloud_event(cellos::keyset_verification_failed_data_v1(keyset_id, kid, reason), ctx);
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_homeostasis_signal(const execution_cell_spec& spec,
                                                                                           std::string_view cell_id, std::optional<std::string_view> run_id,
                                                                                           std::string_view signal, double value,
                                                                                           std::optional<double> threshold,
                                                                                           const event_context& ctx) {
    return to_cloud_event(cellos::homeostasis_signal_data_v1(spec, cell_id, run_id, signal, value, threshold), ctx,
                          detail::cell_subject(cell_id));
}

[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_network_flow_decision(
    const execution_cell_spec& spec, std::string_view cell_id, std::optional<std::string_view> run_id, std::string_view destination, std::uint16_t port,
    egress_protocol protocol, cellos::network_flow_verdict decision, std::optional<std::uint32_t> matched_rule, const event_context& ctx) {
    return to_cloud_event(
        cellos::network_flow_decision_data_v1(spec, cell_id, run_id, destination, port, protocol, decision, matched_rule), ctx,
        detail::cell_subject(cell_id));
}

/// Subject urn:cellos:cell:<cell_id> when a cell is assigned.
[[nodiscard]] inline checked<cellos::cloud_event_v1> cloud_event_v1_firecracker_pool_checkout(std::string_view pool_id,
                                                                                                  std::string_view vm_id, std::optional<std::string_view> cell_id,
                                                                                                  bool warm, std::uint64_t wait_ms,
                                                                                                  const event_context& ctx) {
    return to_cloud_event(cellos::firecracker_pool_checkout_data_v1(pool_id, vm_id, cell_id, warm, wait_ms), ctx,
                          cell_id ? detail::cell_subject(*cell_id) : std::nullopt);
}

}  // namespace cellos::json
