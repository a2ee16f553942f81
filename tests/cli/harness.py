"""tests/cli/harness.py — what every CLI test shares, once: check() and its tally, one invocation of
the CLI (Run: exit code, raw output, stdout parsed as JSON), temporary documents, and the closing
line. Standard library only; each test imports it from its own directory."""

import json
import os
import subprocess
import tempfile

results = []  # (ok, name)


def check(name, ok, detail=""):
    """Records one check and prints it; returns whether it held."""
    ok = bool(ok)
    results.append((ok, name))
    print(("ok     " if ok else "FAIL   ") + name + ("" if ok or not detail else "  -- " + detail), flush=True)
    return ok


class Run:
    """One invocation: exit code, raw stdout/stderr, and stdout parsed as JSON (or None)."""

    def __init__(self, exe, args, stdin=b"", env=None, timeout=60):
        p = subprocess.run([exe] + list(args), input=stdin, capture_output=True, timeout=timeout,
                           env=dict(os.environ, **(env or {})))
        self.args, self.code, self.out, self.err = list(args), p.returncode, p.stdout, p.stderr
        try:
            self.json = json.loads(self.out.decode("utf-8"))
        except ValueError:
            self.json = None

    def describe(self):
        return "exit %d, stdout %r, stderr %r" % (self.code, self.out[:400], self.err[:200])


def runner(exe):
    """run(name, args, code, stdin=b""): one invocation of `exe` whose exit code is checked; the Run."""
    def run(name, args, code, stdin=b""):
        r = Run(exe, args, stdin)
        check(name + ": exit %d" % code, r.code == code, r.describe())
        return r
    return run


class TempDocs:
    """Numbered files in a private temporary directory (removed by the OS's tmp cleaning)."""

    def __init__(self, prefix):
        self.dir = tempfile.mkdtemp(prefix=prefix)
        self.counter = 0

    def write(self, doc, suffix=".json"):
        """`doc` as bytes, text, or a JSON value; returns the path."""
        self.counter += 1
        path = os.path.join(self.dir, "d%03d%s" % (self.counter, suffix))
        if isinstance(doc, str):
            doc = doc.encode("utf-8")
        elif not isinstance(doc, bytes):
            doc = json.dumps(doc).encode("utf-8")
        with open(path, "wb") as f:
            f.write(doc)
        return path


def finish():
    """Prints the tally; the exit status of the test (1 if any check failed)."""
    failed = [name for ok, name in results if not ok]
    print("%d checks, %d failed" % (len(results), len(failed)))
    return 1 if failed else 0
