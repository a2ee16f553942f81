// tools/cellos/demo_data.hpp — where `cellos demo` reads its documents: by default the copy of
// examples/data/{authority,admission} compiled into the binary (tools/embed_data.py generates
// demo_files.hpp at build time, so an installed `cellos` needs no source tree and bakes in no
// path); with `--data DIR`, the files under DIR (same layout). examples/data stays the source of
// truth: edit a file there and the next build embeds it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "admission_io.hpp"
#include "cli.hpp"
#include "demo_files.hpp"  // generated in the build directory

namespace cellos::cli {

class demo_data {
public:
    /// `dir`: the `--data` directory, or nullopt for the embedded copy.
    explicit demo_data(std::optional<std::filesystem::path> dir) : dir_(std::move(dir)) {}

    /// The bytes of `rel` ('/'-separated, relative to the data directory), or an io_error problem.
    checked<std::string> read(std::string_view rel) const {
        if (dir_) return read_input(path(rel));
        for (const embedded::file& f : embedded::files)
            if (f.path == rel) return std::string(f.text);
        return make_problem(errc::io_error, "", "cannot read (embedded) " + std::string(rel) + ": no such file");
    }

private:
    std::string path(std::string_view rel) const { return (*dir_ / std::filesystem::path(std::string(rel))).string(); }

    std::optional<std::filesystem::path> dir_;
};

/// `load<Doc>` (admission_io.hpp) for a demo document: parse, decode, or report and set `code`.
template <class Doc>
std::optional<Doc> load_demo(const demo_data& data, std::string_view rel, int& code) {
    return decode_document<Doc>(rel, data.read(rel), code);
}

}  // namespace cellos::cli
