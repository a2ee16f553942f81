#!/usr/bin/env python3
"""bench/replay.py — the projector side by side with the Rust peer (issue 11 §3), interleaved.

  python3 bench/replay.py --cellos BUILD/tools/cellos --twin BUILD/bench/replay_peer \
      --peer PEER/target/release/rust-projector [--events 1000000] [--rounds 3] [--logdir DIR]

Generates the log with shared/peers/gen_log.py (seed 42, 10 000 cells in flight) into LOGDIR (a
temporary directory by default; never the repository), then runs, round after round, each binary's
three modes (parse-only, typed-only, project) under /usr/bin/time -v, alternating the binaries so
the machine's noise falls on both. Prints medians and the ratios the issue sets targets for:
  * projection throughput, ours / peer                       (target >= 3)
  * peak memory in projection, ours / peer                   (target <= 1/3)
  * projection / raw boost::json::parse of the same lines     (target >= 0.7)
  * signed replay on every core / on one core (cellos project --keys, --threads 1)   (target >= 1.8 on 2 cores)
and checks that the counts of both projectors equal shared/peers/ref_project.py's (on the log; the
reference takes a few minutes on 1 M events: --no-ref skips it).
"""
import argparse, json, os, re, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
PEERS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "peers"))
COUNTS = ("eventsRead", "malformed", "applied", "duplicates", "ignored", "invalid", "cells", "states",
          "exportRecords", "bytesWrittenTotal", "processedEventsTotal")


def timed(cmd):
    """Runs cmd under /usr/bin/time -v: (stdout JSON, wall seconds, peak RSS MiB)."""
    r = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    if r.returncode not in (0, 1):
        sys.exit("failed: %s\n%s" % (" ".join(cmd), r.stderr[-2000:]))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1)) / 1024
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", r.stderr)
    wall = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
    try:  # the peer prints one pretty-printed object; cellos prints JSON Lines, the summary last
        out = json.loads(r.stdout)
    except ValueError:
        out = json.loads([l for l in r.stdout.splitlines() if l.strip()][-1])
    return out, wall, rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cellos", required=True)
    ap.add_argument("--twin", required=True, help="bench/replay_peer (the peer's CLI over our projector)")
    ap.add_argument("--peer", required=True, help="rust-projector (shared/peers/README.md §1 builds it)")
    ap.add_argument("--events", type=int, default=1000000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--logdir")
    ap.add_argument("--no-ref", action="store_true")
    ap.add_argument("--signed-events", type=int, default=100000, help="events in the signed-replay log")
    a = ap.parse_args()
    logdir = a.logdir or tempfile.mkdtemp(prefix="cellos-replay-")
    log = os.path.join(logdir, "events-%d.jsonl" % a.events)
    if not os.path.exists(log):
        subprocess.run([sys.executable, os.path.join(PEERS, "gen_log.py"), "--events", str(a.events), "--cells", "10000",
                        "--seed", "42", "--out", log], check=True, stderr=subprocess.DEVNULL)
    subprocess.run(["cat", log], stdout=subprocess.DEVNULL, check=True)  # page cache: measure CPU, not disk
    runs = {}
    for _ in range(a.rounds):
        for name, binary in (("ours", a.twin), ("peer", a.peer)):
            for mode in ("parse-only", "typed-only", "project"):
                flag = [] if mode == "project" else ["--" + mode]
                out, wall, rss = timed([binary] + flag + [log])
                runs.setdefault((name, mode), []).append((out, wall, rss))
    med = lambda xs: statistics.median(xs)
    print("| binary | mode | median events/s | median MB/s | median wall s | peak RSS MiB |")
    print("|---|---|---|---|---|---|")
    eps = {}
    for (name, mode), rs in sorted(runs.items()):
        eps[(name, mode)] = med([r[0]["eventsPerSecond"] for r in rs])
        print("| %s | %s | %s | %.1f | %.2f | %.1f |" % (name, mode, format(round(eps[(name, mode)]), ","),
              med([r[0]["mbPerSecond"] for r in rs]), med([r[1] for r in rs]), max(r[2] for r in rs)))
    ours = runs[("ours", "project")][0][0]
    peer = runs[("peer", "project")][0][0]
    rss_ratio = max(r[2] for r in runs[("ours", "project")]) / max(r[2] for r in runs[("peer", "project")])
    print()
    print("projection throughput ours/peer: %.2f (target >= 3)" % (eps[("ours", "project")] / eps[("peer", "project")]))
    print("peak memory ours/peer: %.2f (target <= 0.33)" % rss_ratio)
    print("projection / raw boost::json::parse: %.2f (target >= 0.7)" % (eps[("ours", "project")] / eps[("ours", "parse-only")]))
    print("typed read / raw boost::json::parse: %.2f" % (eps[("ours", "typed-only")] / eps[("ours", "parse-only")]))
    same = all(ours[k] == peer[k] for k in COUNTS)
    print("counts ours == peer: %s" % same)
    if not a.no_ref:
        ref = json.loads(subprocess.run([sys.executable, os.path.join(PEERS, "ref_project.py"), log], capture_output=True,
                                        text=True, check=True).stdout)
        same_ref = all(ours[k] == ref[k] for k in COUNTS)
        print("counts ours == ref_project.py: %s" % same_ref)
        same = same and same_ref
    # Signed replay: the first --signed-events lines, signed, verified on every core vs one.
    head = os.path.join(logdir, "head.jsonl")
    with open(log) as src, open(head, "w") as dst:
        for i, l in enumerate(src):
            if i >= a.signed_events:
                break
            dst.write(l)
    signed, keys = os.path.join(logdir, "signed.jsonl"), os.path.join(logdir, "keys.json")
    subprocess.run([a.twin, "--make-signed", head, signed, keys], check=True)
    walls = {1: [], 0: []}
    for _ in range(a.rounds):
        for threads in (1, 0):
            t = ["--threads", "1"] if threads == 1 else []
            t0 = time.monotonic()
            r = subprocess.run([a.cellos, "project", "--summary", "--keys", keys] + t + [signed], capture_output=True, text=True)
            walls[threads].append(time.monotonic() - t0)
            s = json.loads(r.stdout)
            if s["signedVerified"] != s["eventsRead"]:
                sys.exit("signed replay: not every envelope verified: %s" % r.stdout)
    print("signed replay (%d events, %d cores) every core / one core: %.2f (target >= 1.8 on 2 cores)" %
          (a.signed_events, os.cpu_count(), med(walls[1]) / med(walls[0])))
    print("raw outputs and logs:", logdir)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
