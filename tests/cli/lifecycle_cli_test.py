#!/usr/bin/env python3
"""lifecycle_cli_test.py PATH_TO_cellos — `cellos lifecycle check|table`: JSON on stdout, exit 0
valid / 1 rejected / 2 usage or I/O; the table printed is the one the type-state classes use."""
import json
import os
import sys

from harness import Run, TempDocs, check, finish

def run(exe, args, stdin=b""):
    """(exit code, stdout as JSON or None, the Run) of one invocation."""
    r = Run(exe, args, stdin)
    return r.code, r.json, r


def main(argv):
    exe = os.path.abspath(argv[1])
    tmp = TempDocs("cellos-lifecycle-cli-").dir

    code, table, _ = run(exe, ["lifecycle", "table"])
    check("table: exit 0, JSON", code == 0 and isinstance(table, dict))
    cell = table.get("cell", []) if isinstance(table, dict) else []
    check("table: 13 cell transitions, 9 formation transitions", len(cell) == 13 and len(table.get("formation", [])) == 9, str(table)[:200])
    check("table: start emits lifecycle.v1.started",
          {"from": "secretsResolved", "to": "started", "step": "start",
           "event": "dev.cellos.events.cell.lifecycle.v1.started"} in cell, str(cell)[:300])

    full = ["admitted", "networkScoped", "trustPlaneObserved", "secretsResolved", "started", "commandCompleted", "exported",
            "destroyed", "revoked"]
    code, j, _ = run(exe, ["lifecycle", "check", "-"], json.dumps({"cell": full}).encode())
    check("full cell history: valid, terminal", code == 0 and j.get("valid") is True and j.get("terminal") is True
          and j.get("last") == "revoked", str(j))
    check("full cell history: the five events in order", j.get("events") == [
        "dev.cellos.events.cell.lifecycle.v1.started", "dev.cellos.events.cell.command.v1.completed",
        "dev.cellos.events.cell.export.v2.completed", "dev.cellos.events.cell.lifecycle.v1.destroyed",
        "dev.cellos.events.cell.identity.v1.revoked"], str(j))
    code, j, _ = run(exe, ["lifecycle", "check", "-"], b'{"cell": ["admitted", "networkScoped"]}')
    check("live history: valid, not terminal", code == 0 and j.get("terminal") is False and j.get("events") == [], str(j))
    code, j, _ = run(exe, ["lifecycle", "check", "-"], b'{"formation": ["PENDING", "LAUNCHING", "RUNNING", "DEGRADED", "RUNNING", "COMPLETED"]}')
    check("formation history: valid", code == 0 and j.get("kind") == "formation" and len(j.get("events", [])) == 5, str(j))

    for name, doc, err, pointer in [
        ("skip", b'{"cell": ["admitted", "secretsResolved"]}', "invalid_transition", "/cell/1"),
        ("wrong start", b'{"cell": ["started"]}', "invalid_transition", "/cell/0"),
        ("after terminal", b'{"formation": ["PENDING", "LAUNCHING", "FAILED", "RUNNING"]}', "invalid_transition", "/formation/3"),
        ("unknown stage", b'{"cell": ["admitted", "paused"]}', "unknown_enum_value", "/cell/1"),
        ("malformed", b'{"cell": [', "malformed_json", ""),
    ]:
        path = os.path.join(tmp, name.replace(" ", "_") + ".json")
        with open(path, "wb") as f:
            f.write(doc)
        code, j, r = run(exe, ["lifecycle", "check", path])
        e = (j or {}).get("error", {})
        check("%s: exit 1, %s at %r" % (name, err, pointer), code == 1 and e.get("code") == err and e.get("path") == pointer,
              r.out.decode()[:300])

    code, j, _ = run(exe, ["lifecycle", "check", os.path.join(tmp, "missing.json")])
    check("missing file: exit 2 io_error", code == 2 and j["error"]["code"] == "io_error", str(j))
    code, j, _ = run(exe, ["lifecycle", "frobnicate"])
    check("unknown subcommand: exit 2 usage", code == 2 and j["error"]["code"] == "usage", str(j))
    code, _, r = run(exe, ["lifecycle", "--help"])
    check("--help: exit 0", code == 0 and b"usage:" in r.out)

    return finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
