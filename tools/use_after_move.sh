#!/usr/bin/env bash
# tools/use_after_move.sh — a consumed type-state value (std::move(a).weaken<…>(),
# std::move(builder).build()) stays nameable in C++; clang-tidy's bugprone-use-after-move is the
# check that catches its reuse. Runs it over the project's sources (must be clean) and over a probe
# with a deliberate reuse (must be flagged, so the check cannot silently go dead).
set -uo pipefail
cd "$(dirname "$0")/.."
tidy=$(command -v clang-tidy || command -v clang-tidy-14) || { echo "use-after-move: clang-tidy not installed"; exit 1; }
checks='-*,bugprone-use-after-move'
# tools/cellos includes demo_files.hpp, generated at build time (tools/meson.build): generate it here.
gen=$(mktemp -d)
trap 'rm -rf "$gen"' EXIT
python3 tools/embed_data.py "$gen/demo_files.hpp" "$gen/demo_files.hpp.d" examples/data authority admission || exit 1
flags=(-std=c++20 -Iinclude -Iexamples "-I$gen" "-DCELLOS_EXAMPLES_DIR=\"examples/data\"" "-DCELLOS_VERSION=\"0.0.0-tidy\"")
status=0
for f in tools/cellos/main.cpp examples/supervisor.cpp examples/supervisor_generic.cpp tests/unit/derive_test.cpp; do
  if ! "$tidy" --quiet --checks="$checks" --warnings-as-errors='*' "$f" -- "${flags[@]}" >/tmp/uam.$$ 2>&1; then
    echo "use-after-move: $f"; grep -E "warning|error" /tmp/uam.$$ | head -5; status=1
  fi
done
if "$tidy" --quiet --checks="$checks" --warnings-as-errors='*' tests/tidy/use_after_move_probe.cpp -- "${flags[@]}" >/tmp/uam.$$ 2>&1; then
  echo "use-after-move: the probe was NOT flagged: the check is not working"; status=1
elif ! grep -q "used after it was moved" /tmp/uam.$$; then
  echo "use-after-move: the probe failed for another reason:"; head -20 /tmp/uam.$$; status=1
fi
rm -f /tmp/uam.$$
[ $status -eq 0 ] && echo "use-after-move: clean (probe flagged as expected)"
exit $status
