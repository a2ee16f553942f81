#!/usr/bin/env python3
"""chain_cli_test.py PATH_TO_cellos PATH_TO_chain_log_gen — the CLI contract of `cellos chain verify
--keys KEYS.json [--expect HOST=SEQ[:DIGEST]]... [--max-violations N] LOG.jsonl|-`: one JSON object on
stdout, exit 0 valid / 1 rejected / 2 usage or I/O, per-host heads when valid, every violation with its
stable code, rule, line and a path into the line when not. The signed logs come from the test-only
generator tests/trust/chain_log_gen.cpp (Python has no Ed25519), written into a private temp dir."""
import json
import os
import subprocess
import sys

from harness import Run, TempDocs, check, finish


def main(argv):
    exe = os.path.abspath(argv[1])
    gen = os.path.abspath(argv[2])
    docs = TempDocs("cellos-chain-cli-")
    subprocess.run([gen, docs.dir], check=True)
    path = lambda name: os.path.join(docs.dir, name)
    keys = path("keys.json")
    with open(path("heads.json"), encoding="utf-8") as f:
        heads = json.load(f)

    def run(name, args, code, stdin=b""):
        r = Run(exe, ["chain"] + args, stdin)
        check(name + ": exit %d" % code, r.code == code, r.describe())
        check(name + ": stdout is one JSON object on one line", isinstance(r.json, dict) and r.out.count(b"\n") == 1,
              r.describe())
        return r.json if isinstance(r.json, dict) else {}

    def verify(name, log, code, extra=(), stdin=b""):
        return run(name, ["verify", "--keys", keys, *extra, log], code, stdin)

    # --- valid logs: transport events, bare envelopes, standard input ---------------------------
    for log in ("valid.jsonl", "bare.jsonl"):
        j = verify(log, path(log), 0)
        hosts = j.get("hosts", [])
        check(log + ": valid, 9 entries, three hosts", j.get("valid") is True and j.get("count") == 9 and len(hosts) == 3, str(j))
        check(log + ": per-host heads and counts",
              [(h.get("hostId"), h.get("headSeq"), h.get("entries"), h.get("headDigest")) for h in hosts]
              == [("a", 3, 4, heads["a"]), ("b", 2, 3, heads["b"]), ("c", 1, 2, heads["c"])], str(hosts))
    with open(path("valid.jsonl"), "rb") as f:
        valid = f.read()
    j = verify("stdin", "-", 0, stdin=valid)
    check("stdin: valid", j.get("valid") is True and j.get("count") == 9, str(j))
    j = verify("blank lines and CRLF", "-", 0, stdin=b"\n" + valid.replace(b"\n", b"\r\n") + b"\n \n")
    check("blank lines are skipped and counted", j.get("valid") is True and j.get("blank") == 3, str(j))
    j = verify("a re-delivered head", "-", 0, stdin=valid + valid.splitlines(keepends=True)[-1])
    check("an exact re-delivery is counted as a duplicate",
          j.get("valid") is True and j.get("hosts", [{}])[0].get("duplicates") == 1, str(j))

    # --- each attack: its code, rule, line and path ---------------------------------------------
    cases = [
        ("dropped.jsonl", "chain_gap", "chainGap", 5, "/data/event/data/seq", 'host "a" seq 2'),
        ("reordered.jsonl", "version_rollback", "chainRollback", 10, "/data/event/data/seq", 'host "b" seq 1'),
        ("forked.jsonl", "chain_fork", "chainFork", 4, "/data/event/data/seq", 'host "a" seq 1'),
        ("tampered.jsonl", "signature_invalid", "ed25519Mismatch", 6, "/data/signature", 'host "a" seq 2'),
        ("relinked.jsonl", "chain_broken", "chainLink", 6, "/data/event/data/prevDigest", 'host "a" seq 2'),
        ("foreign.jsonl", "unknown_key_id", "unknownKid", 7, "/data/signerKid", 'host "c" seq 1'),
    ]
    for log, code, rule, line, pointer, who in cases:
        j = verify(log, path(log), 1)
        e = j.get("error", {})
        v = j.get("violations", [{}])[0]
        check(log + ": " + code, j.get("valid") is False and e.get("code") == code and e.get("rule") == rule, str(j))
        check(log + ": line, path and host", v.get("line") == line and v.get("path") == pointer and who in v.get("message", ""), str(v))

    # A tampered entry is not part of a's chain: the next one of a shows the hole too.
    j = verify("tampered: the hole", path("tampered.jsonl"), 1)
    check("tampered: then a gap at a3", [v.get("code") for v in j.get("violations", [])] == ["signature_invalid", "chain_gap"]
          and j.get("total") == 2, str(j))
    j = verify("--max-violations 1", path("tampered.jsonl"), 1, ["--max-violations", "1"])
    check("--max-violations 1: one listed, both counted", len(j.get("violations", [])) == 1 and j.get("total") == 2
          and j.get("truncated") is True, str(j))

    # --- truncation against --expect ----------------------------------------------------------
    j = verify("expect reached", path("valid.jsonl"), 0, ["--expect", "a=3:" + heads["a"], "--expect", "b=1"])
    check("expect reached: valid", j.get("valid") is True, str(j))
    lines = valid.splitlines(keepends=True)
    j = verify("truncated", "-", 1, ["--expect", "a=3", "--expect", "d=0"], stdin=b"".join(lines[:-1]))
    codes = [(v.get("code"), v.get("rule")) for v in j.get("violations", [])]
    check("truncated: a and the absent d are gaps", codes == [("chain_gap", "expectedHead")] * 2
          and 'host "a" seq 3' in j.get("violations", [{}])[0].get("message", "")
          and "line" not in j.get("violations", [{}])[0], str(j))
    j = verify("expect digest", path("valid.jsonl"), 1, ["--expect", "a=3:" + heads["b"]])
    check("a head with another digest: chain_fork", j.get("error", {}).get("rule") == "expectedHeadDigest", str(j))

    # --- lines that are not entries -------------------------------------------------------------
    j = verify("not JSON", "-", 1, stdin=lines[0] + b"{nope\n")
    v = j.get("violations", [{}])[0]
    check("not JSON: malformed_json at line 2", v.get("code") == "malformed_json" and v.get("line") == 2, str(j))
    j = verify("another event type", "-", 1,
               stdin=json.dumps({"specversion": "1.0", "id": "1", "source": "/s", "type": "dev.cellos.test"}).encode() + b"\n")
    check("another event type: not a signed envelope", j.get("error", {}).get("rule") == "transportType", str(j))
    j = verify("empty log", "-", 1, stdin=b"\n\n")
    check("an empty log is rejected", j.get("error", {}).get("code") == "empty_input", str(j))

    # --- usage and I/O -------------------------------------------------------------------------
    for name, args in [("no --keys", ["verify", path("valid.jsonl")]),
                       ("no log", ["verify", "--keys", keys]),
                       ("bad --expect", ["verify", "--keys", keys, "--expect", "a", path("valid.jsonl")]),
                       ("negative --expect", ["verify", "--keys", keys, "--expect", "a=-1", path("valid.jsonl")]),
                       ("short digest", ["verify", "--keys", keys, "--expect", "a=1:abc", path("valid.jsonl")]),
                       ("one host expected twice", ["verify", "--keys", keys, "--expect", "a=1", "--expect", "a=2",
                                                    path("valid.jsonl")]),
                       ("unknown option", ["verify", "--keys", keys, "--nope", path("valid.jsonl")]),
                       ("unknown subcommand", ["check", "--keys", keys, path("valid.jsonl")]),
                       ("--keys twice", ["verify", "--keys", keys, "--keys", keys, path("valid.jsonl")]),
                       ("bad --max-violations", ["verify", "--keys", keys, "--max-violations", "x", path("valid.jsonl")])]:
        j = run(name, args, 2)
        check(name + ": usage", j.get("error", {}).get("code") == "usage", str(j))
    j = run("missing keys file", ["verify", "--keys", path("nope.json"), path("valid.jsonl")], 2)
    check("missing keys file: io_error", j.get("error", {}).get("code") == "io_error", str(j))
    j = run("missing log", ["verify", "--keys", keys, path("nope.jsonl")], 2)
    check("missing log: io_error", j.get("error", {}).get("code") == "io_error", str(j))
    r = Run(exe, ["chain", "--help"])
    check("chain --help: exit 0 with usage", r.code == 0 and b"usage: cellos chain verify --keys KEYS.json" in r.out, r.describe())

    return finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
