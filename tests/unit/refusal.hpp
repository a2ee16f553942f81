// Test helper: a problem list as comparable (code, pointer, rule) triples, printed readably by
// doctest — for tests that pin every refusal a validator reports.
#pragma once

#include <string>
#include <vector>

#include "../doctest.hpp"
#include "cellos/error.hpp"
#include "cellos/problem.hpp"

namespace cellos_test {

struct refusal {
    cellos::errc code;
    std::string pointer;
    std::string rule;
    friend bool operator==(const refusal&, const refusal&) = default;
};

inline doctest::String toString(const std::vector<refusal>& rs) {
    std::string out;
    for (const refusal& r : rs) out += std::string(cellos::errc_name(r.code)) + " at " + r.pointer + " (" + r.rule + "); ";
    return out.c_str();
}

inline std::vector<refusal> refusals(const cellos::problem_list& l) {
    std::vector<refusal> out;
    for (const cellos::problem& p : l) out.push_back({p.code, p.pointer, p.rule});
    return out;
}

}  // namespace cellos_test
