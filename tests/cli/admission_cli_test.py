#!/usr/bin/env python3
"""admission_cli_test.py PATH_TO_cellos EXAMPLES_DATA_DIR — the CLI contract of `cellos spec`,
`cellos policy` and `cellos authz`: JSON on stdout, exit 0 accepted / 1 rejected / 2 usage or I/O,
stable codes, rule ids and pointers. Bad input of every kind: malformed, strictness, rule breaks."""
import copy
import json
import os
import sys

from harness import Run, TempDocs, check, finish


def main(argv):
    exe, data = os.path.abspath(argv[1]), os.path.join(os.path.abspath(argv[2]), "admission")
    path = lambda name: os.path.join(data, name)
    load = lambda name: json.load(open(path(name), encoding="utf-8"))
    docs = TempDocs("cellos-admission-cli-")
    write = docs.write

    def run(name, args, code, stdin=b"", env=None):
        r = Run(exe, args, stdin, env)
        check(name + ": exit %d" % code, r.code == code, r.describe())
        check(name + ": stdout is one JSON object", isinstance(r.json, dict), r.describe())
        return r.json if isinstance(r.json, dict) else {}

    def rules_of(j):
        return [(v.get("rule"), v.get("path"), v.get("code")) for v in j.get("violations", [])]

    # --- spec validate / hash ----------------------------------------------------------------------
    j = run("spec validate build_cell", ["spec", "validate", path("build_cell.json")], 0)
    check("spec validate: valid, id, hash", j.get("valid") is True and j.get("id") == "build-cell-01"
          and str(j.get("hash", "")).startswith("sha256:") and len(j["hash"]) == 71, str(j))
    h = run("spec hash build_cell", ["spec", "hash", path("build_cell.json")], 0)
    check("spec hash = validate's hash", h.get("hash") == j.get("hash"), str(h))
    cell = load("build_cell.json")
    # key order and whitespace do not change the hash
    reordered = {"spec": dict(reversed(list(cell["spec"].items()))), "kind": cell["kind"], "apiVersion": cell["apiVersion"]}
    h2 = run("spec hash reordered", ["spec", "hash", write(json.dumps(reordered, indent=7).encode())], 0)
    check("spec hash: independent of key order and whitespace", h2.get("hash") == j.get("hash"), str(h2))
    changed = copy.deepcopy(cell)
    changed["spec"]["lifetime"]["ttlSeconds"] += 1
    h3 = run("spec hash changed", ["spec", "hash", write(changed)], 0)
    check("spec hash: changes with the document", h3.get("hash") not in (None, j.get("hash")), str(h3))
    h4 = run("spec hash stdin", ["spec", "hash", "-"], 0, stdin=open(path("build_cell.json"), "rb").read())
    check("spec hash: stdin", h4.get("hash") == j.get("hash"), str(h4))

    j = run("spec validate invalid_cell", ["spec", "validate", path("invalid_cell.json")], 1)
    got = rules_of(j)
    for rule, pointer in [("portableIdentifier", "/spec/id"), ("tenantId", "/spec/correlation/tenantId"),
                          ("unique", "/spec/authority/secretRefs/1"), ("egressHost", "/spec/authority/egressRules/0/host"),
                          ("egressPort", "/spec/authority/egressRules/0/port"),
                          ("dnsResolvers", "/spec/authority/dnsAuthority/resolvers"),
                          ("allowlistEntry", "/spec/authority/dnsAuthority/hostnameAllowlist/0"),
                          ("positive", "/spec/lifetime/ttlSeconds"), ("argvNonEmpty", "/spec/run/argv"),
                          ("positive", "/spec/run/limits/cpuMax/quotaMicros"),
                          ("cpuPeriod", "/spec/run/limits/cpuMax/periodMicros")]:
        check("invalid_cell reports %s at %s" % (rule, pointer), (rule, pointer, "invalid_spec") in got, str(got)[:400])
    check("invalid_cell: violations in document order",
          [g[1] for g in got] == sorted([g[1] for g in got], key=lambda p: [g[1] for g in got].index(p)), str(got))

    big = copy.deepcopy(cell)
    big["spec"]["run"]["argv"] = ["/bin/echo"] + ["x" * 100] * 30
    j = run("spec validate huge argv", ["spec", "validate", write(big)], 1)
    v = [x for x in j.get("violations", []) if x.get("rule") == "argvTooLarge"]
    check("huge argv: argv_too_large with upstream's message", len(v) == 1 and v[0]["code"] == "argv_too_large"
          and "exceeds 3072-byte kernel cmdline limit" in v[0]["message"], str(j)[:400])

    # strict boundary: one error object, nothing partial
    for name, doc, code, pointer in [
        ("unknown field", dict(cell, extra=1), "unknown_field", "/extra"),
        ("wrong type", {**cell, "spec": {**cell["spec"], "lifetime": {"ttlSeconds": "300"}}}, "wrong_type", "/spec/lifetime/ttlSeconds"),
        ("bad enum", {**cell, "spec": {**cell["spec"], "run": {**cell["spec"]["run"], "secretDelivery": "file"}}},
         "unknown_enum_value", "/spec/run/secretDelivery"),
        ("missing lifetime", {**cell, "spec": {k: v for k, v in cell["spec"].items() if k != "lifetime"}}, "missing_field",
         "/spec/lifetime"),
        ("port out of range", {**cell, "spec": {**cell["spec"], "authority": {"secretRefs": [], "egressRules": [
            {"host": "a.example", "port": 70000, "protocol": "tcp"}]}}}, "number_out_of_range",
         "/spec/authority/egressRules/0/port"),
    ]:
        j = run("spec validate " + name, ["spec", "validate", write(doc)], 1)
        e = j.get("error", {})
        check("spec %s: code %s at %s" % (name, code, pointer), e.get("code") == code and e.get("path") == pointer
              and j.get("valid") is False, str(j))
    j = run("spec validate duplicate key", ["spec", "validate", write(b'{"apiVersion":"a","apiVersion":"b"}')], 1)
    check("spec duplicate key: duplicate_key", j.get("error", {}).get("code") == "duplicate_key", str(j))
    j = run("spec hash malformed", ["spec", "hash", write(b'{"apiVersion": ')], 1)
    check("spec hash malformed: malformed_json", j.get("error", {}).get("code") == "malformed_json", str(j))

    # --- policy ------------------------------------------------------------------------------------
    j = run("policy validate pack_ci", ["policy", "validate", path("pack_ci.json")], 0)
    check("pack_ci: valid, version supported", j.get("valid") is True and j.get("versionVerdict") == "supported", str(j))
    pack = load("pack_ci.json")
    old = copy.deepcopy(pack)
    old["spec"]["version"] = "0.9.0"
    j = run("policy validate below floor", ["policy", "validate", write(old)], 1)
    check("below floor: policy_version_unsupported", ("version", "/spec/version", "policy_version_unsupported") in rules_of(j), str(j))
    j = run("policy validate below floor, downgrade allowed", ["policy", "validate", write(old)], 0,
            env={"CELLOS_POLICY_ALLOW_DOWNGRADE": "1"})
    check("downgrade allowed: versionVerdict downgradeAllowed", j.get("versionVerdict") == "downgradeAllowed", str(j))
    broken = copy.deepcopy(pack)
    broken["spec"]["id"] = "-bad"
    broken["spec"]["rules"]["forbidOutboundEgressRules"] = True
    broken["spec"]["rules"]["allowedEgressHosts"] = ["*.com"]
    j = run("policy validate broken pack", ["policy", "validate", write(broken)], 1)
    got = rules_of(j)
    for rule, pointer in [("portableIdentifier", "/spec/id"), ("contradictoryRules", "/spec/rules"),
                          ("allowlistEntry", "/spec/rules/allowedEgressHosts/0")]:
        check("broken pack reports %s at %s" % (rule, pointer), (rule, pointer, "invalid_policy") in got, str(got))
    absent = copy.deepcopy(pack)
    del absent["spec"]["version"]
    j = run("policy validate without version", ["policy", "validate", write(absent)], 0)
    check("absent version counts as the floor", j.get("version") == "1.0.0" and j.get("versionVerdict") == "supported", str(j))

    j = run("policy check ci admits", ["policy", "check", "--pack", path("pack_ci.json"), path("build_cell.json")], 0)
    check("ci pack admits build_cell", j.get("admitted") is True and j.get("violations") == [] and j.get("inScope") is True, str(j))
    j = run("policy check airgapped", ["policy", "check", "--pack", path("pack_airgapped.json"), path("build_cell.json")], 1)
    got = rules_of(j)
    check("airgapped: rules in PolicyRules order",
          [g[0] for g in got] == ["maxLifetimeTtlSeconds", "maxRunTimeoutMs", "forbidOutboundEgressRules",
                                  "forbidOutboundEgressRules", "secretRefAllowlist"], str(got))
    check("airgapped: code policy_violation, pointers", got[0][1:] == ("/spec/lifetime/ttlSeconds", "policy_violation")
          if got else False, str(got))
    elsewhere = copy.deepcopy(cell)
    elsewhere["spec"]["placement"]["poolId"] = "gpu-pool"
    elsewhere["spec"]["lifetime"]["ttlSeconds"] = 86400
    j = run("policy check out of scope", ["policy", "check", "--pack", path("pack_ci.json"), write(elsewhere)], 0)
    check("out-of-scope pack imposes nothing", j.get("inScope") is False and j.get("admitted") is True, str(j))
    j = run("policy check invalid spec", ["policy", "check", "--pack", path("pack_ci.json"), path("invalid_cell.json")], 1)
    check("invalid spec is not judged: its violations are reported", j.get("admitted") is False
          and any(v.get("code") == "invalid_spec" for v in j.get("violations", [])), str(j)[:300])
    check("invalid spec: the document is named", j.get("document") == "spec" and j.get("truncated") is False
          and j.get("total") == len(j.get("violations", [])), str(j)[:300])
    j = run("policy check, invalid pack", ["policy", "check", "--pack", write(broken), path("build_cell.json")], 1)
    check("invalid pack: the document is named, its violations only", j.get("document") == "pack"
          and all(v.get("code") == "invalid_policy" for v in j.get("violations", [])), str(j)[:300])
    for name, pack_arg, spec_arg, role in [("pack", write(b"{"), path("build_cell.json"), "pack"),
                                           ("spec", path("pack_ci.json"), write(b"[]"), "spec")]:
        j = run("policy check, unparsable " + name, ["policy", "check", "--pack", pack_arg, spec_arg], 1)
        check("unparsable %s: the document is named" % name, j.get("document") == role and "error" in j, str(j))
    j = run("policy check, missing pack", ["policy", "check", "--pack", os.path.join(docs.dir, "nope.json"),
                                           path("build_cell.json")], 2)
    check("missing pack: the I/O error names the document", "the pack" in j.get("error", {}).get("message", ""), str(j))
    j = run("policy check --max-violations 1", ["policy", "check", "--max-violations", "1", "--pack",
                                                path("pack_airgapped.json"), path("build_cell.json")], 1)
    check("--max-violations 1: one listed, all counted", len(j.get("violations", [])) == 1 and j.get("total") == 5
          and j.get("truncated") is True, str(j))
    for name, args in [("policy check --pack - -", ["policy", "check", "--pack", "-", "-"]),
                       ("authz check --policy - --spec -", ["authz", "check", "--policy", "-", "--subject", "a", "--spec", "-"])]:
        j = run(name, args, 2, stdin=open(path("build_cell.json"), "rb").read())
        check(name + ": usage, standard input once", j.get("error", {}).get("code") == "usage"
              and "standard input" in j.get("error", {}).get("message", ""), str(j))
    run("policy check without --pack", ["policy", "check", path("build_cell.json")], 2)
    run("policy unknown subcommand", ["policy", "frobnicate", path("pack_ci.json")], 2)
    run("policy validate missing file", ["policy", "validate", os.path.join(docs.dir, "nope.json")], 2)

    # --- authz -------------------------------------------------------------------------------------
    P = path("authz_ci.json")
    j = run("authz acme via spec", ["authz", "check", "--policy", P, "--subject", "acme", "--spec", path("build_cell.json")], 0)
    check("acme allowed, pool and pack from the spec", j.get("allowed") is True and j.get("pool") == "ci-pool"
          and j.get("pack") == "ci-default", str(j))
    for name, extra, verdict in [
        ("unknown subject", ["--subject", "mallory", "--pool", "ci-pool", "--pack", "ci-default"], "subjectNotListed"),
        ("no glob", ["--subject", "acme*", "--pool", "ci-pool", "--pack", "ci-default"], "subjectNotListed"),
        ("wrong pool", ["--subject", "acme", "--pool", "gpu-pool", "--pack", "ci-default"], "poolNotAllowed"),
        ("no pool", ["--subject", "acme", "--pack", "ci-default"], "poolNotAllowed"),
        ("wrong pack", ["--subject", "acme", "--pool", "ci-pool", "--pack", "other"], "policyPackNotAllowed"),
        ("rate limited", ["--subject", "acme", "--pool", "ci-pool", "--pack", "ci-default", "--cells-this-hour", "120"],
         "rateLimited"),
    ]:
        j = run("authz " + name, ["authz", "check", "--policy", P] + extra, 1)
        check("authz %s: %s, code unauthorized" % (name, verdict), j.get("verdict") == verdict
              and j.get("code") == "unauthorized" and j.get("allowed") is False, str(j))
    j = run("authz under the rate", ["authz", "check", "--policy", P, "--subject", "acme", "--pool", "ci-pool", "--pack",
                                     "ci-default", "--cells-this-hour", "119"], 0)
    policy = load("authz_ci.json")
    nobody = copy.deepcopy(policy)
    nobody["spec"]["subjects"] = []
    j = run("authz empty subjects", ["authz", "check", "--policy", write(nobody), "--subject", "acme", "--pool", "ci-pool",
                                     "--pack", "ci-default"], 1)
    check("empty subjects deny everyone", j.get("verdict") == "subjectNotListed", str(j))
    bad = copy.deepcopy(policy)
    bad["spec"]["maxCellsPerHour"] = 0
    bad["spec"]["allowedPools"] = ["ci-pool", "ci-pool"]
    j = run("authz invalid policy", ["authz", "check", "--policy", write(bad), "--subject", "acme"], 1)
    got = rules_of(j)
    check("invalid policy: unique + positive, invalid_policy", ("unique", "/spec/allowedPools/1", "invalid_policy") in got
          and ("positive", "/spec/maxCellsPerHour", "invalid_policy") in got, str(got))
    wrong_kind = copy.deepcopy(policy)
    wrong_kind["kind"] = "PolicyPack"
    j = run("authz wrong kind", ["authz", "check", "--policy", write(wrong_kind), "--subject", "acme"], 1)
    check("wrong kind: rule kind", ("kind", "/kind", "invalid_policy") in rules_of(j), str(j))
    run("authz without --subject", ["authz", "check", "--policy", P], 2)
    run("authz --spec with --pool", ["authz", "check", "--policy", P, "--subject", "a", "--spec", path("build_cell.json"),
                                     "--pool", "x"], 2)
    run("authz bad count", ["authz", "check", "--policy", P, "--subject", "a", "--cells-this-hour", "-1"], 2)
    run("authz bad count 2", ["authz", "check", "--policy", P, "--subject", "a", "--cells-this-hour", "99999999999"], 2)
    for i, bad in enumerate([" +7", "+7", "7 ", "0x7", "", "4294967296", "1e3"]):  # digits only, strictly
        run(f"authz strict count {i}", ["authz", "check", "--policy", P, "--subject", "a", "--cells-this-hour", bad], 2)
    j = run("authz malformed policy", ["authz", "check", "--policy", write(b"[1,2"), "--subject", "a"], 1)
    check("authz malformed policy: malformed_json", j.get("error", {}).get("code") == "malformed_json", str(j))

    for args in (["spec", "--help"], ["policy", "--help"], ["authz", "--help"]):
        r = Run(exe, args)
        check(" ".join(args) + ": exit 0 with usage", r.code == 0 and b"usage:" in r.out, r.describe())

    return finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
