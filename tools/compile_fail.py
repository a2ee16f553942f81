#!/usr/bin/env python3
"""Compile-fail runner: compile_fail.py BUILD_ROOT SOURCE

SOURCE holds one or more `// EXPECT: <regex>` lines and is built normally (with
-DCELLOS_COMPILE_FAIL_CONTROL) as a control target, so the build proves the snippet is otherwise
well-formed. This replays that exact compile command from BUILD_ROOT/compile_commands.json without
the control macro, with -fsyntax-only, and passes only if the compiler rejects the source AND every
EXPECT regex matches its diagnostics.
"""
import json
import os
import re
import shlex
import subprocess
import sys

DROP_WITH_ARG = {"-o", "-MF", "-MQ", "-MT"}
DROP = {"-c", "-MD", "-MMD", "-DCELLOS_COMPILE_FAIL_CONTROL"}


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    build_root, source = sys.argv[1], os.path.realpath(sys.argv[2])
    with open(source, encoding="utf-8") as f:
        expects = [m.group(1).strip() for m in re.finditer(r"^// EXPECT: (.+)$", f.read(), re.M)]
    if not expects:
        print(f"FAIL: {source} has no '// EXPECT: <regex>' line")
        return 1
    with open(os.path.join(build_root, "compile_commands.json"), encoding="utf-8") as f:
        entries = json.load(f)
    entry = next((e for e in entries
                  if os.path.realpath(os.path.join(e["directory"], e["file"])) == source), None)
    if entry is None:
        print(f"FAIL: no control target for {source} in compile_commands.json")
        return 1
    argv = entry["arguments"] if "arguments" in entry else shlex.split(entry["command"])
    cmd, skip = [], False
    for a in argv:
        if skip:
            skip = False
        elif a in DROP_WITH_ARG:
            skip = True
        elif a not in DROP and not a.startswith(("-fdiagnostics-color", "-fcolor-diagnostics")):
            cmd.append(a)
    cmd += ["-fsyntax-only", "-fdiagnostics-color=never"]  # plain text for the EXPECT regexes
    run = subprocess.run(cmd, cwd=entry["directory"], capture_output=True, text=True)
    diag = run.stdout + run.stderr
    if run.returncode == 0:
        print("FAIL: expected a compile error, but it compiled:\n  " + " ".join(cmd))
        return 1
    missing = [e for e in expects if not re.search(e, diag)]
    if missing:
        tail = "\n".join(diag.splitlines()[-40:])
        print(f"FAIL: compile failed, but not for the expected reason; missing {missing!r}\n--- tail ---\n{tail}")
        return 1
    lines = [l for l in diag.splitlines() if any(re.search(e, l) for e in expects)]
    print("ok: rejected for the expected reason:\n  " + "\n  ".join(lines[:3]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
