#!/usr/bin/env python3
"""run_install.py BUILD_ROOT SOURCE_ROOT CXX — every way a user consumes an installed cellos-core.

Stages `meson install` of BUILD_ROOT (already built: --no-rebuild) into a temporary DESTDIR, then:
  (a) runs the installed `bin/cellos demo` from / : it must pass on its embedded copy of
      examples/data, print what `--data SOURCE_ROOT/examples/data` prints, and contain no path
      into the source tree;
  (b) configures, builds and runs tests/install/cmake_consumer against the staged prefix
      (CMAKE_PREFIX_PATH; find_package(cellos-core CONFIG), components, cellos::core);
  (c) compiles tests/install/pkgconfig_consumer.cpp with CXX and `pkg-config --cflags --libs
      cellos-core` from the staged prefix (PKG_CONFIG_PATH), and runs it.
Prints one line per check; exit 0 when all pass, 1 otherwise (77, skipped, when cmake is missing).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

build_root, source_root, cxx = sys.argv[1], os.path.realpath(sys.argv[2]), sys.argv[3]
here = os.path.join(source_root, "tests", "install")
failures = 0


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        print(f"FAIL: {' '.join(cmd)} exited {r.returncode}\n{r.stdout[-4000:]}\n{r.stderr[-4000:]}")
        sys.exit(1)
    return r


def check(ok, what):
    global failures
    print(("ok: " if ok else "FAIL: ") + what)
    failures += 0 if ok else 1


def option(options, name):
    return next(o["value"] for o in options if o["name"] == name)


if shutil.which("cmake") is None:
    print("SKIP: cmake not installed (tools/dev installs it)")
    sys.exit(77)

started = time.monotonic()
options = json.loads(run(["meson", "introspect", "--buildoptions", build_root]).stdout)
prefix, bindir, libdir, datadir, includedir = (option(options, n) for n in ("prefix", "bindir", "libdir", "datadir", "includedir"))
with tempfile.TemporaryDirectory(prefix="cellos-install-") as tmp:
    destdir = os.path.join(tmp, "stage")
    staged = destdir + prefix  # meson install --destdir puts PREFIX under DESTDIR
    run(["meson", "install", "-C", build_root, "--no-rebuild", "--destdir", destdir])
    for rel in (f"{includedir}/cellos/cellos.hpp", f"{libdir}/cmake/cellos-core/cellos-coreConfig.cmake",
                f"{libdir}/cmake/cellos-core/cellos-coreConfigVersion.cmake", f"{datadir}/pkgconfig/cellos-core.pc",
                f"{bindir}/cellos"):
        check(os.path.isfile(os.path.join(staged, rel)), f"installed {rel}")

    # (a) the installed demo, from /, on its embedded data.
    cellos = os.path.join(staged, bindir, "cellos")
    demo = subprocess.run([cellos, "demo", "--json"], cwd="/", capture_output=True, text=True)
    lines = demo.stdout.splitlines()
    summary = json.loads(lines[-1]) if lines else {}
    check(demo.returncode == 0 and summary.get("failures") == 0 and summary.get("documents", 0) > 0,
          f"installed `cellos demo` from / exits {demo.returncode}: {lines[-1] if lines else demo.stderr.strip()}")
    from_files = subprocess.run([cellos, "demo", "--json", "--data", os.path.join(source_root, "examples", "data")],
                                cwd="/", capture_output=True, text=True)
    # Every step but the replay's (its log directory and key are new each run) is the same.
    same_steps = lambda out: [l for l in out.splitlines() if '"job":"replay"' not in l]
    check(from_files.returncode == 0 and same_steps(from_files.stdout) == same_steps(demo.stdout),
          "embedded data gives the same demo as --data examples/data")
    with open(cellos, "rb") as f:
        binary = f.read()
    baked = os.fsencode(os.path.join(source_root, "examples"))
    check(baked not in binary, f"no {os.fsdecode(baked)} path in the installed binary")

    # (b) a CMake consumer against the staged prefix.
    project = os.path.join(tmp, "cmake_consumer")
    shutil.copytree(os.path.join(here, "cmake_consumer"), project)
    build = os.path.join(tmp, "cmake_build")
    configure = run(["cmake", "-S", project, "-B", build, "-G", "Ninja", f"-DCMAKE_CXX_COMPILER={shutil.which(cxx) or cxx}",
                     f"-DCMAKE_PREFIX_PATH={staged}", "-DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON"])
    found = os.path.join(staged, libdir, "cmake", "cellos-core")
    check(f"from {found}" in configure.stdout, f"find_package(cellos-core CONFIG) found the staged package ({found})")
    run(["cmake", "--build", build, "-j", "1"])
    app = run([os.path.join(build, "app")])
    check(app.stdout.startswith("observed authority admitted; spec hash sha256:"),
          f"CMake consumer (cellos::core, COMPONENTS json): {app.stdout.strip()}")

    # (c) a pkg-config consumer against the staged prefix. The staged .pc still says
    # prefix=PREFIX: a copy says where it was staged (pkg-config's --define-prefix and
    # --define-variable would also move the Requires: packages' own prefixes).
    with open(os.path.join(staged, datadir, "pkgconfig", "cellos-core.pc"), encoding="utf-8") as f:
        pc = f.read()
    check(f"prefix={prefix}\n" in pc, f"cellos-core.pc has prefix={prefix}")
    pc_dir = os.path.join(tmp, "pkgconfig")
    os.makedirs(pc_dir)
    with open(os.path.join(pc_dir, "cellos-core.pc"), "w", encoding="utf-8") as f:
        f.write(pc.replace(f"prefix={prefix}\n", f"prefix={staged}\n", 1))
    env = dict(os.environ, PKG_CONFIG_PATH=pc_dir)
    flags = run(["pkg-config", "--cflags", "--libs", "cellos-core"], env=env).stdout.split()
    check(f"-I{os.path.join(staged, includedir)}" in flags, f"pkg-config flags point into the staged prefix: {' '.join(flags)}")
    exe = os.path.join(tmp, "app_pc")
    run([cxx, os.path.join(here, "pkgconfig_consumer.cpp"), "-o", exe] + flags)
    app = run([exe])
    check(app.stdout.startswith("pkg-config consumer: sha256:"), "pkg-config consumer builds, links and runs")

print(f"{'ok' if failures == 0 else 'FAIL'}: install paths ({time.monotonic() - started:.0f} s)")
sys.exit(1 if failures else 0)
