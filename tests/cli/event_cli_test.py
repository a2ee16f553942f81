#!/usr/bin/env python3
"""event_cli_test.py PATH_TO_cellos — the CLI contract of `cellos event validate [--jsonl]
[--envelope-only] FILE|-`: JSON on stdout (one line; JSON Lines with --jsonl), exit 0 all valid / 1 any
rejected / 2 usage or I/O, one verdict per event with stable codes and JSON pointers, the first rejection repeated as the
top-level "error", and document-level failures as one boundary error. By default each envelope's
data is decoded as the CellOS payload its type names (problems under /data; a type outside the
vocabulary is unknown_event_type); the envelope sections use the test type "dev.cellos.test" and so
run with --envelope-only. Inputs are written here (no external fixtures)."""
import json
import os
import sys

from harness import Run, TempDocs, check, finish

MINIMAL = {"specversion": "1.0", "id": "e-1", "source": "/cells/c1", "type": "dev.cellos.test"}
DESTROYED = "dev.cellos.events.cell.lifecycle.v1.destroyed"
DESTROYED_DATA = {"cellId": "c1", "specId": "s1", "runId": "r1", "outcome": "succeeded", "terminalState": "clean"}
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
    docs = TempDocs("cellos-event-cli-")
    write = docs.write

    def run(name, args, code, stdin=b""):
        r = Run(exe, args, stdin)
        check(name + ": exit %d" % code, r.code == code, r.describe())
        check(name + ": stdout is one JSON object on one line", isinstance(r.json, dict) and r.out.count(b"\n") == 1,
              r.describe())
        return r.json if isinstance(r.json, dict) else {}

    def verdicts(j):
        return j.get("events", [])

    def run_jsonl(name, args, code, stdin=b""):
        """--jsonl: one JSON line per listed verdict, then the summary line. (verdicts, summary)"""
        r = Run(exe, args, stdin)
        check(name + ": exit %d" % code, r.code == code, r.describe())
        try:
            lines = [json.loads(l) for l in r.out.decode("utf-8").splitlines()]
        except ValueError:
            lines = []
        ok = bool(lines) and all(isinstance(l, dict) for l in lines) and all("line" in l for l in lines[:-1]) \
            and "line" not in lines[-1] and lines[-1].get("mode") == "jsonl"
        check(name + ": JSON Lines, a verdict per line then the summary", ok, r.describe())
        return (lines[:-1], lines[-1]) if ok else ([], {})

    ENV = ["event", "validate", "--envelope-only"]  # envelope rules only: any type, any data

    # --- one event --------------------------------------------------------------------------------
    full = event(datacontenttype="application/json", dataschema="https://cellos.dev/schema", subject="cell/c1",
                 time="2018-04-05T18:31:00+01:00", data={"a": [1, 2.5, None]}, traceparent=TRACEPARENT, attempt=3,
                 retried=False, region="eu-west")
    j = run("single valid", ENV + [write(full)], 0)
    check("single valid: report", j.get("valid") is True and j.get("mode") == "event" and j.get("count") == 1
          and j.get("rejected") == 0 and "error" not in j, str(j))
    check("single valid: verdict names the event",
          verdicts(j) == [{"valid": True, "id": "e-1", "source": "/cells/c1", "type": "dev.cellos.test"}], str(j))
    j = run("single valid from stdin", ENV + ["-"], 0, stdin=json.dumps(MINIMAL).encode())
    check("stdin: same verdict", verdicts(j) == [{"valid": True, "id": "e-1", "source": "/cells/c1", "type": "dev.cellos.test"}], str(j))
    j = run("binary data", ENV + [write(event(datacontenttype="image/png", data_base64="iVBORw0KGgo="))], 0)
    j = run("nulls mean absent", ENV + [write(event(subject=None, time=None, dataschema=None, ext=None))], 0)

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
        j = run("single " + name, ENV + [write(doc)], 1)
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
    j = run("batch valid", ENV + [write([MINIMAL, event(id="e-2", data="text", datacontenttype="text/plain")])], 0)
    check("batch valid: two verdicts with indices", j.get("mode") == "batch" and j.get("count") == 2 and
          [(v.get("valid"), v.get("index"), v.get("id")) for v in verdicts(j)] == [(True, 0, "e-1"), (True, 1, "e-2")], str(j))
    j = run("batch empty", ["event", "validate", write(b"[]")], 0)
    check("batch empty: count 0", j.get("mode") == "batch" and j.get("count") == 0 and verdicts(j) == [] and j.get("valid") is True, str(j))
    j = run("batch with invalid elements", ENV + [write([MINIMAL, event(time="lunchtime"), "not an object",
                                                                        event(specversion="0.9")])], 1)
    got = [(v.get("index"), v.get("valid"), v.get("error", {}).get("code"), v.get("error", {}).get("path")) for v in verdicts(j)]
    check("batch: per-element verdicts with pointers into the batch",
          got == [(0, True, None, None), (1, False, "invalid_timestamp", "/1/time"), (2, False, "wrong_type", "/2"),
                  (3, False, "unsupported_spec_version", "/3/specversion")], str(got))
    check("batch: rejected count and first error", j.get("rejected") == 3 and j.get("error", {}).get("path") == "/1/time", str(j))
    j = run("batch from stdin", ENV + ["-"], 0, stdin=json.dumps([MINIMAL]).encode())
    check("batch from stdin: mode batch", j.get("mode") == "batch" and j.get("count") == 1, str(j))

    # --- JSON Lines ---------------------------------------------------------------------------------
    lines = (json.dumps(MINIMAL) + "\n" + json.dumps(event(id="e-2", Bad=1)) + "\r\n" + json.dumps(event(id="e-3")) + "\n").encode()
    vs, j = run_jsonl("jsonl mixed", ENV + ["--jsonl", write(lines)], 1)
    got = [(v.get("line"), v.get("valid"), v.get("error", {}).get("code"), v.get("error", {}).get("path")) for v in vs]
    check("jsonl: one verdict per line, pointers relative to the line",
          got == [(1, True, None, None), (2, False, "invalid_attribute_name", "/Bad"), (3, True, None, None)], str(got))
    check("jsonl: summary counts and first error", j.get("count") == 3 and j.get("rejected") == 1 and j.get("blank") == 0
          and j.get("truncated") is False and j.get("error", {}).get("path") == "/Bad" and j.get("valid") is False, str(j))
    vs, j = run_jsonl("jsonl valid, options after the file", ["event", "validate", write(json.dumps(MINIMAL).encode()),
                                                              "--jsonl", "--envelope-only"], 0)
    check("jsonl: no final newline needed", j.get("count") == 1 and j.get("valid") is True and "error" not in j, str(j))
    vs, j = run_jsonl("jsonl stdin", ENV + ["--jsonl", "-"], 0, stdin=lines.split(b"\n")[0] + b"\n")
    check("jsonl stdin: one line", j.get("count") == 1 and len(vs) == 1, str(j))
    vs, j = run_jsonl("jsonl empty input", ["event", "validate", "--jsonl", write(b"")], 1)
    check("jsonl empty input: empty_input by default", j.get("count") == 0 and j.get("valid") is False
          and j.get("error", {}).get("code") == "empty_input", str(j))
    vs, j = run_jsonl("jsonl only blank lines", ["event", "validate", "--jsonl", "-"], 1, stdin=b"\n \n\t\r\n")
    check("jsonl only blank lines: empty_input, blanks counted", j.get("error", {}).get("code") == "empty_input"
          and j.get("blank") == 3, str(j))
    vs, j = run_jsonl("jsonl empty input, --allow-empty", ["event", "validate", "--jsonl", "--allow-empty", write(b"")], 0)
    check("jsonl --allow-empty: valid, no events", j.get("count") == 0 and j.get("valid") is True, str(j))
    run("--allow-empty without --jsonl", ["event", "validate", "--allow-empty", write(MINIMAL)], 2)
    vs, j = run_jsonl("jsonl blank line", ENV + ["--jsonl", write((json.dumps(MINIMAL) + "\n\n" + json.dumps(MINIMAL)).encode())], 0)
    got = [(v.get("line"), v.get("valid")) for v in vs]
    check("jsonl: a blank line is skipped and counted, line numbers kept", got == [(1, True), (3, True)]
          and j.get("blank") == 1 and j.get("count") == 2, str((got, j)))
    vs, j = run_jsonl("jsonl with a batch line", ["event", "validate", "--jsonl", write(json.dumps([MINIMAL]).encode())], 1)
    check("jsonl: a line is one event", vs[0].get("error", {}).get("code") == "wrong_type" if vs else False, str(vs))
    vs, j = run_jsonl("jsonl malformed line", ENV + ["--jsonl", write(b'{"a":\n' + json.dumps(MINIMAL).encode())], 1)
    check("jsonl: a malformed line does not stop the others",
          [(v.get("valid"), v.get("error", {}).get("code")) for v in vs] == [(False, "malformed_json"), (True, None)], str(vs))
    bad = "\n".join([json.dumps(event(id="b-%d" % i, Bad=1)) for i in range(5)] + [json.dumps(MINIMAL)])
    vs, j = run_jsonl("jsonl --max-violations 2", ENV + ["--jsonl", "--max-violations", "2", write(bad.encode())], 1)
    check("jsonl --max-violations 2: two rejections listed, valid ones too, all counted",
          [(v.get("line"), v.get("valid")) for v in vs] == [(1, False), (2, False), (6, True)]
          and j.get("rejected") == 5 and j.get("truncated") is True and j.get("count") == 6, str((vs, j)))
    j = run("batch --max-violations 1", ENV + ["--max-violations", "1", write([event(Bad=1), MINIMAL, event(Bad=2)])], 1)
    check("batch --max-violations 1: the first rejection listed, the valid one too",
          [(v.get("index"), v.get("valid")) for v in verdicts(j)] == [(0, False), (1, True)]
          and j.get("rejected") == 2 and j.get("truncated") is True, str(j))
    for bad_cap in ["-1", "+3", "x", "100001", ""]:
        run("usage: --max-violations " + repr(bad_cap), ENV + ["--max-violations", bad_cap, write(MINIMAL)], 2)

    # --- payloads: data decoded as the CellOS payload the type names ---------------------------------
    def cellos_event(data=KeyError, **extra):
        e = event(type=DESTROYED, datacontenttype="application/json", **extra)
        if data is not KeyError:
            e["data"] = data
        return e

    def with_data(**changes):
        d = dict(DESTROYED_DATA)
        d.update(changes)
        return d

    j = run("payload valid", ["event", "validate", write(cellos_event(DESTROYED_DATA))], 0)
    check("payload valid: verdict names the event", verdicts(j) == [{"valid": True, "id": "e-1", "source": "/cells/c1",
                                                                      "type": DESTROYED}], str(j))
    bogus = cellos_event(with_data(outcome="bogus", exitCode=137))
    j = run("payload bogus outcome and exitCode", ["event", "validate", write(bogus)], 1)
    check("payload bogus outcome and exitCode: unknown_field at /data/exitCode (the key set is checked first)",
          j.get("error", {}).get("code") == "unknown_field" and j.get("error", {}).get("path") == "/data/exitCode", str(j))
    j = run("payload bogus outcome and exitCode, --envelope-only", ENV + [write(bogus)], 0)
    check("--envelope-only: today's envelope verdict", j.get("valid") is True and j.get("count") == 1, str(j))
    for name, doc, code, path in [
        ("bogus outcome", cellos_event(with_data(outcome="bogus")), "unknown_enum_value", "/data/outcome"),
        ("exitCode on destroyed", cellos_event(with_data(exitCode=0)), "unknown_field", "/data/exitCode"),
        ("missing specId", cellos_event({"cellId": "c1", "outcome": "failed"}), "missing_field", "/data/specId"),
        ("numeric cellId", cellos_event(with_data(cellId=7)), "wrong_type", "/data/cellId"),
        ("no data", cellos_event(), "missing_field", "/data"),
        ("string data", cellos_event("hello"), "wrong_type", "/data"),
        ("array data", cellos_event([]), "wrong_type", "/data"),
        ("unknown type", event(data={"a": 1}), "unknown_event_type", "/type"),
        ("signed envelope type", event(type="dev.cellos.events.signed_envelope.v1"), "unknown_event_type", "/type"),
        ("unknown version", event(type="dev.cellos.events.cell.lifecycle.v9.destroyed", data=DESTROYED_DATA), "unknown_event_type",
         "/type"),
    ]:
        j = run("payload " + name, ["event", "validate", write(doc)], 1)
        e = j.get("error", {})
        check("payload %s: %s at %s" % (name, code, path), j.get("valid") is False and e.get("code") == code
              and e.get("path") == path and e.get("message"), str(j))
        check("payload %s: the verdict carries the same error" % name, len(verdicts(j)) == 1 and verdicts(j)[0].get("error") == e, str(j))
        j = run("payload %s, --envelope-only" % name, ENV + [write(doc)], 0)
        check("payload %s, --envelope-only: valid" % name, j.get("valid") is True, str(j))
    j = run("payload: an envelope error comes first", ["event", "validate", write(cellos_event(with_data(outcome="bogus"), time="noon"))], 1)
    check("payload: the envelope verdict wins", j.get("error", {}).get("path") == "/time", str(j))

    batch = [cellos_event(DESTROYED_DATA), cellos_event(with_data(outcome="bogus")), MINIMAL, event(time="lunchtime")]
    j = run("payload batch", ["event", "validate", write(batch)], 1)
    got = [(v.get("index"), v.get("valid"), v.get("error", {}).get("code"), v.get("error", {}).get("path")) for v in verdicts(j)]
    check("payload batch: per-element payload checks, pointers into the batch",
          got == [(0, True, None, None), (1, False, "unknown_enum_value", "/1/data/outcome"), (2, False, "unknown_event_type", "/2/type"),
                  (3, False, "invalid_timestamp", "/3/time")], str(got))
    check("payload batch: first error", j.get("rejected") == 3 and j.get("error", {}).get("path") == "/1/data/outcome", str(j))
    j = run("payload batch, --envelope-only", ENV + [write(batch)], 1)
    check("payload batch, --envelope-only: only the envelope error", [v.get("valid") for v in verdicts(j)] == [True, True, True, False], str(j))

    lines = "\n".join(json.dumps(d) for d in [cellos_event(DESTROYED_DATA), cellos_event(with_data(exitCode=1)), MINIMAL]) + "\n"
    vs, j = run_jsonl("payload jsonl", ["event", "validate", "--jsonl", write(lines.encode())], 1)
    got = [(v.get("line"), v.get("valid"), v.get("error", {}).get("code"), v.get("error", {}).get("path")) for v in vs]
    check("payload jsonl: per-line payload checks, pointers relative to the line",
          got == [(1, True, None, None), (2, False, "unknown_field", "/data/exitCode"), (3, False, "unknown_event_type", "/type")], str(got))
    vs, j = run_jsonl("payload jsonl, --envelope-only", ["event", "validate", "--envelope-only", "--jsonl", write(lines.encode())], 0)
    check("payload jsonl, --envelope-only: all valid", j.get("rejected") == 0 and j.get("count") == 3, str(j))

    # --- usage and I/O --------------------------------------------------------------------------------
    for name, args in [("no subcommand", ["event"]), ("no file", ["event", "validate"]),
                       ("unknown subcommand", ["event", "check", write(MINIMAL)]),
                       ("two files", ["event", "validate", write(MINIMAL), write(MINIMAL)]),
                       ("unknown option", ["event", "validate", "--batch", write(MINIMAL)]),
                       ("--jsonl twice", ["event", "validate", "--jsonl", "--jsonl", write(MINIMAL)]),
                       ("--envelope-only twice", ENV + ["--envelope-only", write(MINIMAL)]),
                       ("--envelope-only with a value", ["event", "validate", "--envelope-only=yes", write(MINIMAL)])]:
        j = run("usage: " + name, args, 2)
        check("usage %s: code usage" % name, j.get("error", {}).get("code") == "usage", str(j))
    j = run("missing file", ["event", "validate", os.path.join(docs.dir, "absent.json")], 2)
    check("missing file: io_error", j.get("error", {}).get("code") == "io_error", str(j))
    for jsonl in ([], ["--jsonl"]):
        j = run("a directory as FILE " + " ".join(jsonl), ["event", "validate", *jsonl, docs.dir], 2)
        check("a directory as FILE: io_error, the system's reason", j.get("error", {}).get("code") == "io_error"
              and "Is a directory" in j.get("error", {}).get("message", ""), str(j))
    r = Run(exe, ["event", "--help"])
    check("event --help: exit 0 with usage", r.code == 0 and b"usage: cellos event validate" in r.out
          and b"--envelope-only" in r.out, r.describe())
    r = Run(exe, ["--help"])
    check("main help lists event validate", r.code == 0 and b"event validate --jsonl [--envelope-only] [--max-violations N] [--allow-empty] FILE|-" in r.out, r.describe())

    return finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
