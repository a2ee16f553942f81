#!/usr/bin/env python3
"""formation_cli_test.py PATH_TO_cellos EXAMPLES_DIR — `cellos formation validate|project`: JSON on
stdout, exit 0 valid / 1 rejected / 2 usage or I/O; every example document refused for its own rule
with its pointer; --max-violations bounds the report; a formation event log projects to a snapshot."""
import json
import os
import sys

from harness import Run, TempDocs, check, finish


def main(argv):
    exe = os.path.abspath(argv[1])
    data = os.path.join(os.path.abspath(argv[2]), "formation")
    docs = TempDocs("cellos-formation-cli-")

    r = Run(exe, ["formation", "validate", os.path.join(data, "valid.json")])
    check("valid.json: exit 0, valid", r.code == 0 and r.json == {"valid": True, "name": "build-pipeline", "members": 4,
                                                                   "coordinator": "coordinator"}, r.describe())
    with open(os.path.join(data, "valid.json"), "rb") as f:
        r = Run(exe, ["formation", "validate", "-"], stdin=f.read())
    check("valid.json on stdin: exit 0", r.code == 0 and r.json.get("valid") is True, r.describe())

    for name, code, rule, pointer in [
        ("no_coordinator", "formation_no_coordinator", "formationNoCoordinator", "/members/0/authorizedBy"),
        ("multiple_coordinators", "formation_multiple_coordinators", "formationMultipleCoordinators", "/members/1"),
        ("unknown_member", "formation_unknown_member", "formationUnknownMember", "/members/1/authorizedBy"),
        ("cycle", "formation_cycle", "formationCycle", "/members/1/authorizedBy"),
        ("authority_not_narrowing", "formation_authority_not_narrowing", "formationAuthorityNarrowing",
         "/members/1/authority/secretRefs/1"),
        ("duplicate_member_id", "invalid_value", "formationUniqueMemberId", "/members/2/id"),
    ]:
        r = Run(exe, ["formation", "validate", os.path.join(data, name + ".json")])
        v = (r.json or {}).get("violations", [{}])
        check("%s.json: exit 1, %s (%s) at %s" % (name, code, rule, pointer),
              r.code == 1 and r.json.get("valid") is False and r.json.get("total") == 1 and
              v[0].get("code") == code and v[0].get("rule") == rule and v[0].get("path") == pointer, r.describe())

    # the strict boundary: one error, with its pointer
    for name, text, code, pointer in [
        ("unknown field", '{"name": "p", "coordinator": "c", "members": [{"id": "c", "role": 1}]}', "unknown_field", "/members/0/role"),
        ("duplicate key", '{"name": "p", "name": "q", "coordinator": "c", "members": []}', "duplicate_key", "/name"),
        ("wrong type", '{"name": "p", "coordinator": 3, "members": []}', "wrong_type", "/coordinator"),
        ("malformed", '{"name": ', "malformed_json", ""),
        ("too many members", json.dumps({"name": "p", "coordinator": "c",
                                         "members": [{"id": "c"}] + [{"id": "m%d" % i, "authorizedBy": "c"} for i in range(1024)]}),
         "input_too_large", "/members"),
    ]:
        r = Run(exe, ["formation", "validate", docs.write(text)])
        e = (r.json or {}).get("error", {})
        check("%s: exit 1, %s at %r" % (name, code, pointer), r.code == 1 and e.get("code") == code and e.get("path") == pointer,
              r.describe())

    # bounded report: 300 second coordinators, 5 listed, all counted
    many = {"name": "p", "coordinator": "c", "members": [{"id": "c"}] + [{"id": "r%d" % i} for i in range(300)]}
    path = docs.write(many)
    r = Run(exe, ["formation", "validate", "--max-violations", "5", path])
    check("--max-violations 5: 5 listed, 300 counted, truncated", r.code == 1 and len(r.json["violations"]) == 5 and
          r.json["total"] == 300 and r.json["truncated"] is True, r.describe())
    r = Run(exe, ["formation", "validate", path])
    check("default --max-violations: 100 listed, 300 counted", r.code == 1 and len(r.json["violations"]) == 100 and
          r.json["total"] == 300, r.describe())
    r = Run(exe, ["formation", "validate", "--max-violations", "x", path])
    check("--max-violations x: exit 2 usage", r.code == 2 and r.json["error"]["code"] == "usage", r.describe())

    # project
    r = Run(exe, ["formation", "project", os.path.join(data, "events.jsonl")])
    snap = (r.json or {}).get("snapshot", {})
    check("events.jsonl: exit 0, COMPLETED, 6 applied, 1 duplicate",
          r.code == 0 and snap.get("status") == "COMPLETED" and snap.get("processedEvents") == 6 and r.json.get("duplicates") == 1
          and snap.get("lastReason") == "tester exited 2" and snap.get("failedCells") == [], r.describe())

    def event(i, phase, data):
        return json.dumps({"specversion": "1.0", "id": "e%d" % i, "source": "/s", "datacontenttype": "application/json",
                           "type": "dev.cellos.events.cell.formation.v1." + phase, "data": data})
    created = {"formationId": "f", "cellIds": ["a"]}
    cells = {"formationId": "f", "cellIds": ["a"]}
    other = json.dumps({"specversion": "1.0", "id": "x1", "source": "/s", "type": "com.example.other"})
    log = "\n".join([event(1, "created", created), other, event(2, "launching", cells)]) + "\n"
    r = Run(exe, ["formation", "project", "-"], stdin=log.encode())
    check("other event types are skipped", r.code == 0 and r.json.get("skipped") == 1 and
          r.json["snapshot"]["status"] == "LAUNCHING", r.describe())
    log = "\n".join([event(1, "created", created), event(2, "completed", cells)]) + "\n"
    r = Run(exe, ["formation", "project", "-"], stdin=log.encode())
    e = (r.json or {}).get("error", {})
    check("illegal transition: exit 1 at line 2, invalid_transition PENDING -> COMPLETED",
          r.code == 1 and r.json.get("line") == 2 and e.get("code") == "invalid_transition" and "PENDING -> COMPLETED" in e.get("message", ""),
          r.describe())
    log = "\n".join([event(1, "created", created), event(2, "launching", {"formationId": "g", "cellIds": []})]) + "\n"
    r = Run(exe, ["formation", "project", "-"], stdin=log.encode())
    e = (r.json or {}).get("error", {})
    check("another formation: exit 1, invalid_value at /data/formationId",
          r.code == 1 and e.get("code") == "invalid_value" and e.get("path") == "/data/formationId", r.describe())
    r = Run(exe, ["formation", "project", "-"], stdin=(other + "\n").encode())
    check("no formation event: exit 1 empty_input", r.code == 1 and r.json["error"]["code"] == "empty_input", r.describe())

    # usage and I/O
    r = Run(exe, ["formation", "validate", os.path.join(docs.dir, "missing.json")])
    check("missing file: exit 2 io_error", r.code == 2 and r.json["error"]["code"] == "io_error", r.describe())
    r = Run(exe, ["formation", "frobnicate", "x"])
    check("unknown subcommand: exit 2 usage", r.code == 2 and r.json["error"]["code"] == "usage", r.describe())
    r = Run(exe, ["formation", "validate"])
    check("no file: exit 2 usage", r.code == 2 and r.json["error"]["code"] == "usage", r.describe())
    r = Run(exe, ["formation", "--help"])
    check("--help: exit 0", r.code == 0 and b"usage: cellos formation validate" in r.out, r.describe())
    r = Run(exe, ["--help"])
    check("listed in cellos --help", r.code == 0 and b"formation validate" in r.out, r.describe())

    return finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
