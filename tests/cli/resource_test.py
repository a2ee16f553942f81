#!/usr/bin/env python3
"""resource_test.py PATH_TO_cellos EXAMPLES_DIR — memory and output stay bounded on hostile input.

Each case feeds the CLI an input built to amplify (an endless pipe, a 2 GiB sparse file, a 1 MiB
document of 349 k empty entries, millions of JSON Lines) under an address-space cap, and checks the
exit code, the answer, the size of stdout, and the peak resident memory of that one process
(os.wait4): at most 64 MiB above a small valid run plus the 1 MiB document limit. Not timed.
With CELLOS_SANITIZED=1 (ASan reserves terabytes of address space) the caps are not applied and
the memory is not compared; exit codes and output bounds still are. The generators are here.
"""
import json
import os
import resource
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import TempDocs, check, finish  # noqa: E402

MiB = 1 << 20
DOC_LIMIT = MiB
SANITIZED = os.environ.get("CELLOS_SANITIZED") == "1"
AS_CAP = 512 * MiB


def run(exe, args, stdin_path=None):
    """(exit code, stdout size, first JSON line, last JSON line, line count, peak RSS in bytes)."""
    cap = None if SANITIZED else (lambda: resource.setrlimit(resource.RLIMIT_AS, (AS_CAP, AS_CAP)))
    with tempfile.TemporaryFile() as out, open(stdin_path or os.devnull, "rb") as stdin:
        p = subprocess.Popen([exe] + args, stdin=stdin, stdout=out, stderr=subprocess.DEVNULL, preexec_fn=cap)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        size = out.tell()
        out.seek(0)
        first = out.readline()
        lines, last = (1 if first else 0), first
        for line in out:
            lines, last = lines + 1, line
    parse = lambda b: json.loads(b) if b.strip() else None
    try:
        first_json, last_json = parse(first), parse(last)
    except ValueError:
        first_json = last_json = None
    return p.returncode, size, first_json, last_json, lines, usage.ru_maxrss * 1024


def fill(base, path, count):
    """`base` with the list at JSON pointer `path` holding `count` empty strings."""
    doc = json.loads(json.dumps(base))
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = [""] * count
    return doc


def entries_that_fit(base, path):
    """How many empty strings the list at `path` can hold with the document staying under 1 MiB."""
    overhead = len(json.dumps(fill(base, path, 0), separators=(",", ":")))
    return (DOC_LIMIT - overhead - 16) // 3  # '"",' per entry


def main(argv):
    exe, examples = argv[1], argv[2]
    docs = TempDocs("cellos-resources-")
    admission = os.path.join(examples, "admission")
    load = lambda name: json.load(open(os.path.join(admission, name), encoding="utf-8"))
    compact = lambda doc: json.dumps(doc, separators=(",", ":")).encode()

    # the reference: a small valid run of the same binary
    *_, base_rss = run(exe, ["spec", "validate", os.path.join(admission, "build_cell.json")])
    budget = base_rss + DOC_LIMIT + 64 * MiB

    def bounded(name, args, stdin_path=None, code=1, max_output=64 * 1024, expect=None):
        rc, size, first, last, lines, rss = run(exe, args, stdin_path)
        check(f"{name}: exit {code}", rc == code, f"exit {rc}, first {str(first)[:300]}")
        check(f"{name}: stdout bounded ({size} bytes <= {max_output})", size <= max_output)
        if not SANITIZED:
            check(f"{name}: peak memory {rss >> 20} MiB <= {budget >> 20} MiB", rss <= budget)
        if expect is not None:
            check(f"{name}: answer", expect(first, last, lines), f"first {str(first)[:300]} last {str(last)[:300]}")

    def code_of(j):
        return (j or {}).get("error", {}).get("code")

    # --- reading: at most the limit + 1 bytes, whatever the system reports ----------------------
    sparse = os.path.join(docs.dir, "sparse.json")
    with open(sparse, "wb") as f:
        f.truncate(2 << 30)
    bounded("jcs endless stdin", ["jcs", "-"], "/dev/zero", expect=lambda f, l, n: code_of(f) == "input_too_large")
    bounded("jcs 2 GiB sparse FILE", ["jcs", sparse], expect=lambda f, l, n: code_of(f) == "input_too_large")
    bounded("event validate 2 GiB sparse FILE", ["event", "validate", sparse],
            expect=lambda f, l, n: code_of(f) == "input_too_large")
    os.remove(sparse)

    # --- amplification: a 1 MiB document of empty entries, at most 100 violations listed --------
    spec = load("build_cell.json")
    allowlist = ["spec", "authority", "dnsAuthority", "hostnameAllowlist"]
    n = entries_that_fit(spec, allowlist)
    huge_spec = docs.write(compact(fill(spec, allowlist, n)))
    check(f"generator: {n} empty allowlist entries in under 1 MiB", os.path.getsize(huge_spec) <= DOC_LIMIT)

    def capped(key="violations", total_at_least=1, listed=100):
        return lambda f, l, n_: (f is not None and len(f.get(key, [])) == listed and f.get("truncated") is True
                                 and f.get("total", 0) >= total_at_least)

    bounded("spec validate, 349 k empty allowlist entries", ["spec", "validate", huge_spec], expect=capped(total_at_least=n))
    bounded("spec validate --max-violations 3", ["spec", "validate", "--max-violations", "3", huge_spec],
            expect=capped(total_at_least=n, listed=3))
    bounded("policy check, the same spec", ["policy", "check", "--pack", os.path.join(admission, "pack_ci.json"), huge_spec],
            expect=lambda f, l, n_: capped(total_at_least=n)(f, l, n_) and f.get("document") == "spec")
    policy = load("authz_ci.json")
    subjects = ["spec", "rules", 0, "subjects"] if "rules" in policy.get("spec", {}) else ["spec", "subjects"]
    try:
        m = entries_that_fit(policy, subjects)
        huge_policy = docs.write(compact(fill(policy, subjects, m)))
        bounded("authz check, 349 k empty subjects", ["authz", "check", "--policy", huge_policy, "--subject", "acme"],
                expect=lambda f, l, n_: capped(total_at_least=m)(f, l, n_) and f.get("document") == "policy")
    except (KeyError, IndexError, TypeError) as e:
        check("generator: authorization policy has a subjects list", False, repr(e))
    batch = docs.write(b"[" + b",".join([b"{}"] * ((DOC_LIMIT - 2) // 3)) + b"]")
    bounded("event validate, a batch of 349 k {}", ["event", "validate", batch],
            expect=lambda f, l, n_: f is not None and len(f.get("events", [])) == 100 and f.get("truncated") is True
            and f.get("rejected") == (DOC_LIMIT - 2) // 3)

    # --- JSON Lines: streamed, constant memory in the number of lines --------------------------
    blank = docs.write(b"\n" * DOC_LIMIT, ".jsonl")
    bounded("event --jsonl, 1 MiB of blank lines", ["event", "validate", "--jsonl", blank], max_output=1024,
            expect=lambda f, l, n_: n_ == 1 and code_of(l) == "empty_input" and l.get("blank") == DOC_LIMIT)
    lines = 350_000 if SANITIZED else 3_500_000  # 10.5 MB; a tenth under ASan (its memory is not compared)
    many = docs.write(b"{}\n" * lines, ".jsonl")
    bounded(f"event --jsonl, {lines} lines of {{}}", ["event", "validate", "--jsonl", many],
            expect=lambda f, l, n_: n_ == 101 and f.get("line") == 1 and l.get("rejected") == lines
            and l.get("truncated") is True)
    os.remove(many)
    long_line = docs.write(b"[" + b"1," * (2 * MiB) + b"1]\n{}\n", ".jsonl")
    bounded("event --jsonl, a 4 MiB line", ["event", "validate", "--jsonl", long_line],
            expect=lambda f, l, n_: code_of(f) == "input_too_large" and f.get("line") == 1 and l.get("count") == 2)
    return finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
