#!/usr/bin/env python3
"""Cold-JVM cost of one output of `payback simulate` (scenario B, defaults): runs each launcher with
`--format FORMAT` alone (a fresh JVM each time, alternating the launchers so that a shared, noisy machine
slows them alike) and prints, per launcher, the median wall and CPU ms of that output's --timings row,
the median CPU of the whole process, and the per-rep CPU ratios against the first launcher. `all` runs
every output (no --format) and reports the charts, pdf and total rows.

    python3 benchmarks/output_stage.py --reps 5 --format charts --format pdf \\
        before=/tmp/old-checkout/payback after=./payback
"""
import argparse
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCENARIO = os.path.join(ROOT, "scenarios", "b_consumer_goods_multichannel.yaml")
LINE = re.compile(r"^  (.+?)\s{2,}([\d.]+)\s+([\d.]+|-)$")


def once(cmd, fmt, out):
    """The --timings rows (name -> (wall ms, CPU ms)), and the process's wall and CPU seconds."""
    env = dict(os.environ, PAYBACK_TIMINGS="1")
    args = shlex.split(cmd) + ["simulate", SCENARIO, "--out", out] + ([] if fmt == "all" else ["--format", fmt])
    t0 = time.perf_counter()
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    err = p.stderr.read().decode(errors="replace")
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{cmd} failed:\n{err}")
    rows = {}
    for line in err.splitlines():
        m = LINE.match(line)
        if m:
            rows[m.group(1)] = (float(m.group(2)), float(m.group(3)) if m.group(3) != "-" else float("nan"))
    return rows, wall, ru.ru_utime + ru.ru_stime


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--format", action="append", dest="formats",
                    help="charts, pdf, html, xlsx, ... or all (repeatable; default charts and pdf)")
    ap.add_argument("launchers", nargs="+", help="label=command (followed by simulate ...)")
    args = ap.parse_args()
    formats = args.formats or ["charts", "pdf"]
    cmds = [c.split("=", 1) for c in args.launchers]
    tmp = tempfile.mkdtemp(prefix="payback-output-stage-")
    for _, cmd in cmds:  # builds the jar and its start-up archive, warms the page cache
        once(cmd, "all", os.path.join(tmp, "warm"))
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    for fmt in formats:
        rows = ["charts", "pdf", "total (from main)"] if fmt == "all" else [fmt, "total (from main)"]
        runs = {label: [] for label, _ in cmds}
        for i in range(args.reps):
            for label, cmd in cmds:
                runs[label].append(once(cmd, fmt, os.path.join(tmp, label)))
        print(f"\n--format {fmt}, {args.reps} alternations (medians; ms)")
        print("| launcher | " + " | ".join(f"{r} wall | {r} CPU" for r in rows) + " | process wall | process CPU |")
        print("|---|" + "---:|" * (2 * len(rows) + 2))
        for label, _ in cmds:
            rs = runs[label]
            cells = []
            for r in rows:
                cells.append(f"{statistics.median(x[0][r][0] for x in rs):,.0f}")
                cells.append(f"{statistics.median(x[0][r][1] for x in rs):,.0f}")
            cells.append(f"{1000 * statistics.median(x[1] for x in rs):,.0f}")
            cells.append(f"{1000 * statistics.median(x[2] for x in rs):,.0f}")
            print(f"| {label} | " + " | ".join(cells) + " |")
        base_label = cmds[0][0]
        for label, _ in cmds[1:]:
            for r in rows:
                ratios = [b[0][r][1] / a[0][r][1] for a, b in zip(runs[base_label], runs[label]) if a[0][r][1] > 0]
                print(f"{label}/{base_label} {r} CPU: median {statistics.median(ratios):.2f} "
                      f"(per rep {', '.join(f'{x:.2f}' for x in ratios)})")
            ratios = [b[2] / a[2] for a, b in zip(runs[base_label], runs[label])]
            print(f"{label}/{base_label} process CPU: median {statistics.median(ratios):.2f} "
                  f"(per rep {', '.join(f'{x:.2f}' for x in ratios)})")
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
