#!/usr/bin/env python3
"""trust_cli_test.py PATH_TO_cellos — the trust plane's commands end to end: `keygen` (0600, never
overwrites, prints a trust-key entry), `sign` (envelope or transport event), `verify` (one input or
streamed JSON Lines: verdict lines, summary, empty_input) and `keyset sign|verify` (rotation chain,
expiry, rollback floor, forged link, the keyset event). Keys are generated here; nothing is fixed."""
import json
import os
import stat
import sys

from harness import Run, TempDocs, check, finish, runner

EVENT = {"specversion": "1.0", "id": "e-1", "source": "/cells/c1", "type": "dev.cellos.events.cell.lifecycle.v1.started",
         "data": {"b": 1, "a": [1, 2.5]}}


def main(argv):
    exe = os.path.abspath(argv[1])
    docs = TempDocs("cellos-trust-cli-")
    write = docs.write
    d = docs.dir

    run = runner(exe)

    def keygen(kid):
        path = os.path.join(d, kid + ".key")
        r = run("keygen " + kid, ["keygen", "--kid", kid, "--out", path], 0)
        check("keygen prints one trust-key entry", isinstance(r.json, dict) and list(r.json) == [kid]
              and len(r.json[kid]) == 43, r.describe())
        return path, r.json

    # --- keygen -------------------------------------------------------------------------------------
    ops_key, ops_pub = keygen("ops-1")
    check("keygen: the private key file is 0600", stat.S_IMODE(os.stat(ops_key).st_mode) == 0o600)
    before = open(ops_key, "rb").read()
    r = run("keygen over an existing file", ["keygen", "--kid", "x", "--out", ops_key], 2)
    check("keygen never overwrites", r.json and r.json["error"]["code"] == "io_error" and open(ops_key, "rb").read() == before,
          r.describe())
    run("keygen without --out", ["keygen", "--kid", "x"], 2)
    run("keygen with an invalid kid", ["keygen", "--kid", "", "--out", os.path.join(d, "empty.key")], 2)
    keys = write(ops_pub)

    # --- sign / verify ------------------------------------------------------------------------------
    ev = write(EVENT)
    r = run("sign", ["sign", "--key", ops_key, "--kid", "ops-1", ev], 0)
    env = r.json
    check("sign: an envelope over the event", env and env["signerKid"] == "ops-1" and env["algorithm"] == "ed25519"
          and env["event"]["id"] == "e-1" and env["canonicalPayloadVersion"] == 1, r.describe())
    r = run("verify", ["verify", "--keys", keys, write(env)], 0)
    check("verify: kid, algorithm, event", r.json == {"valid": True, "kid": "ops-1", "algorithm": "ed25519",
                                                       "event": {"id": "e-1", "source": "/cells/c1", "type": EVENT["type"]}},
          r.describe())
    # Another key order and whitespace: the signature covers the canonical form.
    reordered = json.dumps({k: env[k] for k in reversed(list(env))}, indent=2)
    run("verify a re-serialised envelope", ["verify", "--keys", keys, write(reordered)], 0)
    tampered = json.loads(json.dumps(env))
    tampered["event"]["data"]["b"] = 2
    r = run("verify a tampered event", ["verify", "--keys", keys, write(tampered)], 1)
    check("tampered: signature_invalid at /signature", r.json["error"]["code"] == "signature_invalid"
          and r.json["error"]["path"] == "/signature", r.describe())
    other_key, other_pub = keygen("ops-2")
    r = run("verify with another key file", ["verify", "--keys", write(other_pub), write(env)], 1)
    check("unknown kid: unknown_key_id", r.json["error"]["code"] == "unknown_key_id", r.describe())
    smuggle = json.dumps(env)[:-1] + ',"signature":"AAAA"}'
    r = run("verify a duplicated member", ["verify", "--keys", keys, write(smuggle)], 1)
    check("duplicate member: duplicate_key", r.json["error"]["code"] == "duplicate_key", r.describe())

    r = run("sign --transport", ["sign", "--key", ops_key, "--kid", "ops-1", "--transport", ev], 0)
    transport = r.json
    check("transport event: type and id", transport["type"] == "dev.cellos.events.signed_envelope.v1" and transport["id"] == "e-1",
          r.describe())
    run("verify a transport event", ["verify", "--keys", keys, write(transport)], 0)
    bad_transport = dict(transport, type="dev.cellos.other")
    r = run("verify a transport event of another type", ["verify", "--keys", keys, write(bad_transport)], 1)
    check("another transport type: refused at /type", r.json["error"]["path"] == "/type", r.describe())

    os.chmod(ops_key, 0o644)
    r = run("sign with a world-readable key", ["sign", "--key", ops_key, "--kid", "ops-1", ev], 2)
    check("world-readable key: refused, nothing printed of it", "chmod 600" in r.json["error"]["message"]
          and before.decode().strip() not in r.out.decode() + r.err.decode(), r.describe())
    os.chmod(ops_key, 0o600)
    link = os.path.join(d, "link.key")
    os.symlink(ops_key, link)
    run("sign with a symlinked key", ["sign", "--key", link, "--kid", "ops-1", ev], 2)
    run("sign an invalid event", ["sign", "--key", ops_key, "--kid", "ops-1", write({"specversion": "1.0"})], 1)
    run("sign without --kid", ["sign", "--key", ops_key, ev], 2)

    # --- verify --jsonl -------------------------------------------------------------------------------
    lines = "\n".join([json.dumps(env), "", json.dumps(transport), "{}", json.dumps(tampered), json.dumps(env)]) + "\n"
    r = Run(exe, ["verify", "--keys", keys, "--jsonl", "-"], lines.encode())
    out = [json.loads(x) for x in r.out.decode().splitlines()]
    check("jsonl: exit 1 with a rejected line", r.code == 1, r.describe())
    check("jsonl: one verdict per line, in order, with line numbers", [o.get("line") for o in out[:-1]] == [1, 3, 4, 5, 6], str(out))
    check("jsonl: summary", out[-1] == {"valid": False, "mode": "jsonl", "count": 5, "rejected": 2, "blank": 1, "truncated": False,
                                        "error": out[2]["error"]}, str(out[-1]))
    r = Run(exe, ["verify", "--keys", keys, "--jsonl", "--max-violations", "0", "-"], lines.encode())
    out = [json.loads(x) for x in r.out.decode().splitlines()]
    check("jsonl --max-violations 0: rejected lines counted, not listed", len(out) == 4 and out[-1]["truncated"] is True, str(out))
    # More lines than one parallel batch (256): verdicts stay in line order, every line counted.
    many = "\n".join(json.dumps(tampered if i % 3 == 0 else env) for i in range(700)) + "\n"
    r = Run(exe, ["verify", "--keys", keys, "--jsonl", "--max-violations", "1000", "-"], many.encode())
    out = [json.loads(x) for x in r.out.decode().splitlines()]
    check("jsonl, 700 lines: in order, each verdict right", [o.get("line") for o in out[:-1]] == list(range(1, 701))
          and all(o["valid"] == (o["line"] % 3 != 1) for o in out[:-1]), str(out[:3]))
    check("jsonl, 700 lines: summary", out[-1]["count"] == 700 and out[-1]["rejected"] == 234, str(out[-1]))
    r = run("jsonl: an empty stream", ["verify", "--keys", keys, "--jsonl", "-"], 1, b"\n\n")
    check("jsonl: empty_input", r.json["error"]["code"] == "empty_input" and r.json["blank"] == 2, r.describe())
    run("jsonl --allow-empty", ["verify", "--keys", keys, "--jsonl", "--allow-empty", "-"], 0, b"")
    run("--allow-empty without --jsonl", ["verify", "--keys", keys, "--allow-empty", "-"], 2)
    run("verify with a missing key file", ["verify", "--keys", os.path.join(d, "none.json"), ev], 2)

    # --- keysets ------------------------------------------------------------------------------------------
    root_key, root_pub = keygen("root")
    k1_key, k1_pub = keygen("k1")
    k2_key, k2_pub = keygen("k2")
    anchor = write(root_pub)
    ks1 = {"keysetId": "org-root", "version": 1, "notBefore": "2026-01-01T00:00:00Z", "notAfter": "2027-01-01T00:00:00Z", "keys": k1_pub}
    r = run("keyset sign", ["keyset", "sign", "--signers", "root=" + root_key, write(ks1)], 0)
    env1 = r.json
    check("keyset sign: an envelope", env1["kind"] == "signed-trust-keyset-envelope-v1" and env1["sequence"] == 1
          and [s["kid"] for s in env1["signatures"]] == ["root"], r.describe())
    at = ["--at", "2026-07-01T00:00:00Z"]
    r = run("keyset verify one envelope", ["keyset", "verify", "--anchor", anchor, *at, write(env1)], 0)
    v1 = r.json
    check("keyset verify: the head and its event", v1["keysetId"] == "org-root" and v1["version"] == 1 and v1["links"] == 1
          and v1["keys"] == k1_pub and v1["event"]["type"] == "dev.cellos.events.cell.keyset.v1.verified"
          and v1["event"]["data"] == {"keysetId": "org-root", "kid": "root", "sequence": 1}, r.describe())
    ks2 = {"keysetId": "org-root", "version": 2, "previousDigest": v1["digest"], "notBefore": "2026-06-01T00:00:00Z",
           "notAfter": "2027-06-01T00:00:00Z", "keys": k2_pub}
    env2 = run("keyset sign v2 by k1", ["keyset", "sign", "--signers", "k1=" + k1_key, write(ks2)], 0).json
    chain = write([env1, env2])
    r = run("keyset verify a rotation", ["keyset", "verify", "--anchor", anchor, *at, chain], 0)
    check("rotation: head v2, 2 links, signed by k1", r.json["version"] == 2 and r.json["links"] == 2 and r.json["signerKids"] == ["k1"],
          r.describe())
    r = run("keyset verify: expired head", ["keyset", "verify", "--anchor", anchor, "--at", "2027-06-01T00:00:00Z", chain], 1)
    check("expired: outside_validity_window, failure event", r.json["error"]["code"] == "outside_validity_window"
          and r.json["event"]["type"] == "dev.cellos.events.cell.keyset.v1.verification_failed"
          and r.json["event"]["data"]["keysetId"] == "org-root", r.describe())
    r = run("keyset verify: rollback floor", ["keyset", "verify", "--anchor", anchor, *at, "--last-version", "3", chain], 1)
    check("rollback: version_rollback", r.json["error"]["code"] == "version_rollback", r.describe())
    forged = run("keyset sign v2 by an unknown key", ["keyset", "sign", "--signers", "k2=" + k2_key, write(ks2)], 0).json
    r = run("keyset verify a forged link", ["keyset", "verify", "--anchor", anchor, *at, write([env1, forged])], 1)
    check("forged link: unknown_key_id at /1/signatures", r.json["error"]["code"] == "unknown_key_id"
          and r.json["error"]["path"] == "/1/signatures", r.describe())
    r = run("keyset verify: replayed v1 after v2", ["keyset", "verify", "--anchor", anchor, *at, write([env1, env2, env1])], 1)
    check("replayed link refused", r.json["error"]["path"].startswith("/2/"), r.describe())
    r = run("keyset verify: threshold 2 of one anchor", ["keyset", "verify", "--anchor", anchor, *at, "--threshold", "2", chain], 1)
    check("threshold: threshold_not_met", r.json["error"]["code"] == "threshold_not_met", r.describe())
    run("keyset verify without --anchor", ["keyset", "verify", chain], 2)
    run("keyset verify --threshold 0", ["keyset", "verify", "--anchor", anchor, "--threshold", "0", chain], 2)
    run("keyset verify --at not a time", ["keyset", "verify", "--anchor", anchor, "--at", "yesterday", chain], 2)
    run("keyset sign without --signers", ["keyset", "sign", write(ks1)], 2)
    run("keyset sign with a malformed --signers", ["keyset", "sign", "--signers", "root=", write(ks1)], 2)
    r = run("keyset sign an invalid keyset", ["keyset", "sign", "--signers", "root=" + root_key, write(dict(ks1, threshold=2))], 1)
    check("invalid keyset: keysetThreshold", r.json["error"]["path"] == "/threshold", r.describe())
    r = run("keyset verify a non-envelope", ["keyset", "verify", "--anchor", anchor, write({"kind": 1})], 1)
    check("non-envelope: a typed boundary error and a failure event", r.json["error"]["code"] == "wrong_type"
          and r.json["event"]["data"]["keysetId"] == "unknown", r.describe())

    for cmd in (["keygen"], ["sign"], ["verify"], ["keyset"]):
        r = Run(exe, [*cmd, "--help"])
        check(" ".join(cmd) + " --help: exit 0 with usage", r.code == 0 and b"usage: cellos " + cmd[0].encode() in r.out, r.describe())
    r = Run(exe, ["--help"])
    check("main help lists the trust commands", all(w in r.out for w in [b"keygen --kid", b"sign --key", b"verify --keys", b"keyset sign --signers", b"keyset verify --anchor"]),
          r.describe())
    return finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
