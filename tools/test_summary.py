#!/usr/bin/env python3
"""test_summary.py BUILDDIR...  prints the closing line "N passed, N failed" over every build dir.

OK and EXPECTEDFAIL count as passed, SKIP as skipped, anything else as failed; a build dir without a
test log (setup or build failed) counts as one failure. Exit 1 on any failure or when nothing ran.
"""
import json
import pathlib
import sys

passed = failed = skipped = 0
for d in sys.argv[1:]:
    log = pathlib.Path(d) / "meson-logs" / "testlog.json"
    results = [json.loads(line)["result"] for line in log.read_text().splitlines() if line.strip()] if log.exists() else []
    if not results:
        print(f"{d}: no test results (setup or build failed)", file=sys.stderr)
        failed += 1
    passed += sum(r in ("OK", "EXPECTEDFAIL") for r in results)
    skipped += sum(r == "SKIP" for r in results)
    failed += sum(r not in ("OK", "EXPECTEDFAIL", "SKIP") for r in results)
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed or passed == 0 else 0)
