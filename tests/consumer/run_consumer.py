#!/usr/bin/env python3
"""run_consumer.py SOURCE_ROOT CXX — builds tests/consumer as a separate project that vendors
SOURCE_ROOT as subprojects/cellos-core, then runs both of its programs."""
import os
import shutil
import subprocess
import sys
import tempfile

source_root, cxx = sys.argv[1], sys.argv[2]
here = os.path.join(source_root, "tests", "consumer")
with tempfile.TemporaryDirectory() as tmp:
    project = os.path.join(tmp, "consumer")
    shutil.copytree(here, project, ignore=shutil.ignore_patterns("*.py"))
    os.makedirs(os.path.join(project, "subprojects"))
    os.symlink(source_root, os.path.join(project, "subprojects", "cellos-core"))
    env = dict(os.environ, CXX=cxx)
    build = os.path.join(project, "build")
    for cmd in (["meson", "setup", build, project], ["ninja", "-C", build]):
        r = subprocess.run(cmd, env=env, capture_output=True, text=True)
        if r.returncode != 0:
            print(f"FAIL: {' '.join(cmd)}\n{r.stdout[-4000:]}\n{r.stderr[-4000:]}")
            sys.exit(1)
    for prog in ("kernel_only", "with_json"):
        r = subprocess.run([os.path.join(build, prog)])
        if r.returncode != 0:
            print(f"FAIL: {prog} exited {r.returncode}")
            sys.exit(1)
    print("ok: consumer built with cellos-core as a subproject (kernel-only and JSON components)")
