#!/usr/bin/env python3
"""Stage table of `payback simulate` (scenario B, defaults, every output) from PAYBACK_TIMINGS=1,
for one or more commands run alternately; prints a Markdown table of median wall and CPU ms per stage,
the whole process's median wall time and its largest peak RSS.

    python3 benchmarks/stage_table.py --reps 3 \\
        "after=./payback" "before=java -Djava.awt.headless=true -jar /tmp/before.jar"
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


def once(cmd, out):
    env = dict(os.environ, PAYBACK_TIMINGS="1")
    t0 = time.perf_counter()
    p = subprocess.Popen(shlex.split(cmd) + ["simulate", SCENARIO, "--out", out], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, env=env)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    err = p.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{cmd} failed:\n{err}")
    stages = {}
    for line in err.splitlines():
        m = LINE.match(line)
        if m:
            stages[m.group(1)] = (float(m.group(2)), float(m.group(3)) if m.group(3) != "-" else float("nan"))
    return (stages, wall, ru.ru_maxrss / 1024, os.path.getsize(os.path.join(out, "business-case.xlsx")),
            ru.ru_utime + ru.ru_stime)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("commands", nargs="+", help="label=command (the command is followed by simulate ...)")
    args = ap.parse_args()
    cmds = [c.split("=", 1) for c in args.commands]
    runs = {label: [] for label, _ in cmds}
    tmp = tempfile.mkdtemp(prefix="payback-stages-")
    print(f"load average before: {os.getloadavg()[0]:.2f}", file=sys.stderr)
    for _, cmd in cmds:  # warm the page cache, build the jar and the start-up archive
        once(cmd, os.path.join(tmp, "warm"))
    for i in range(args.reps):
        for label, cmd in cmds:
            runs[label].append(once(cmd, os.path.join(tmp, label)))
            print(f"  rep {i + 1} {label}: {runs[label][-1][1]:.2f} s", file=sys.stderr)
    names = []
    for label, _ in cmds:
        for r in runs[label]:
            for n in r[0]:
                if n not in names:
                    names.append(n)
    head = " | ".join(f"{label} wall ms | {label} CPU ms" for label, _ in cmds)
    print(f"| stage | {head} |")
    print("|---|" + "---:|" * (2 * len(cmds)))
    for n in names:
        cells = []
        for label, _ in cmds:
            vals = [r[0][n] for r in runs[label] if n in r[0]]
            cells += [f"{statistics.median(v[0] for v in vals):,.0f}" if vals else "–",
                      f"{statistics.median(v[1] for v in vals):,.0f}" if vals else "–"]
        print(f"| {n} | " + " | ".join(cells) + " |")
    for label, _ in cmds:
        rs = runs[label]
        print(f"{label}: whole process median {statistics.median(r[1] for r in rs):.2f} s wall, "
              f"{statistics.median(r[4] for r in rs):.2f} s CPU (user + system, the launcher's children included), "
              f"peak RSS {max(r[2] for r in rs):.0f} MB, business-case.xlsx {rs[-1][3]:,} bytes")
    print(f"load average after: {os.getloadavg()[0]:.2f}", file=sys.stderr)


if __name__ == "__main__":
    main()
