#!/usr/bin/env python3
"""event_cli_test.py PATH_TO_cellos — the CLI contract of `cellos event validate [--jsonl] FILE|-`:
JSON on stdout (one line), exit 0 all valid / 1 any rejected / 2 usage or I/O, one verdict per event
with stable codes and JSON pointers, the first rejection repeated as the top-level "error", and
document-level failures as one boundary error. Inputs are written here (no external fixtures)."""
import json
import os
import subprocess
import sys
import tempfile

results = []


def check(name, ok, detail=""):
    results.append((bool(ok), name))
    print(("ok     " if ok else "FAIL   ") + name + ("" if ok or not detail else "  -- " + detail), flush=True)


class Run:
    def __init__(self, exe, args, stdin=b""):
        p = subprocess.run([exe] + list(args), input=stdin, capture_output=True, timeout=60)
        self.code, self.out, self.err = p.returncode, p.stdout, p.stderr
        try:
            self.json = json.loads(self.out.decode("utf-8"))
        except ValueError:
            self.json = None

    def describe(self):
        return "exit %d, stdout %r, stderr %r" % (self.code, self.out[:600], self.err[:200])


MINIMAL = {"specversion": "1.0", "id": "e-1", "source": "/cells/c1", "type": "dev.cellos.test"}
TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"


def event(**extra):
    e = dict(MINIMAL)
    for k, v in extra.items():
        if v is KeyError:
            e.pop(k, None)
        else:
            e[k] = v
    return e


def main(argv):
    exe = os.path.abspath(argv[1])
    tmp = tempfile.mkdtemp(prefix="cellos-event-cli-")
    counter = [0]

    def write(doc):
        counter[0] += 1
        p = os.path.join(tmp, "e%03d.json" % counter[0])
        with open(p, "wb") as f:
            f.write(doc if isinstance(doc, bytes) else json.dumps(doc).encode())
        return p

    def run(name, args, code, stdin=b""):
        r = Run(exe, args, stdin)
        check(name + ": exit %d" % code, r.code == code, r.describe())
        check(name + ": stdout is one JSON object on one line", isinstance(r.json, dict) and r.out.count(b"\n") == 1,
              r.describe())
        return r.json if isinstance(r.json, dict) else {}

    def verdicts(j):
        return j.get("events", [])

    # --- one event --------------------------------------------------------------------------------
    full = event(datacontenttype="application/json", dataschema="https://cellos.dev/schema", subject="cell/c1",
                 time="2018-04-05T18:31:00+01:00", data={"a": [1, 2.5, None]}, traceparent=TRACEPARENT, attempt=3,
                 retried=False, region="eu-west")
    j = run("single valid", ["event", "validate", write(full)], 0)
    check("single valid: report", j.get("valid") is True and j.get("mode") == "event" and j.get("count") == 1
          and j.get("rejected") == 0 and "error" not in j, str(j))
    check("single valid: verdict names the event",
          verdicts(j) == [{"valid": True, "id": "e-1", "source": "/cells/c1", "type": "dev.cellos.test"}], str(j))
    j = run("single valid from stdin", ["event", "validate", "-"], 0, stdin=json.dumps(MINIMAL).encode())
    check("stdin: same verdict", verdicts(j) == [{"valid": True, "id": "e-1", "source": "/cells/c1", "type": "dev.cellos.test"}], str(j))
    j = run("binary data", ["event", "validate", write(event(datacontenttype="image/png", data_base64="iVBORw0KGgo="))], 0)
    j = run("nulls mean absent", ["event", "validate", write(event(subject=None, time=None, dataschema=None, ext=None))], 0)

    for name, doc, code, path in [
        ("no id", event(id=KeyError), "missing_field", "/id"),
        ("null id", event(id=None), "missing_field", "/id"),
        ("numeric id", event(id=25), "wrong_type", "/id"),
        ("empty source", event(source=""), "empty_attribute", "/source"),
        ("specversion 0.9", event(specversion="0.9"), "unsupported_spec_version", "/specversion"),
        ("bad time", event(time="2018-04-05T18:31:00+25:00"), "invalid_timestamp", "/time"),
        ("bad media type", event(datacontenttype="xyz"), "invalid_media_type", "/datacontenttype"),
        ("relative dataschema", event(dataschema="/schema"), "invalid_uri", "/dataschema"),
        ("source with a space", event(source="a b"), "invalid_uri", "/source"),
        ("empty subject", event(subject=""), "empty_attribute", "/subject"),
        ("capitalized extension", event(MyExtension="bad"), "invalid_attribute_name", "/MyExtension"),
        ("decimal extension", event(decimal=42.42), "wrong_type", "/decimal"),
        ("long extension", event(long=4247483647), "number_out_of_range", "/long"),
        ("object extension", event(obj={}), "wrong_type", "/obj"),
        ("data and data_base64", event(data="x", data_base64="eA=="), "conflicting_fields", "/data_base64"),
        ("bad base64", event(data_base64="eA="), "invalid_base64", "/data_base64"),
        ("object data, text/plain", event(datacontenttype="text/plain", data={"a": 1}), "wrong_type", "/data"),
        ("bad traceparent", event(traceparent="00-x"), "invalid_value", "/traceparent"),
        ("control character", event(type="a\u0007b"), "invalid_value", "/type"),
    ]:
        j = run("single " + name, ["event", "validate", write(doc)], 1)
        e = j.get("error", {})
        v = verdicts(j)
        check("single %s: %s at %s" % (name, code, path), j.get("valid") is False and j.get("rejected") == 1
              and e.get("code") == code and e.get("path") == path and e.get("message"), str(j))
        check("single %s: the verdict carries the same error" % name, len(v) == 1 and v[0].get("valid") is False
              and v[0].get("error") == e, str(j))

    # --- document-level failures: one boundary error, no verdicts ------------------------------------
    for name, raw, code in [
        ("malformed", b'{"specversion": ', "malformed_json"),
        ("trailing garbage", json.dumps(MINIMAL).encode() + b" x", "malformed_json"),
        ("a number", b"7", "wrong_type"),
        ("a string", b'"event"', "wrong_type"),
        ("duplicate key", b'{"specversion":"1.0","id":"a","id":"b","source":"/s","type":"t"}', "duplicate_key"),
        ("invalid UTF-8", b'{"specversion":"1.0","id":"\xff","source":"/s","type":"t"}', "invalid_utf8"),
        ("empty file", b"", "malformed_json"),
        ("deep data", b'{"specversion":"1.0","id":"a","source":"/s","type":"t","data":' + b"[" * 100 + b"]" * 100 + b"}",
         "nesting_too_deep"),
    ]:
        j = run("document " + name, ["event", "validate", write(raw)], 1)
        check("document %s: %s, no verdicts" % (name, code), j.get("valid") is False
              and j.get("error", {}).get("code") == code and "events" not in j, str(j))
    j = run("duplicate key path", ["event", "validate", write(b'{"specversion":"1.0","id":"a","source":"/s","type":"t","data":{"k":1,"k":2}}')], 1)
    check("duplicate key: pointer into data", j.get("error", {}).get("path") == "/data/k", str(j))

    # --- batches ------------------------------------------------------------------------------------
    j = run("batch valid", ["event", "validate", write([MINIMAL, event(id="e-2", data="text", datacontenttype="text/plain")])], 0)
    check("batch valid: two verdicts with indices", j.get("mode") == "batch" and j.get("count") == 2 and
          [(v.get("valid"), v.get("index"), v.get("id")) for v in verdicts(j)] == [(True, 0, "e-1"), (True, 1, "e-2")], str(j))
    j = run("batch empty", ["event", "validate", write(b"[]")], 0)
    check("batch empty: count 0", j.get("mode") == "batch" and j.get("count") == 0 and verdicts(j) == [] and j.get("valid") is True, str(j))
    j = run("batch with invalid elements", ["event", "validate", write([MINIMAL, event(time="lunchtime"), "not an object",
                                                                        event(specversion="0.9")])], 1)
    got = [(v.get("index"), v.get("valid"), v.get("error", {}).get("code"), v.get("error", {}).get("path")) for v in verdicts(j)]
    check("batch: per-element verdicts with pointers into the batch",
          got == [(0, True, None, None), (1, False, "invalid_timestamp", "/1/time"), (2, False, "wrong_type", "/2"),
                  (3, False, "unsupported_spec_version", "/3/specversion")], str(got))
    check("batch: rejected count and first error", j.get("rejected") == 3 and j.get("error", {}).get("path") == "/1/time", str(j))
    j = run("batch from stdin", ["event", "validate", "-"], 0, stdin=json.dumps([MINIMAL]).encode())
    check("batch from stdin: mode batch", j.get("mode") == "batch" and j.get("count") == 1, str(j))

    # --- JSON Lines ---------------------------------------------------------------------------------
    lines = (json.dumps(MINIMAL) + "\n" + json.dumps(event(id="e-2", Bad=1)) + "\r\n" + json.dumps(event(id="e-3")) + "\n").encode()
    j = run("jsonl mixed", ["event", "validate", "--jsonl", write(lines)], 1)
    got = [(v.get("line"), v.get("valid"), v.get("error", {}).get("code"), v.get("error", {}).get("path")) for v in verdicts(j)]
    check("jsonl: one verdict per line, pointers relative to the line",
          got == [(1, True, None, None), (2, False, "invalid_attribute_name", "/Bad"), (3, True, None, None)], str(got))
    check("jsonl: mode and counts", j.get("mode") == "jsonl" and j.get("count") == 3 and j.get("rejected") == 1, str(j))
    j = run("jsonl valid, option after the file", ["event", "validate", write(json.dumps(MINIMAL).encode()), "--jsonl"], 0)
    check("jsonl: no final newline needed", j.get("count") == 1 and j.get("valid") is True, str(j))
    j = run("jsonl stdin", ["event", "validate", "--jsonl", "-"], 0, stdin=lines.split(b"\n")[0] + b"\n")
    check("jsonl stdin: one line", j.get("count") == 1, str(j))
    j = run("jsonl empty input", ["event", "validate", "--jsonl", write(b"")], 0)
    check("jsonl empty input: no events, valid", j.get("count") == 0 and j.get("valid") is True, str(j))
    j = run("jsonl blank line", ["event", "validate", "--jsonl", write((json.dumps(MINIMAL) + "\n\n" + json.dumps(MINIMAL)).encode())], 1)
    got = [(v.get("line"), v.get("valid"), v.get("error", {}).get("code")) for v in verdicts(j)]
    check("jsonl: a blank line is rejected", got == [(1, True, None), (2, False, "malformed_json"), (3, True, None)], str(got))
    j = run("jsonl with a batch line", ["event", "validate", "--jsonl", write(json.dumps([MINIMAL]).encode())], 1)
    check("jsonl: a line is one event", verdicts(j)[0].get("error", {}).get("code") == "wrong_type" if verdicts(j) else False, str(j))
    j = run("jsonl malformed line", ["event", "validate", "--jsonl", write(b'{"a":\n' + json.dumps(MINIMAL).encode())], 1)
    check("jsonl: a malformed line does not stop the others",
          [(v.get("valid"), v.get("error", {}).get("code")) for v in verdicts(j)] == [(False, "malformed_json"), (True, None)], str(j))

    # --- usage and I/O --------------------------------------------------------------------------------
    for name, args in [("no subcommand", ["event"]), ("no file", ["event", "validate"]),
                       ("unknown subcommand", ["event", "check", write(MINIMAL)]),
                       ("two files", ["event", "validate", write(MINIMAL), write(MINIMAL)]),
                       ("unknown option", ["event", "validate", "--batch", write(MINIMAL)]),
                       ("--jsonl twice", ["event", "validate", "--jsonl", "--jsonl", write(MINIMAL)])]:
        j = run("usage: " + name, args, 2)
        check("usage %s: code usage" % name, j.get("error", {}).get("code") == "usage", str(j))
    j = run("missing file", ["event", "validate", os.path.join(tmp, "absent.json")], 2)
    check("missing file: io_error", j.get("error", {}).get("code") == "io_error", str(j))
    r = Run(exe, ["event", "--help"])
    check("event --help: exit 0 with usage", r.code == 0 and b"usage: cellos event validate" in r.out, r.describe())
    r = Run(exe, ["--help"])
    check("main help lists event validate", r.code == 0 and b"event validate [--jsonl] FILE|-" in r.out, r.describe())

    failed = [n for ok, n in results if not ok]
    print("%d checks, %d failed" % (len(results), len(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
