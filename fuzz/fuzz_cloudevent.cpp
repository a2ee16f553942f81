// libFuzzer target for the CloudEvents v1.0 boundary: any bytes, read as one event, as a batch and
// as JSON Lines. Properties: nothing crashes or throws; every verdict is deterministic; a rejection
// carries a cellos errc and an RFC 6901 pointer; an accepted event passes the model validator, and
// encode → parse gives an equal event whose text is a fixed point; the three readers agree with
// each other (a document wrapped in "[...]" gets the single verdict under "/0"; each JSON Lines
// line gets the single verdict of its text); the payload decoder (decode_event_payload) is
// deterministic on every accepted event and rejects only with a well-formed problem at /type,
// /datacontenttype or under /data.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "cellos/events/cloud_event.hpp"
#include "cellos/json/cloud_event.hpp"
#include "cellos/json/events.hpp"
#include "cellos/json/jsonl.hpp"
#include "cellos/json/parse.hpp"

namespace {

namespace ce = cellos;
namespace cj = cellos::json;

[[noreturn]] void property_failed(const char* what, int line) {
    std::fprintf(stderr, "cellos fuzz_cloudevent: property failed at line %d: %s\n", line, what);
    std::fflush(stderr);
    __builtin_trap();
}

#define CE_FUZZ_REQUIRE(cond)                              \
    do {                                                   \
        if (!(cond)) property_failed(#cond, __LINE__);     \
    } while (0)

template <class T>
bool same(const cellos::checked<T>& a, const cellos::checked<T>& b) {
    if (a.has_value() != b.has_value()) return false;
    return a.has_value() ? a.value() == b.value() : a.error() == b.error();
}

void check_rejection(const cellos::problem& e) {
    CE_FUZZ_REQUIRE(make_error_code(e.code).category() == cellos::error_category());
    CE_FUZZ_REQUIRE(e.rule.empty());  // CloudEvents and payload problems carry no rule id (docs/events.md)
    CE_FUZZ_REQUIRE(e.code_name() != "unknown" && e.code_name() != "success");
    CE_FUZZ_REQUIRE(e.pointer.empty() || e.pointer[0] == '/');
    CE_FUZZ_REQUIRE(!e.message.empty());
}

/// An accepted event: valid by the model's rules, and encode → parse is the identity.
std::string check_accepted(const ce::cloud_event_v1& e) {
    CE_FUZZ_REQUIRE(!ce::validate_cloud_event(e).has_value());
    CE_FUZZ_REQUIRE(!cj::check_cloud_event(e).has_value());
    CE_FUZZ_REQUIRE(e.specversion == ce::spec_version_1_0);
    const auto text = cj::to_text(e);
    CE_FUZZ_REQUIRE(text.has_value());
    const auto again = cj::parse_cloud_event(text.value());
    CE_FUZZ_REQUIRE(again.has_value());
    CE_FUZZ_REQUIRE(again.value() == e);
    const auto twice = cj::to_text(again.value());
    CE_FUZZ_REQUIRE(twice.has_value() && twice.value() == text.value());
    const auto payload = cj::decode_event_payload(e);
    CE_FUZZ_REQUIRE(same(payload, cj::decode_event_payload(e)));
    if (payload) {
        CE_FUZZ_REQUIRE(ce::type_string(ce::event_type_of(payload.value())) == e.type);
    } else {
        check_rejection(payload.error());
        const std::string& at = payload.error().pointer;
        CE_FUZZ_REQUIRE(at == "/type" || at == "/datacontenttype" || at == "/data" || at.starts_with("/data/"));
    }
    return text.value();
}

bool limit_error(const cellos::problem& e) {
    return e.code == cellos::errc::nesting_too_deep || e.code == cellos::errc::input_too_large;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        // --- one event --------------------------------------------------------------------------------
        const auto single = cj::parse_cloud_event(text);
        CE_FUZZ_REQUIRE(same(single, cj::parse_cloud_event(text)));
        if (single) check_accepted(single.value());
        else check_rejection(single.error());
        const bool parses = cj::parse_strict(text).has_value();

        // --- a batch --------------------------------------------------------------------------------
        const auto batch = cj::parse_cloud_event_batch(text);
        CE_FUZZ_REQUIRE(same(batch, cj::parse_cloud_event_batch(text)));
        if (batch) {
            for (const ce::cloud_event_v1& e : batch.value()) check_accepted(e);
            const auto encoded = cj::to_batch_text(batch.value());
            CE_FUZZ_REQUIRE(encoded.has_value());
            const auto again = cj::parse_cloud_event_batch(encoded.value());
            CE_FUZZ_REQUIRE(again.has_value() && again.value() == batch.value());
        } else {
            check_rejection(batch.error());
        }
        const auto verdicts = cj::cloud_event_batch_verdicts(text);
        if (!verdicts && parses) CE_FUZZ_REQUIRE(verdicts.error().code == cellos::errc::wrong_type);  // not an array
        if (verdicts) {
            CE_FUZZ_REQUIRE(parses);
            bool all = true;
            for (const auto& v : verdicts.value()) all = all && v.has_value();
            CE_FUZZ_REQUIRE(all == batch.has_value());
        }

        // the same text as the only element of a batch: the single verdict, under "/0"
        if (parses) {
            const auto wrapped = cj::parse_cloud_event_batch("[" + std::string(text) + "]");
            if (!(!wrapped && limit_error(wrapped.error()))) {
                CE_FUZZ_REQUIRE(wrapped.has_value() == single.has_value());
                if (single) CE_FUZZ_REQUIRE(wrapped.value().size() == 1 && wrapped.value()[0] == single.value());
                else CE_FUZZ_REQUIRE(wrapped.error().code == single.error().code && wrapped.error().pointer == "/0" + single.error().pointer);
            }
        }

        // --- JSON Lines -----------------------------------------------------------------------------
        const auto lines = cj::parse_cloud_event_jsonl(text);
        const auto lines_again = cj::parse_cloud_event_jsonl(text);
        CE_FUZZ_REQUIRE(lines.size() == lines_again.size());
        std::size_t expected_lines = 0, number = 0;
        std::string_view rest = text;
        while (!rest.empty()) {  // an independent split: "\n" ends a line, a final one ends the text
            const std::size_t nl = rest.find('\n');
            std::string_view line = rest.substr(0, nl);
            rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
            ++number;
            if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;  // blank: skipped, counted
            CE_FUZZ_REQUIRE(expected_lines < lines.size());
            const auto& verdict = lines[expected_lines];
            CE_FUZZ_REQUIRE(verdict.line == number);
            CE_FUZZ_REQUIRE(same(verdict.event, lines_again[expected_lines].event));
            if (verdict.event) check_accepted(verdict.event.value());
            else check_rejection(verdict.event.error());
            if (line.ends_with('\r')) line.remove_suffix(1);
            CE_FUZZ_REQUIRE(same(verdict.event, cj::parse_cloud_event(line)));
            ++expected_lines;
        }
        CE_FUZZ_REQUIRE(lines.size() == expected_lines);
        // the splitter gives the same lines whatever the chunking (here: split at a fuzzed point)
        {
            const std::size_t cut = text.empty() ? 0 : static_cast<unsigned char>(text[0]) % (text.size() + 1);
            std::vector<std::size_t> numbers;
            cj::jsonl_splitter split;
            const auto keep = [&](const cj::jsonl_line& l) { numbers.push_back(l.number); };
            split.feed(text.substr(0, cut), keep);
            split.feed(text.substr(cut), keep);
            split.finish(keep);
            CE_FUZZ_REQUIRE(numbers.size() == lines.size() && split.lines() == number);
            for (std::size_t i = 0; i < numbers.size(); ++i) CE_FUZZ_REQUIRE(numbers[i] == lines[i].line);
        }
        if (text.find('\n') == std::string_view::npos && !text.empty() && text.find_first_not_of(" \t\r") != std::string_view::npos &&
            !text.ends_with('\r'))
            CE_FUZZ_REQUIRE(lines.size() == 1 && same(lines[0].event, single));
    } catch (...) {
        property_failed("the CloudEvents boundary threw", __LINE__);
    }
    return 0;
}
