#!/usr/bin/env python3
"""tests/cli/cli_test.py — the `cellos` command-line contract.

Usage: cli_test.py PATH_TO_cellos EXAMPLES_DATA_DIR

The contract (tools/cellos/cli.hpp): JSON on stdout; exit 0 on success / valid input, 1 when the
input is rejected ({"valid": false, "error": {"code", "path", "message"}}), 2 on usage or I/O
errors ({"error": {...}}). --help prints plain-text usage (exit 0) and is the one stdout that is
not JSON. Prints one line per check; exits 1 if any check failed. Standard library only.
"""

import copy
import json
import os
import re
import subprocess
import sys

from harness import Run, TempDocs, check, finish

USAGE_EXIT, REJECTED_EXIT = 2, 1


class Checker:
    def __init__(self, exe, data_dir):
        self.exe, self.data, self.docs = exe, data_dir, TempDocs("cellos-cli-test-")
        self.tmp = self.docs.dir
        self.authority = os.path.join(data_dir, "authority")

    # --- helpers --------------------------------------------------------------------------------

    def run(self, *args, stdin=b""):
        r = Run(self.exe, args, stdin)
        check("stdout is JSON: cellos " + " ".join(args)[:100], r.json is not None, r.describe())
        return r

    def example(self, name):
        with open(os.path.join(self.authority, name), "rb") as f:
            return json.loads(f.read().decode("utf-8"))

    def write(self, content):
        """A temporary document: a dict is serialised, str / bytes are written as they are."""
        return self.docs.write(content)

    def expect_valid(self, name, kind, path_or_dash, expected_type, stdin=b""):
        r = self.run("authority", "validate", "--kind", kind, path_or_dash, stdin=stdin)
        j = r.json if isinstance(r.json, dict) else {}
        check(name + ": exit 0", r.code == 0, r.describe())
        check(name + ': "valid": true', j.get("valid") is True, r.describe())
        check(name + ': "kind" is ' + kind, j.get("kind") == kind, r.describe())
        check(name + ": type " + expected_type, j.get("type") == expected_type, r.describe())
        return j

    def expect_rejected(self, name, kind, path_or_dash, code, path=None, stdin=b""):
        self.expect_rejected_args(name, ["authority", "validate", "--kind", kind, path_or_dash], code, path, stdin)

    def expect_rejected_args(self, name, args, code, path=None, stdin=b""):
        r = self.run(*args, stdin=stdin)
        j = r.json if isinstance(r.json, dict) else {}
        err = j.get("error") if isinstance(j.get("error"), dict) else {}
        check(name + ": exit 1", r.code == REJECTED_EXIT, r.describe())
        check(name + ': "valid": false', j.get("valid") is False, r.describe())
        check(name + ": error has code, path, message, and rule only when it names one",
              set(err) - {"rule"} == {"code", "path", "message"} and ("rule" not in err or (isinstance(err["rule"], str) and err["rule"])),
              r.describe())
        check(name + ": code " + code, err.get("code") == code, r.describe())
        if path is not None:
            check(name + ": path " + repr(path), err.get("path") == path, r.describe())
        else:
            check(name + ": path is a JSON pointer", isinstance(err.get("path"), str) and
                  (err.get("path") == "" or err.get("path").startswith("/")), r.describe())
        check(name + ": message non-empty", isinstance(err.get("message"), str) and err.get("message"), r.describe())

    def expect_usage(self, name, args, code="usage"):
        r = self.run(*args)
        j = r.json if isinstance(r.json, dict) else {}
        err = j.get("error") if isinstance(j.get("error"), dict) else {}
        check(name + ": exit 2", r.code == USAGE_EXIT, r.describe())
        check(name + ": only an error object", set(j) == {"error"}, r.describe())
        check(name + ": code " + code, err.get("code") == code, r.describe())
        check(name + ": message non-empty", isinstance(err.get("message"), str) and err.get("message"), r.describe())

    # --- the bundled examples -------------------------------------------------------------------

    def tour(self):
        with open(os.path.join(self.authority, "tour.json"), "rb") as f:
            entries = json.loads(f.read().decode("utf-8"))
        check("tour.json lists examples", len(entries) >= 6)
        for e in entries:
            path = os.path.join(self.authority, e["file"])
            name = "example %s as %s" % (e["file"], e["kind"])
            if e["expect"] == "valid":
                out = self.example(e["file"])["derivation"]["output"]
                expected_type = "authority<%s, %d, %s>" % (e["kind"], out["tier"], out["epistemic_status"])
                j = self.expect_valid(name, e["kind"], path, expected_type)
                check(name + ": tier / status / binding echo the document",
                      (j.get("tier"), j.get("epistemic_status"), j.get("binding_status")) ==
                      (out["tier"], out["epistemic_status"], out["binding_status"]), json.dumps(j))
            else:
                self.expect_rejected(name, e["kind"], path, e["expect"])

    def io_errors(self):
        """Read errors on standard input and write errors on standard output are exit 2, io_error."""
        cell = os.path.join(os.path.dirname(self.data), "data", "admission", "build_cell.json")
        # stdout is /dev/full: every command notices (a script must never take an empty answer)
        for args in (["jcs", cell], ["spec", "hash", cell], ["spec", "validate", cell], ["authority", "kinds"],
                     ["lifecycle", "table"], ["util", "tenant-id", "acme"], ["event", "validate", "--jsonl", cell],
                     ["demo"], ["--help"]):
            with open("/dev/full", "wb") as full:
                p = subprocess.run([self.exe] + args, stdout=full, stderr=subprocess.PIPE, timeout=60)
            check("stdout /dev/full: cellos %s: exit 2, io_error on stderr" % " ".join(args[:2]),
                  p.returncode == USAGE_EXIT and b'"io_error"' in p.stderr, "exit %d %r" % (p.returncode, p.stderr[:200]))
        # stdin that cannot be read: a directory, a write-only descriptor, a closed descriptor
        write_only = os.open(self.write("{}"), os.O_WRONLY)
        directory = os.open(self.tmp, os.O_RDONLY)
        for name, fd in (("a directory", directory), ("a write-only descriptor", write_only), ("closed", None)):
            for args in (["jcs", "-"], ["spec", "validate", "-"], ["event", "validate", "--jsonl", "-"]):
                if fd is None:
                    p = subprocess.run([self.exe] + args, stdin=subprocess.DEVNULL, capture_output=True, timeout=60,
                                       preexec_fn=lambda: os.close(0))
                else:
                    p = subprocess.run([self.exe] + args, stdin=fd, capture_output=True, timeout=60)
                try:
                    code = json.loads(p.stdout.decode()).get("error", {}).get("code")
                except (ValueError, AttributeError):
                    code = None
                check("stdin %s: cellos %s: exit 2, io_error" % (name, " ".join(args)),
                      p.returncode == USAGE_EXIT and code == "io_error", "exit %d %r" % (p.returncode, p.stdout[:200]))
        os.close(write_only)
        os.close(directory)

    def stdin(self):
        with open(os.path.join(self.authority, "observed_sni.json"), "rb") as f:
            sni = f.read()
        self.expect_valid("stdin '-'", "observed", "-", "authority<observed, 2, DIRECT_OBSERVATION>", stdin=sni)
        self.expect_rejected("stdin '-', wrong kind", "imposed", "-", "imposed_authority_missing_interception",
                             "/derivation/rules_applied", stdin=sni)
        self.expect_rejected("stdin '-', empty", "observed", "-", "malformed_json", "", stdin=b"")

    # --- one case per validation error kind reachable from JSON ---------------------------------

    def validation_errors(self):
        sni, jws = self.example("observed_sni.json"), self.example("proven_jws.json")
        imposed = self.example("imposed_tls.json")

        def mutated(base, edit):
            doc = copy.deepcopy(base)
            edit(doc)
            return self.write(doc)

        def out(doc):
            return doc["derivation"]["output"]

        cases = [
            ("no_inputs", "observed", mutated(sni, lambda d: d["derivation"].update(inputs=[])), "/derivation/inputs"),
            ("no_rules_applied", "observed", mutated(sni, lambda d: d["derivation"].update(rules_applied=[])),
             "/derivation/rules_applied"),
            ("input_confidence_out_of_range", "proven",
             mutated(jws, lambda d: d["derivation"]["inputs"][1].update(confidence=1.5)), "/derivation/inputs/1/confidence"),
            ("output_confidence_invalid", "observed", mutated(sni, lambda d: out(d).update(confidence=-0.1)),
             "/derivation/output/confidence"),
            ("tier_out_of_range", "observed", mutated(sni, lambda d: out(d).update(tier=9)), "/derivation/output/tier"),
            ("confidence_inflation", "observed", mutated(sni, lambda d: out(d).update(confidence=0.99)),
             "/derivation/output/confidence"),
            ("tier_inflation", "observed", mutated(sni, lambda d: out(d).update(tier=3)), "/derivation/output/tier"),
            ("epistemic_mismatch", "observed", mutated(sni, lambda d: out(d).update(epistemic_status="OPAQUE")),
             "/derivation/output/epistemic_status"),
            ("rule_class_mismatch", "proven",
             mutated(jws, lambda d: d["derivation"]["rules_applied"][1].update({"class": "OPACITY"})),
             "/derivation/rules_applied/1/class"),
            ("binding_status_mismatch", "observed", mutated(sni, lambda d: out(d).update(binding_status="BOUND")),
             "/derivation/output/binding_status"),
            ("type_class_incompatible", "observed", self.write(imposed), "/derivation/rules_applied/0/class"),
            ("proven_authority_missing_artifact", "proven",
             mutated(jws, lambda d: d.update(artifact={"JWS_VERIFIED": {"kid": ""}})), "/artifact"),
            ("proven_authority_missing_artifact", "proven",
             mutated(sni, lambda d: d.update(artifact={"JWS_VERIFIED": {"kid": "k"}})), "/derivation/rules_applied"),
            ("imposed_authority_missing_interception", "imposed", self.write(sni), "/derivation/rules_applied"),
        ]
        for code, kind, path, pointer in cases:
            self.expect_rejected("validation error %s (%s)" % (code, pointer), kind, path, code, pointer)
        # The two kinds JSON cannot reach report the earlier error instead.
        text = json.dumps(sni).replace('"confidence": 0.95', '"confidence": 1e400', 1)
        self.expect_rejected("no NaN in JSON: 1e400", "observed", self.write(text), "number_out_of_range",
                             "/derivation/inputs/0/confidence")

    # --- the strict boundary --------------------------------------------------------------------

    def boundary(self):
        sni = self.example("observed_sni.json")
        sni_text = json.dumps(sni, indent=2)

        def mutated(edit):
            doc = copy.deepcopy(sni)
            edit(doc)
            return self.write(doc)

        self.expect_rejected("truncated JSON", "observed", self.write(sni_text[: len(sni_text) // 2]), "malformed_json", "")
        self.expect_rejected("trailing garbage", "observed", self.write(sni_text + " x"), "malformed_json", "")
        self.expect_rejected("empty file", "observed", self.write(b""), "malformed_json", "")
        self.expect_rejected("duplicate key (rejected_duplicate_key.json)", "observed",
                             os.path.join(self.authority, "rejected_duplicate_key.json"), "duplicate_key",
                             "/derivation/inputs/0/confidence")
        self.expect_rejected("duplicate key at top level", "observed",
                             self.write('{"derivation": %s, "derivation": %s}' % ((json.dumps(sni["derivation"]),) * 2)),
                             "duplicate_key", "/derivation")
        self.expect_rejected("10000-deep nesting", "observed", self.write("[" * 10000 + "]" * 10000), "nesting_too_deep", "")
        self.expect_rejected("10000-deep object nesting", "observed",
                             self.write('{"a":' * 10000 + "1" + "}" * 10000), "nesting_too_deep", "")
        big = copy.deepcopy(sni)
        big["derivation"]["inputs"][0]["value"] = "x" * (2 * 1024 * 1024)
        self.expect_rejected("2 MiB input", "observed", self.write(big), "input_too_large", "")
        self.expect_rejected("2 MiB input on stdin", "observed", "-", "input_too_large", "",
                             stdin=json.dumps(big).encode())
        self.expect_rejected("invalid UTF-8", "observed",
                             self.write(sni_text.encode().replace(b"api.example.com", b"api.\xc0\xafexample.com", 1)),
                             "invalid_utf8", "")
        self.expect_rejected("unknown field", "observed", mutated(lambda d: d["derivation"]["output"].update(extra=1)),
                             "unknown_field", "/derivation/output/extra")
        self.expect_rejected("missing field", "observed", mutated(lambda d: d["derivation"]["output"].pop("tier")),
                             "missing_field", "/derivation/output/tier")
        self.expect_rejected("wrong type", "observed",
                             mutated(lambda d: d["derivation"]["inputs"][0].update(confidence="0.95")),
                             "wrong_type", "/derivation/inputs/0/confidence")
        self.expect_rejected("unknown enum value", "observed",
                             mutated(lambda d: d["derivation"]["inputs"][0].update(input_type="QUIC_SNI")),
                             "unknown_enum_value", "/derivation/inputs/0/input_type")
        self.expect_rejected("tier 300", "observed", mutated(lambda d: d["derivation"]["output"].update(tier=300)),
                             "number_out_of_range", "/derivation/output/tier")

    # --- usage and I/O --------------------------------------------------------------------------

    def usage(self):
        sni = os.path.join(self.authority, "observed_sni.json")
        self.expect_usage("no arguments", [])
        self.expect_usage("unknown command", ["frobnicate"])
        self.expect_usage("missing authority subcommand", ["authority"])
        self.expect_usage("unknown authority subcommand", ["authority", "frobnicate"])
        self.expect_usage("unknown option", ["authority", "validate", "--frob", "x", "--kind", "observed", sni])
        self.expect_usage("missing --kind", ["authority", "validate", sni])
        self.expect_usage("--kind without a value", ["authority", "validate", "--kind"])
        self.expect_usage("--kind twice", ["authority", "validate", "--kind", "observed", "--kind", "observed", sni])
        self.expect_usage("bad kind", ["authority", "validate", "--kind", "inferred", sni])
        self.expect_usage("kind is case-sensitive", ["authority", "validate", "--kind", "Observed", sni])
        self.expect_usage("two files", ["authority", "validate", "--kind", "observed", sni, sni])
        self.expect_usage("no file", ["authority", "validate", "--kind", "observed"])
        self.expect_usage("kinds takes no arguments", ["authority", "kinds", "extra"])
        self.expect_usage("demo takes no positional arguments", ["demo", "extra"])
        self.expect_usage("missing file", ["authority", "validate", "--kind", "observed",
                                           os.path.join(self.tmp, "does-not-exist.json")], code="io_error")
        self.expect_usage("demo with a missing data dir", ["demo", "--data", os.path.join(self.tmp, "nowhere")],
                          code="io_error")
        # Options may follow the file.
        r = self.run("authority", "validate", sni, "--kind", "observed")
        check("--kind after FILE: exit 0", r.code == 0, r.describe())

    def help(self):
        for args in (["--help"], ["authority", "--help"], ["authority", "validate", "--help"], ["demo", "--help"],
                     ["jcs", "--help"], ["util", "--help"], ["util", "principal", "--help"]):
            r = Run(self.exe, args)
            name = "cellos " + " ".join(args)
            check(name + ": exit 0", r.code == 0, r.describe())
            check(name + ": usage text on stdout", b"usage:" in r.out, r.describe())
        check("cellos --help lists jcs", b"jcs FILE|-" in Run(self.exe, ["--help"]).out)
        # The help is generated from the command table: every command's own usage lines appear in
        # `cellos --help`, each under the command's name, and every command has a --help.
        main_help = Run(self.exe, ["--help"]).out.decode()
        listed = sorted({l.split()[0] for l in main_help.splitlines() if l.startswith("  ") and not l.startswith("      ")})
        check("cellos --help lists every command of the table", listed == ["authority", "authz", "chain", "demo", "event", "formation", "jcs",
              "keygen", "keyset", "lifecycle", "policy", "project", "sign", "spec", "util", "verify"], str(listed))
        for name in listed:
            r = Run(self.exe, [name, "--help"])
            usage = [l.replace("usage: ", "", 1).strip() for l in r.out.decode().split("\n\n")[0].splitlines()]
            check("cellos %s --help: generated usage, the same lines as cellos --help" % name,
                  r.code == 0 and usage and all(u.startswith("cellos " + name) and "  " + u[len("cellos "):] + "\n" in main_help
                                                 for u in usage), r.describe())
        for cmd in (["spec"], ["util", "nope"], ["authority", "validates"]):
            r = Run(self.exe, cmd)
            check("cellos %s: a missing or unknown subcommand is a usage error naming the choices" % " ".join(cmd),
                  r.code == USAGE_EXIT and r.json and "subcommand" in r.json["error"]["message"] and "|" in r.json["error"]["message"]
                  and b"usage: cellos " + cmd[0].encode() in r.err, r.describe())
        r = Run(self.exe, ["event", "validate", "--max-violations", "1", "--max-violations", "2", "-"])
        check("an option given twice is a usage error", r.code == USAGE_EXIT and "given twice" in r.json["error"]["message"], r.describe())
        r = Run(self.exe, ["jcs", "--frobnicate", "x"])
        check("an option outside a command's row is a usage error", r.code == USAGE_EXIT and "--frobnicate" in r.json["error"]["message"],
              r.describe())
        v = Run(self.exe, ["--version"])
        meson_build = open(os.path.join(os.path.dirname(os.path.dirname(self.data)), "meson.build"), encoding="utf-8").read()
        project_version = re.search(r"version: '([^']+)'", meson_build).group(1)
        check("cellos --version: the project's version as JSON", v.code == 0 and v.json == {"name": "cellos", "version": project_version},
              v.describe())

    # --- jcs: RFC 8785 canonical form -----------------------------------------------------------

    def jcs(self):
        # keys out of order (😂 is U+1F602: D83D DE02 in UTF-16, before U+FB33), whitespace,
        # numbers in several spellings, escapes that come out raw or lower-case
        text = ('{ "\\ufb33": 2, "\\ud83d\\ude02": 1,\n "b": [1.0, 1e21, -0, 1E-7, 0.000001, "\\u20ac\\u000F\\/"],'
                ' "a": {"y": null, "x": true} }')
        expected = ('{"a":{"x":true,"y":null},"b":[1,1e+21,0,1e-7,0.000001,"\u20ac\\u000f/"],'
                    '"\U0001F602":1,"\uFB33":2}\n').encode("utf-8")
        path = self.write(text)
        for name, args, stdin in (("jcs FILE", ["jcs", path], b""), ("jcs -", ["jcs", "-"], text.encode())):
            r = self.run(*args, stdin=stdin)
            check(name + ": exit 0", r.code == 0, r.describe())
            check(name + ": canonical bytes plus one newline", r.out == expected, "%r" % r.out)
            check(name + ": same JSON value as the input", r.json == json.loads(text), r.describe())
            check(name + ": nothing on stderr", r.err == b"", r.describe())
        again = self.run("jcs", "-", stdin=expected)
        check("jcs: canonical text is a fixed point", again.code == 0 and again.out == expected, again.describe())
        big = self.run("jcs", "-", stdin=b"[9007199254740993, 18446744073709551615, 333333333.33333329]")
        check("jcs: numbers are doubles, correctly rounded",
              big.out == b"[9007199254740992,18446744073709552000,333333333.3333333]\n", big.describe())
        self.expect_rejected_args("jcs duplicate key", ["jcs", self.write('{"a": {"b": 1, "b": 2}}')],
                                  "duplicate_key", "/a/b")
        self.expect_rejected_args("jcs malformed JSON", ["jcs", self.write("[1, 2")], "malformed_json", "")
        self.expect_rejected_args("jcs empty stdin", ["jcs", "-"], "malformed_json", "", stdin=b"")
        self.expect_rejected_args("jcs invalid UTF-8", ["jcs", "-"], "invalid_utf8", "", stdin=b'["\xc0\xaf"]')
        self.expect_rejected_args("jcs 1e400", ["jcs", "-"], "number_out_of_range", "/x", stdin=b'{"x": 1e400}')
        self.expect_rejected_args("jcs 65-deep nesting", ["jcs", "-"], "nesting_too_deep", "",
                                  stdin=b"[" * 65 + b"]" * 65)
        # Bounded reading (an endless pipe, a 2 GiB sparse file): resource_test.py.
        self.expect_usage("jcs without a file", ["jcs"])
        self.expect_usage("jcs with two files", ["jcs", path, path])
        self.expect_usage("jcs with an unknown option", ["jcs", "--sort", "x", path])
        self.expect_usage("jcs with a missing file", ["jcs", os.path.join(self.tmp, "does-not-exist.json")],
                          code="io_error")

    # --- util: the cellos/util helpers -----------------------------------------------------------

    def util(self):
        def answer(name, args, expected, stdin=b""):
            r = self.run(*args, stdin=stdin)
            check(name + ": exit 0", r.code == 0, r.describe())
            check(name + ": " + json.dumps(expected), r.json == expected, r.describe())

        # cgroup-segment (upstream vectors; one '_' per character; ill-formed bytes one '_' each)
        answer("util cgroup-segment upstream vector", ["util", "cgroup-segment", "ab/cd@ef!"], {"segment": "ab_cd_ef_"})
        answer("util cgroup-segment 100 x a", ["util", "cgroup-segment", "a" * 100], {"segment": "a" * 64})
        answer("util cgroup-segment empty", ["util", "cgroup-segment", ""], {"segment": "cell"})
        answer("util cgroup-segment multibyte", ["util", "cgroup-segment", "\u65e5\u672c-\u00e9"], {"segment": "__-_"})
        raw = Run(self.exe, [b"util", b"cgroup-segment", b"\xe6\x97z\xff"])
        check("util cgroup-segment ill-formed UTF-8: exit 0", raw.code == 0, raw.describe())
        check("util cgroup-segment ill-formed UTF-8: one '_' per byte", raw.json == {"segment": "__z_"}, raw.describe())

        # redact-url (§5 vectors)
        for text, expected in (("http://u:p@host", "http://host/"),
                               ("nats://u:p@h:4222", "nats://h:4222"),
                               ("https://user:pw@Example.COM:443/x", "https://example.com/x"),
                               ("primary=http://a.example/ok backup=nats://svc:s3cret@b.example:4222",
                                "primary=http://a.example/ok backup=nats://b.example:4222")):
            answer("util redact-url " + text, ["util", "redact-url", text], {"redacted": expected, "changed": True})
        answer("util redact-url without credentials", ["util", "redact-url", "connect nats://h:4222 failed"],
               {"redacted": "connect nats://h:4222 failed", "changed": False})
        bad = Run(self.exe, [b"util", b"redact-url", b"http://u:p@h\xff"])
        check("util redact-url invalid UTF-8: exit 1", bad.code == REJECTED_EXIT, bad.describe())
        check("util redact-url invalid UTF-8: code invalid_utf8",
              isinstance(bad.json, dict) and bad.json.get("error", {}).get("code") == "invalid_utf8", bad.describe())

        # hostname-match (§6 table); a denied host is an answer, not a rejection
        allow = self.write(["api.example.com", "*.cdn.example.com"])
        for host, entry in (("api.example.com", "api.example.com"), ("API.Example.COM", "api.example.com"),
                            ("foo.cdn.example.com", "*.cdn.example.com"), ("a.b.cdn.example.com", "*.cdn.example.com"),
                            ("api.example.com.", "api.example.com"), ("cdn.example.com", None),
                            ("x.api.example.com", None), ("evil.com", None), ("", None)):
            answer("util hostname-match %r" % host, ["util", "hostname-match", "--allowlist", allow, host],
                   {"host": host, "allowed": entry is not None, "entry": entry})
        answer("util hostname-match, allowlist on stdin", ["util", "hostname-match", "--allowlist", "-", "x.test"],
               {"host": "x.test", "allowed": True, "entry": "x.test"}, stdin=b'["x.test"]')
        answer("util hostname-match, empty allowlist denies", ["util", "hostname-match", "--allowlist", self.write([]), "a.test"],
               {"host": "a.test", "allowed": False, "entry": None})
        for entries, code, path in ((["a.test", "*.com"], "invalid_value", "/1"), (["*"], "invalid_value", "/0"),
                                    (["a.*.test"], "invalid_value", "/0"), (["a.test."], "invalid_value", "/0"),
                                    (["10.0.0.1"], "invalid_value", "/0"), ([1], "wrong_type", "/0"),
                                    ({"a": 1}, "wrong_type", "")):
            self.expect_rejected_args("util hostname-match bad allowlist %s" % json.dumps(entries),
                                      ["util", "hostname-match", "--allowlist", self.write(entries), "a.test"], code, path)
        self.expect_rejected_args("util hostname-match malformed allowlist",
                                  ["util", "hostname-match", "--allowlist", self.write('["a.test"'), "a.test"],
                                  "malformed_json", "")
        self.expect_usage("util hostname-match without --allowlist", ["util", "hostname-match", "a.test"])
        self.expect_usage("util hostname-match without a host", ["util", "hostname-match", "--allowlist", allow])
        self.expect_usage("util hostname-match with a missing file",
                          ["util", "hostname-match", "--allowlist", os.path.join(self.tmp, "nope.json"), "a.test"],
                          code="io_error")

        # principal
        uri = "principal://delegate/agent-7;scope=cells:read,cells:write/operator/alice"
        answer("util principal delegate", ["util", "principal", uri],
               {"valid": True, "uri": uri,
                "principal": {"kind": "delegate", "authorizing": {"kind": "operator", "id": "alice"},
                              "delegate": "agent-7", "scope": ["cells:read", "cells:write"]}})
        answer("util principal operator", ["util", "principal", "principal://operator/alice"],
               {"valid": True, "uri": "principal://operator/alice", "principal": {"kind": "operator", "id": "alice"}})
        answer("util principal federated", ["util", "principal", "principal://federated/https:%2F%2Fissuer.example/repo:acme"],
               {"valid": True, "uri": "principal://federated/https:%2F%2Fissuer.example/repo:acme",
                "principal": {"kind": "federated", "trustRoot": "https://issuer.example", "identity": "repo:acme"}})
        for bad_uri in ("principal://operator/", "principal://robot/x", "principal://operator/a%2fb",
                        "principal://delegate/d;scope=b,a/operator/alice",
                        "principal://delegate/d;scope=x,y/delegate/c;scope=x/operator/alice", "http://operator/alice"):
            self.expect_rejected_args("util principal " + bad_uri, ["util", "principal", bad_uri], "invalid_value", "")

        # tenant-id
        answer("util tenant-id valid", ["util", "tenant-id", "tenant-42"], {"valid": True})
        for bad_id in ("", "acme.prod", "acme*", "acme>", "acme prod", "caf\u00e9"):
            self.expect_rejected_args("util tenant-id %r" % bad_id, ["util", "tenant-id", bad_id], "invalid_spec", "")

        # usage
        self.expect_usage("util without a subcommand", ["util"])
        self.expect_usage("util unknown subcommand", ["util", "frobnicate"])
        self.expect_usage("util cgroup-segment without an id", ["util", "cgroup-segment"])
        self.expect_usage("util cgroup-segment with two ids", ["util", "cgroup-segment", "a", "b"])
        self.expect_usage("util tenant-id with an unknown option", ["util", "tenant-id", "--strict", "x", "a"])


    # --- kinds and demo -------------------------------------------------------------------------

    def kinds(self):
        r = self.run("authority", "kinds")
        check("authority kinds: exit 0", r.code == 0, r.describe())
        kinds = (r.json or {}).get("kinds") if isinstance(r.json, dict) else None
        if not check("authority kinds: a list of 4 kinds", isinstance(kinds, list) and len(kinds) == 4, r.describe()):
            return
        by_name = {k.get("kind"): k for k in kinds}
        check("authority kinds: observed, proven, imposed, declared",
              set(by_name) == {"observed", "proven", "imposed", "declared"}, str(sorted(by_name, key=str)))
        total = sum(len(k.get("types", [])) for k in kinds)
        check("authority kinds: 20 types in total", total == 20, "got %d" % total)
        for name, count, cap in (("observed", 8, 2), ("proven", 5, 4), ("imposed", 5, 4), ("declared", 2, 1)):
            k = by_name.get(name, {})
            types = k.get("types", [])
            check("authority kinds: %s has %d types" % (name, count), len(types) == count, str(types))
            check("authority kinds: %s tier cap %d" % (name, cap), k.get("tier_cap") == cap, str(k.get("tier_cap")))
            check("authority kinds: %s types are authority<%s, ...>" % (name, name),
                  all(isinstance(t, str) and t.startswith("authority<%s, " % name) for t in types), str(types))
        # Every type `validate` reports is one that `kinds` lists.
        for doc, kind in (("observed_sni.json", "observed"), ("proven_jws.json", "proven"),
                          ("imposed_tls.json", "imposed"), ("declared_guest.json", "declared")):
            v = Run(self.exe, ["authority", "validate", "--kind", kind, os.path.join(self.authority, doc)]).json or {}
            check("authority kinds lists the type of %s" % doc, v.get("type") in by_name.get(kind, {}).get("types", []),
                  str(v.get("type")))

    def demo(self):
        r = Run(self.exe, ["demo", "--json", "--data", self.data])
        check("demo: exit 0", r.code == 0, r.describe())
        lines = [line for line in r.out.decode("utf-8", "replace").splitlines() if line.strip()]
        parsed = []
        for i, line in enumerate(lines):
            try:
                parsed.append(json.loads(line))
            except ValueError:
                check("demo: line %d is JSON" % (i + 1), False, line[:200])
        check("demo: every line is JSON", len(parsed) == len(lines) and len(lines) > 0, "%d lines" % len(lines))
        steps = [p for p in parsed if isinstance(p, dict) and "demo" not in p]
        summary = [p for p in parsed if isinstance(p, dict) and "demo" in p]
        check("demo: has steps", len(steps) >= 12, "%d steps" % len(steps))
        for p in steps:
            label = p.get("file") or p.get("step")
            check("demo: step %s has \"ok\": true" % label, p.get("ok") is True, json.dumps(p)[:300])
        check("demo: summary line with 0 failures", len(summary) == 1 and summary[0].get("failures") == 0, str(summary))
        # The main job: the supervisor's events in the CONFIRMED order, each signed, verified and applied.
        events = [p.get("type") for p in steps if p.get("job") == "event"]
        cell = "dev.cellos.events.cell."
        check("demo: the main job's events in order", events == [cell + "lifecycle.v1.started", cell + "command.v1.completed",
              cell + "export.v2.completed", cell + "identity.v1.revoked", cell + "lifecycle.v1.destroyed"], str(events))
        replay = [p for p in steps if p.get("job") == "replay"]
        check("demo: the log replayed, every line verified and applied",
              len(replay) == 1 and replay[0]["linesRead"] == len(events) == replay[0]["signedVerified"] == replay[0]["applied"],
              str(replay))
        if replay:
            with open(replay[0]["log"], "rb") as f:
                log = [json.loads(l) for l in f.read().decode().splitlines() if l.strip()]
            check("demo: the log holds signed transport events", len(log) == len(events) and
                  all(e.get("type") == "dev.cellos.events.signed_envelope.v1" for e in log), str(log)[:300])
        snap = [p for p in steps if p.get("job") == "snapshot"]
        check("demo: the final snapshot is the replay's, cell destroyed",
              len(snap) == 1 and snap[0]["snapshot"]["currentState"] == "destroyed" and snap[0]["snapshot"]["processedEvents"] == len(events),
              str(snap)[:300])
        # Without --json: a short human summary and the final snapshot (JSON); the data dir is compiled in.
        d = Run(self.exe, ["demo"])
        check("demo without --data: exit 0", d.code == 0, d.describe())
        text = d.out.decode("utf-8", "replace")
        check("demo: human summary names each part", all(w in text for w in ("authority", "admission", "replayed", "state",
              "final snapshot:", "demo: ok")), text[:500])
        snapshot_lines = [l for l in text.splitlines() if l.startswith("{")]
        check("demo: the summary ends with the snapshot as JSON", len(snapshot_lines) == 1 and
              json.loads(snapshot_lines[0]).get("currentState") == "destroyed", text[-600:])
        # A tour whose verdict does not match exits 1 and says which step.
        tour_dir = os.path.join(self.tmp, "bad-tour")
        os.makedirs(os.path.join(tour_dir, "authority"), exist_ok=True)
        for name in os.listdir(self.authority):
            with open(os.path.join(self.authority, name), "rb") as src:
                content = src.read()
            if name == "tour.json":
                tour = json.loads(content.decode("utf-8"))
                tour[0]["expect"] = "tier_inflation"  # observed_sni.json is valid
                content = json.dumps(tour).encode()
            with open(os.path.join(tour_dir, "authority", name), "wb") as dst:
                dst.write(content)
        b = Run(self.exe, ["demo", "--json", "--data", tour_dir])
        check("demo with a wrong expectation: exit 1", b.code == REJECTED_EXIT, b.describe())
        first = json.loads(b.out.decode().splitlines()[0]) if b.out else {}
        check("demo with a wrong expectation: that step is ok: false", first.get("ok") is False, str(first)[:300])


def main(argv):
    if len(argv) != 3:
        print("usage: cli_test.py PATH_TO_cellos EXAMPLES_DATA_DIR", file=sys.stderr)
        return 2
    exe, data = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    c = Checker(exe, data)
    for section in (c.tour, c.stdin, c.io_errors, c.validation_errors, c.boundary, c.usage, c.help, c.jcs, c.util, c.kinds, c.demo):
        section()
    return finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
