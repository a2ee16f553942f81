// cellos/trust/cross_host_chain.hpp — the cross-host audit chain (upstream 0.8 cross_host_chain.rs,
// ADR-0030). Each host keeps its own monotonic hash chain of signed entries: entry `seq` names the
// hex SHA-256 of the canonical signing payload of the host's entry `seq - 1` (`prevDigest`; 64
// zeros at genesis, seq 0). An offline auditor holding only the trusted verifying keys reads the
// interleaved stream of N hosts and finds, per host, dropped, reordered, forked or tampered
// entries, truncation before an expected head and foreign signers. Why a chain per host and not one
// global chain: hosts append without coordinating, and a global order would need a sequencer that
// is itself a single point of trust. The verifier streams: its state is one (seq, digest) head per
// host, never the entries, and the number of hosts is capped. A successful verification is a type
// (verified_cross_host_chains) only the verifier builds. Wire shape (the entry's `data`), start,
// duplicate and pinning rules are our choice: docs/trust_chain.md.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <boost/json/value.hpp>
#include <boost/outcome/try.hpp>

#include "cellos/detail/ascii.hpp"
#include "cellos/events/cloud_event.hpp"
#include "cellos/json/cloud_event.hpp"
#include "cellos/json/decode.hpp"
#include "cellos/json/parse.hpp"
#include "cellos/json/write.hpp"
#include "cellos/problem.hpp"
#include "cellos/trust/canonical.hpp"
#include "cellos/trust/crypto_provider.hpp"
#include "cellos/trust/keyring.hpp"
#include "cellos/trust/sha256.hpp"
#include "cellos/trust/signed_event.hpp"

namespace cellos::trust {

/// The CloudEvent type of a chain entry (upstream CROSS_HOST_ENTRY_TYPE, CONFIRMED). Its action
/// has hyphens, so it is not a cell event type of cellos/events/type_strings.hpp's table (whose
/// actions are snake_case); it lives here, with the only code that reads it.
inline constexpr std::string_view cross_host_entry_type = "dev.cellos.events.cell.audit.v1.cross-host-entry";

/// prevDigest of a genesis entry (seq 0): 64 '0' characters (upstream GENESIS_PREV_DIGEST).
inline constexpr std::string_view genesis_prev_digest = "0000000000000000000000000000000000000000000000000000000000000000";
static_assert(genesis_prev_digest.size() == 64);

/// The members of an entry's `data` (our choice): a closed set, all required.
namespace chain_fields {
inline constexpr std::string_view host_id = "hostId";
inline constexpr std::string_view seq = "seq";
inline constexpr std::string_view prev_digest = "prevDigest";
inline constexpr std::string_view entry = "entry";
inline constexpr std::array<std::string_view, 4> all{host_id, seq, prev_digest, entry};
}  // namespace chain_fields

/// A host id: 1 to 128 bytes of CloudEvents String, like a key id (our choice).
[[nodiscard]] constexpr bool is_host_id(std::string_view host) noexcept {
    return !host.empty() && host.size() <= max_kid_size && is_attribute_string(host);
}

/// A chain digest: exactly 64 lowercase hex digits (one spelling per digest, so digests compare
/// as strings).
[[nodiscard]] constexpr bool is_chain_digest(std::string_view d) noexcept {
    if (d.size() != 64) return false;
    for (const char c : d)
        if (!cellos::detail::is_lower_hex(c)) return false;
    return true;
}

/// Where an entry sits: its host's chain, its position, the digest of the entry before it.
struct chain_position {
    std::string host_id;
    std::uint64_t seq = 0;
    std::string prev_digest{genesis_prev_digest};
    friend bool operator==(const chain_position&, const chain_position&) = default;
};

/// A decoded entry: its position and the audited record (any JSON value).
struct chain_entry {
    chain_position position;
    boost::json::value record;
};

/// A (seq, digest) a caller already trusts for a host: a checkpoint to resume an audit from.
struct chain_checkpoint {
    std::uint64_t seq = 0;
    std::string digest;
};

/// The head a caller expects a host's chain to reach at least (truncation detection), and
/// optionally the digest the entry at that seq must have.
struct expected_head {
    std::uint64_t seq = 0;
    std::optional<std::string> digest;
};

namespace detail {

/// "host \"h\" seq n": how every chain problem names its entry.
[[nodiscard]] inline std::string chain_label(std::string_view host, std::uint64_t seq) {
    return "host \"" + std::string(host) + "\" seq " + std::to_string(seq);
}

[[nodiscard]] inline std::optional<problem> check_position(const chain_position& at) {
    if (!is_host_id(at.host_id))
        return make_problem(errc::invalid_value, "/data/hostId", "a host id is 1 to 128 bytes of printable UTF-8", "hostIdFormat");
    if (at.seq > max_signed_integer)
        return make_problem(errc::number_out_of_range, "/data/seq", "seq " + std::to_string(at.seq) + " is beyond 2^53", "chainSeqRange");
    if (!is_chain_digest(at.prev_digest))
        return make_problem(errc::invalid_value, "/data/prevDigest",
                            chain_label(at.host_id, at.seq) + ": prevDigest must be 64 lowercase hex digits", "prevDigestFormat");
    return std::nullopt;
}

/// Lowercase hex SHA-256 of `bytes` (sha256_digest_string without its "sha256:" prefix).
[[nodiscard]] inline std::string hex_sha256(std::string_view bytes) {
    constexpr std::string_view prefix = "sha256:";
    return sha256_digest_string(bytes).substr(prefix.size());
}

}  // namespace detail

// --- entries ------------------------------------------------------------------------------------

/// The unsigned entry event: type cross_host_entry_type, datacontenttype application/json, data
/// {"hostId", "seq", "prevDigest", "entry": record}. Refuses a bad host id, a seq beyond 2^53, a
/// prevDigest that is not 64 lowercase hex, an invalid id or source.
[[nodiscard]] inline checked<cloud_event_v1> make_chain_entry_event(const chain_position& at, const boost::json::value& record,
                                                                    std::string id, std::string source) {
    if (auto p = detail::check_position(at)) return std::move(*p);
    const auto key = [](std::string_view s) { return boost::json::string_view(s.data(), s.size()); };
    boost::json::object data;
    data[key(chain_fields::host_id)] = boost::json::string(at.host_id.data(), at.host_id.size());
    data[key(chain_fields::seq)] = at.seq;
    data[key(chain_fields::prev_digest)] = boost::json::string(at.prev_digest.data(), at.prev_digest.size());
    data[key(chain_fields::entry)] = record;
    cloud_event_v1 e;
    e.id = std::move(id);
    e.source = std::move(source);
    e.type = std::string(cross_host_entry_type);
    e.datacontenttype = "application/json";
    e.data = json_data{json::to_text(boost::json::value(std::move(data)))};
    if (auto p = json::check_cloud_event(e)) return std::move(*p);
    return e;
}

/// Builds and signs (Ed25519, key id `kid`) the entry at `at` holding `record`. Refuses what
/// make_chain_entry_event and sign_event_ed25519 refuse (e.g. an integer beyond 2^53 in `record`).
template <CryptoProvider P = cryptopp_provider>
[[nodiscard]] checked<signed_event_envelope_v1> build_chain_entry(const chain_position& at, const boost::json::value& record,
                                                                  std::string id, std::string source, std::string_view kid,
                                                                  const typename P::ed25519_signing_key& key, const P& provider = {}) {
    BOOST_OUTCOME_TRY(const cloud_event_v1 e, make_chain_entry_event(at, record, std::move(id), std::move(source)));
    return sign_event_ed25519(e, kid, key, provider);
}

/// As build_chain_entry, signed with HMAC-SHA256 (for a verifier that shares the host's secret).
template <CryptoProvider P = cryptopp_provider>
[[nodiscard]] checked<signed_event_envelope_v1> build_chain_entry_hmac(const chain_position& at, const boost::json::value& record,
                                                                       std::string id, std::string source, std::string_view kid,
                                                                       const hmac_key& key, const P& provider = {}) {
    BOOST_OUTCOME_TRY(const cloud_event_v1 e, make_chain_entry_event(at, record, std::move(id), std::move(source)));
    return sign_event_hmac_sha256(e, kid, key, provider);
}

/// The digest the next entry names as prevDigest: lowercase hex SHA-256 of the entry event's
/// canonical signing payload (the bytes its signature covers, so the digest is as
/// serialisation-independent as the signature).
[[nodiscard]] inline checked<std::string> entry_digest(const signed_event_envelope_v1& env) {
    BOOST_OUTCOME_TRY(const std::string payload, canonical_event_signing_payload(env.event));
    return detail::hex_sha256(payload);
}

/// Decodes an entry event, strictly: type cross_host_entry_type (chainEntryType), data a JSON
/// object (chainEntryData) read by the strict parser (duplicate members refused) with exactly the
/// members hostId, seq (integer in [0, 2^53]), prevDigest, entry. Pointers are relative to the event.
[[nodiscard]] inline checked<chain_entry> decode_chain_entry(const cloud_event_v1& e, const json::parse_limits& limits = {}) {
    if (e.type != cross_host_entry_type)
        return make_problem(errc::invalid_value, "/type", "not a cross-host chain entry: type is \"" + e.type + "\"", "chainEntryType");
    const auto* j = std::get_if<json_data>(&e.data);
    if (j == nullptr) return make_problem(errc::wrong_type, "/data", "a chain entry's data must be a JSON object", "chainEntryData");
    auto parsed = json::parse_strict(j->json, limits);
    if (!parsed) {
        problem p = std::move(parsed).error();
        p.pointer = "/data" + p.pointer;
        return p;
    }
    json::decoder d("/data");
    BOOST_OUTCOME_TRY(const json::object_reader r, json::object_reader::open(parsed.value(), d, chain_fields::all));
    chain_entry out;
    BOOST_OUTCOME_TRY(out.position.host_id, r.required<std::string>(chain_fields::host_id));
    BOOST_OUTCOME_TRY(out.position.seq, r.required<std::uint64_t>(chain_fields::seq));
    BOOST_OUTCOME_TRY(out.position.prev_digest, r.required<std::string>(chain_fields::prev_digest));
    const boost::json::value* record = r.object().if_contains(boost::json::string_view(chain_fields::entry.data(), chain_fields::entry.size()));
    if (record == nullptr) return make_problem(errc::missing_field, "/data/entry", "missing required field \"entry\"");
    if (auto p = detail::check_position(out.position)) return std::move(*p);
    out.record = *record;
    return out;
}

/// One host's writer: tracks the next seq and the previous digest, so a host appends with one call.
/// Advances only when an entry was built (a refused record leaves the chain where it was).
class cross_host_chain_writer {
public:
    /// A new chain (next entry: genesis, seq 0). `source` is every entry's CloudEvent source.
    cross_host_chain_writer(std::string host_id, std::string source) : host_id_(std::move(host_id)), source_(std::move(source)) {}
    /// A chain resumed after `last` (next entry: last.seq + 1, prevDigest last.digest). A seq at or
    /// beyond 2^53 saturates (never wraps to a second genesis): append then refuses (chainSeqRange).
    cross_host_chain_writer(std::string host_id, std::string source, const chain_checkpoint& last)
        : host_id_(std::move(host_id)),
          source_(std::move(source)),
          next_seq_(last.seq < max_signed_integer ? last.seq + 1 : max_signed_integer + 1),
          prev_digest_(last.digest) {}

    /// Signs the next entry (Ed25519). Its CloudEvent id is "<hostId>:<seq>".
    template <CryptoProvider P = cryptopp_provider>
    [[nodiscard]] checked<signed_event_envelope_v1> append(const boost::json::value& record, std::string_view kid,
                                                           const typename P::ed25519_signing_key& key, const P& provider = {}) {
        BOOST_OUTCOME_TRY(signed_event_envelope_v1 env,
                          build_chain_entry(position(), record, host_id_ + ":" + std::to_string(next_seq_), source_, kid, key, provider));
        BOOST_OUTCOME_TRY(prev_digest_, entry_digest(env));
        ++next_seq_;
        return env;
    }

    [[nodiscard]] chain_position position() const { return chain_position{host_id_, next_seq_, prev_digest_}; }
    [[nodiscard]] std::uint64_t next_seq() const noexcept { return next_seq_; }
    [[nodiscard]] const std::string& prev_digest() const noexcept { return prev_digest_; }

private:
    std::string host_id_;
    std::string source_;
    std::uint64_t next_seq_ = 0;
    std::string prev_digest_{genesis_prev_digest};
};

// --- verification -----------------------------------------------------------------------------------

/// What the auditor knows beyond the keys (all optional).
struct cross_host_chain_options {
    /// Hosts with state (checkpointed ones included) at most: a hostile stream naming ever new hosts
    /// is refused past it (maxHosts) instead of growing memory.
    std::size_t max_hosts = 1024;
    /// host → (seq, digest) already audited: that host's stream resumes at seq + 1 (and may repeat the
    /// checkpoint entry itself) instead of starting at genesis.
    std::map<std::string, chain_checkpoint, std::less<>> checkpoints;
    /// host → the head its chain must reach at least (else chain_gap, truncation), and the digest
    /// the entry at that seq must have (else chain_fork). A host named here that never appears is truncated.
    std::map<std::string, expected_head, std::less<>> expected_heads;
    /// host → the key ids allowed to sign its entries. A host not named here may be signed by any
    /// trusted key unless pinned_hosts_only.
    std::map<std::string, std::set<std::string, std::less<>>, std::less<>> host_signers;
    bool pinned_hosts_only = false;
    /// Limits of the strict parser for each entry's data.
    json::parse_limits limits{};
};

/// One verified host chain.
struct host_chain_head {
    std::string host_id;
    std::uint64_t head_seq = 0;  ///< seq of the last entry (or of the checkpoint, when no entry followed it)
    std::string head_digest;     ///< entry_digest of that entry (or the checkpoint's digest)
    std::size_t entries = 0;     ///< entries accepted (exact re-deliveries not counted)
    std::size_t duplicates = 0;  ///< exact re-deliveries of the head, tolerated
    friend bool operator==(const host_chain_head&, const host_chain_head&) = default;
};

namespace detail {
struct cross_host_chain_access;
}  // namespace detail

/// The result of a successful audit: every host's chain is complete, linked, unforked and signed by
/// a trusted (and, where pinned, allowed) key, up to at least every expected head. Only the
/// verifier builds one (private constructor, one door: detail::cross_host_chain_access).
class verified_cross_host_chains {
public:
    /// Every host, sorted by host id.
    [[nodiscard]] const std::vector<host_chain_head>& hosts() const noexcept { return hosts_; }
    [[nodiscard]] const host_chain_head* find(std::string_view host) const noexcept {
        for (const host_chain_head& h : hosts_)
            if (h.host_id == host) return &h;
        return nullptr;
    }
    [[nodiscard]] std::size_t entries() const noexcept {
        std::size_t n = 0;
        for (const host_chain_head& h : hosts_) n += h.entries;
        return n;
    }

    verified_cross_host_chains(const verified_cross_host_chains&) = default;
    verified_cross_host_chains(verified_cross_host_chains&&) noexcept = default;
    verified_cross_host_chains& operator=(const verified_cross_host_chains&) = default;
    verified_cross_host_chains& operator=(verified_cross_host_chains&&) noexcept = default;
    ~verified_cross_host_chains() = default;

private:
    friend struct detail::cross_host_chain_access;
    explicit verified_cross_host_chains(std::vector<host_chain_head> hosts) : hosts_(std::move(hosts)) {}
    std::vector<host_chain_head> hosts_;
};

namespace detail {
/// The one door: cross_host_chain_verifier::finish only, after every check has passed.
struct cross_host_chain_access {
    [[nodiscard]] static verified_cross_host_chains make(std::vector<host_chain_head> hosts) {
        return verified_cross_host_chains(std::move(hosts));
    }
};

/// Best-effort "host \"h\" seq n" of an entry that failed a check (its claim, unverified), or
/// "entry N" when its data does not say.
[[nodiscard]] inline std::string claimed_label(const cloud_event_v1& e, std::size_t index, const json::parse_limits& limits) {
    std::string fallback = "entry " + std::to_string(index);
    const auto* j = std::get_if<json_data>(&e.data);
    if (j == nullptr) return fallback;
    const auto v = json::parse_strict(j->json, limits);
    if (!v || !v.value().is_object()) return fallback;
    const boost::json::object& o = v.value().get_object();
    const boost::json::value* host = o.if_contains("hostId");
    const boost::json::value* seq = o.if_contains("seq");
    if (host == nullptr || !host->is_string()) return fallback;
    const std::string_view h(host->get_string().data(), host->get_string().size());
    if (!is_host_id(h)) return fallback;
    std::string label = "host \"" + std::string(h) + "\"";
    if (seq != nullptr && seq->is_uint64()) label += " seq " + std::to_string(seq->get_uint64());
    else if (seq != nullptr && seq->is_int64() && seq->get_int64() >= 0) label += " seq " + std::to_string(seq->get_int64());
    return label;
}
}  // namespace detail

/// The streaming auditor: feed it the interleaved entries of every host in stream order, then
/// finish(). State: one head per host (O(hosts), capped by max_hosts), never the entries. `keys`
/// must outlive the verifier. Each feed() checks one entry, in this order: its envelope
/// (verify_signed_event_envelope: unknown_key_id for a foreign signer, signature_invalid for a
/// tampered entry), its data (decode_chain_entry), its signer pin (scope_exceeded), the host cap,
/// then its place in its host's chain. After a host's first chain refusal (gap, fork, rollback,
/// broken link) its later entries are counted (skipped()) but not checked: the chain has no trusted
/// head left to follow, and one cause should not be reported as a cascade. Any refusal makes
/// finish() fail with the first problem.
template <KeyResolver R, CryptoProvider P = cryptopp_provider>
class cross_host_chain_verifier {
public:
    /// Refuses a checkpoint or expected head naming an invalid host id or digest (invalid_value).
    [[nodiscard]] static checked<cross_host_chain_verifier> create(const R& keys, cross_host_chain_options options = {},
                                                                   P provider = {}) {
        cross_host_chain_verifier v(keys, std::move(options), std::move(provider));
        for (const auto& [host, cp] : v.options_.checkpoints) {
            if (!is_host_id(host) || !is_chain_digest(cp.digest) || cp.seq > max_signed_integer)
                return make_problem(errc::invalid_value, "", "checkpoint of host \"" + host + "\": a host id and a 64-hex digest",
                                    "chainCheckpointFormat");
            host_state& st = v.hosts_[host];
            st.has_head = true;
            st.head_seq = cp.seq;
            st.head_digest = cp.digest;
        }
        for (const auto& [host, head] : v.options_.expected_heads) {
            if (!is_host_id(host) || (head.digest && !is_chain_digest(*head.digest)) || head.seq > max_signed_integer)
                return make_problem(errc::invalid_value, "", "expected head of host \"" + host + "\": a host id and a 64-hex digest",
                                    "chainExpectedHeadFormat");
        }
        return v;
    }

    /// Checks the next entry of the stream; problems point under "/<index>" (0-based position in the stream).
    [[nodiscard]] checked<void> feed(const signed_event_envelope_v1& env) { return feed(env, "/" + std::to_string(fed_)); }

    /// Checks the next entry; problems point under `base` (e.g. "" when each entry is its own document).
    [[nodiscard]] checked<void> feed(const signed_event_envelope_v1& env, std::string_view base) {
        const std::size_t index = fed_++;
        const auto refuse = [&](problem p, std::string_view at, std::string label) -> checked<void> {
            p.pointer = std::string(base) + std::string(at) + p.pointer;
            p.message = std::move(label) + ": " + p.message;
            ++refused_;
            if (!first_) first_ = p;
            return p;
        };
        auto verified = verify_signed_event_envelope(env, *keys_, provider_);
        // An entry refused before its chain is looked at (envelope, data, pin, cap) is not part of
        // any host's chain: the host's chain goes on without it (a dropped genuine entry then shows
        // as a gap too).
        if (!verified) return refuse(std::move(verified).error(), "", detail::claimed_label(env.event, index, options_.limits));
        auto decoded = decode_chain_entry(env.event, options_.limits);
        if (!decoded) return refuse(std::move(decoded).error(), "/event", detail::claimed_label(env.event, index, options_.limits));
        const chain_position& at = decoded.value().position;
        const std::string label = detail::chain_label(at.host_id, at.seq);
        if (auto pin = options_.host_signers.find(at.host_id); pin != options_.host_signers.end()) {
            if (!pin->second.contains(env.signer_kid))
                return refuse(make_problem(errc::scope_exceeded, "/signerKid",
                                           "key id \"" + env.signer_kid + "\" is trusted but not allowed to sign for this host",
                                           "hostSignerPin"),
                              "", label);
        } else if (options_.pinned_hosts_only) {
            return refuse(make_problem(errc::scope_exceeded, "/event/data/hostId",
                                       "no signer is pinned for this host (only pinned hosts are accepted)", "hostNotPinned"),
                          "", label);
        }
        auto it = hosts_.find(at.host_id);
        if (it == hosts_.end()) {
            if (hosts_.size() >= options_.max_hosts)
                return refuse(make_problem(errc::input_too_large, "/event/data/hostId",
                                           "more than " + std::to_string(options_.max_hosts) + " hosts in one audit", "maxHosts"),
                              "", label);
            it = hosts_.emplace(at.host_id, host_state{}).first;
        }
        host_state& st = it->second;
        if (st.broken) {
            ++skipped_;
            return boost::outcome_v2::success();
        }
        const auto broken = [&](errc code, std::string_view member, std::string message, std::string rule) {
            st.broken = true;
            return refuse(make_problem(code, "/event/data/" + std::string(member), std::move(message), std::move(rule)), "", label);
        };
        auto digest_of = entry_digest(env);  // cannot fail once verified; recorded like any refusal if it did
        if (!digest_of) return refuse(std::move(digest_of).error(), "/event", label);
        std::string digest = std::move(digest_of).value();
        if (!st.has_head) {
            if (at.seq != 0)
                return broken(errc::chain_gap, chain_fields::seq,
                              "the host's first entry is seq " + std::to_string(at.seq) + ": seqs 0.." + std::to_string(at.seq - 1) +
                                  " are missing (a chain starts at genesis, seq 0, unless a checkpoint is given)",
                              "chainStart");
            if (at.prev_digest != genesis_prev_digest)
                return broken(errc::chain_broken, chain_fields::prev_digest, "a genesis entry's prevDigest is 64 zeros",
                              "genesisPrevDigest");
        } else if (at.seq == st.head_seq) {
            if (digest == st.head_digest) {  // an exact re-delivery of the head: no new information
                ++st.duplicates;
                return boost::outcome_v2::success();
            }
            return broken(errc::chain_fork, chain_fields::seq,
                          "a second, different entry at this seq (the first has digest " + st.head_digest + ")", "chainFork");
        } else if (at.seq < st.head_seq) {
            return broken(errc::version_rollback, chain_fields::seq,
                          "seq is below the host's head " + std::to_string(st.head_seq) + " (reordered or replayed)", "chainRollback");
        } else if (at.seq != st.head_seq + 1) {
            return broken(errc::chain_gap, chain_fields::seq,
                          "the host's head is seq " + std::to_string(st.head_seq) + ": seqs " + std::to_string(st.head_seq + 1) + ".." +
                              std::to_string(at.seq - 1) + " are missing (dropped)",
                          "chainGap");
        } else if (at.prev_digest != st.head_digest) {
            return broken(errc::chain_broken, chain_fields::prev_digest,
                          "prevDigest " + at.prev_digest + " is not the digest " + st.head_digest + " of seq " +
                              std::to_string(st.head_seq),
                          "chainLink");
        }
        if (auto exp = options_.expected_heads.find(at.host_id);
            exp != options_.expected_heads.end() && exp->second.seq == at.seq && exp->second.digest && *exp->second.digest != digest)
            return broken(errc::chain_fork, chain_fields::seq,
                          "the entry's digest " + digest + " is not the expected head's " + *exp->second.digest, "expectedHeadDigest");
        st.has_head = true;
        st.head_seq = at.seq;
        st.head_digest = std::move(digest);
        ++st.entries;
        return boost::outcome_v2::success();
    }

    /// The expected heads not reached (chain_gap, rule expectedHead), at most `cap` stored. Hosts
    /// already refused are not reported again.
    [[nodiscard]] problem_list unmet_expectations(std::size_t cap = problem_list::unlimited) const {
        problem_list out(cap);
        for (const auto& [host, head] : options_.expected_heads) {
            const auto it = hosts_.find(host);
            if (it != hosts_.end() && it->second.broken) continue;
            const std::string label = detail::chain_label(host, head.seq);
            if (it == hosts_.end() || !it->second.has_head) {
                out.push_back(make_problem(errc::chain_gap, "", label + ": no entry of this host was seen (truncated)", "expectedHead"));
            } else if (it->second.head_seq < head.seq) {
                out.push_back(make_problem(errc::chain_gap, "",
                                           label + ": the chain ends at seq " + std::to_string(it->second.head_seq) + " (truncated)",
                                           "expectedHead"));
            } else if (it->second.head_seq == head.seq && head.digest && *head.digest != it->second.head_digest) {
                out.push_back(make_problem(errc::chain_fork, "", label + ": the head's digest is not the expected one",
                                           "expectedHeadDigest"));
            }
        }
        return out;
    }

    /// Every host verified up to its expected head, or the first problem found (nothing partial).
    [[nodiscard]] checked<verified_cross_host_chains> finish() const {
        if (first_) return *first_;
        const problem_list unmet = unmet_expectations(1);
        if (!unmet.empty()) return unmet.front();
        std::vector<host_chain_head> heads;
        heads.reserve(hosts_.size());
        for (const auto& [host, st] : hosts_) heads.push_back(host_chain_head{host, st.head_seq, st.head_digest, st.entries, st.duplicates});
        return detail::cross_host_chain_access::make(std::move(heads));
    }

    [[nodiscard]] std::size_t fed() const noexcept { return fed_; }          ///< entries fed
    [[nodiscard]] std::size_t refused() const noexcept { return refused_; }  ///< entries refused
    [[nodiscard]] std::size_t skipped() const noexcept { return skipped_; }  ///< entries of refused hosts, not checked
    [[nodiscard]] std::size_t host_count() const noexcept { return hosts_.size(); }

private:
    struct host_state {
        bool has_head = false;
        bool broken = false;
        std::uint64_t head_seq = 0;
        std::string head_digest;
        std::size_t entries = 0;
        std::size_t duplicates = 0;
    };

    cross_host_chain_verifier(const R& keys, cross_host_chain_options options, P provider)
        : keys_(&keys), options_(std::move(options)), provider_(std::move(provider)) {}

    const R* keys_;
    cross_host_chain_options options_;
    P provider_;
    std::map<std::string, host_state, std::less<>> hosts_;
    std::optional<problem> first_;
    std::size_t fed_ = 0;
    std::size_t refused_ = 0;
    std::size_t skipped_ = 0;
};

/// Audits a whole stream (any range of signed_event_envelope_v1, in stream order): the first
/// problem (pointers under "/<index>"), or every host's verified head.
template <class Range, KeyResolver R, CryptoProvider P = cryptopp_provider>
[[nodiscard]] checked<verified_cross_host_chains> verify_cross_host_chains(const Range& entries, const R& keys,
                                                                           cross_host_chain_options options = {},
                                                                           const P& provider = {}) {
    using verifier = cross_host_chain_verifier<R, P>;  // (no comma inside the macro's argument)
    BOOST_OUTCOME_TRY(verifier v, verifier::create(keys, std::move(options), provider));
    for (const signed_event_envelope_v1& env : entries) {
        BOOST_OUTCOME_TRY(v.feed(env));
    }
    return v.finish();
}

}  // namespace cellos::trust
