#!/usr/bin/env python3
"""Times whole commands as a user runs them, each command of a section once per round (and with
--before, the old and the new launcher in the same rounds) so that a shared, noisy machine slows them
alike, and prints medians and per-round ratios:

  1. `payback simulate --format json --trials 500000` against benchmarks/numpy_baseline.py at the same
     trial count, which computes the same summary.json figures of scenario B (both options, the staged
     rollout and its gate, the KPI checkpoints, sensitivity; target: payback at least 8x faster);
  2. `payback simulate` of scenario B at its defaults, every output, against `payback validate` of the
     same file (target: at most 4x), with the peak resident memory of the default run (target: at most
     400 MB) and the size of its business-case.xlsx (target: at most 1 MB);
  3. the floor no trial count goes below: every output at 1,000 trials (the engine and the statistics
     nearly free, the outputs' code run cold in a fresh JVM as at 100,000 trials), report.pdf alone and
     summary.json alone at 1,000 trials, each against `payback validate`; and in section 1, numpy's
     time against the JSON run's time to the end of its engine alone (start-up, loading and the
     trials, from --timings).

    python3 benchmarks/whole_command.py            # from the repository root; --reps 5 by default
    python3 benchmarks/whole_command.py --reps 3 --before /path/to/old/checkout/payback   # both, one session
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCENARIO = os.path.join(ROOT, "scenarios", "b_consumer_goods_multichannel.yaml")
PAYBACK = os.path.join(ROOT, "payback")


def timed(cmd):
    """Wall seconds, user+system CPU seconds and peak RSS (MB) of one child process."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         env=dict(os.environ, PAYBACK_TIMINGS="1"))
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed ({os.waitstatus_to_exitcode(status)}): {' '.join(cmd)}\n{err}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, err


def to_engine_end(err):
    """Seconds from the launcher's start to the end of the engine: the first three --timings rows
    (process start to main, load, engine), which run one after the other."""
    rows = {}
    for line in err.splitlines():
        parts = line.split()
        if line.startswith("  ") and len(parts) >= 3:
            rows[" ".join(parts[:-2])] = float(parts[-2])
    return sum(rows[k] for k in ("process start to main", "load", "engine")) / 1000


def rounds(runs, reps):
    """Runs every (label, cmd) once per round, in turn, for reps rounds, so that a shared, noisy machine
    slows them alike; prints each one's medians and returns label -> list of timed() results."""
    times = {label: [] for label, _ in runs}
    for i in range(reps):
        for label, cmd in runs:
            times[label].append(timed(cmd))
        print(f"  round {i + 1}: " + ", ".join(f"{label} {times[label][-1][0]:.2f} s" for label, _ in runs),
              file=sys.stderr)
    for label, _ in runs:
        xs = times[label]
        print(f"{label}: median {statistics.median(x[0] for x in xs):.2f} s wall, "
              f"{statistics.median(x[1] for x in xs):.2f} s CPU, peak RSS {max(x[2] for x in xs):.0f} MB")
    return times


def ratio(times, num, den, what):
    """Prints the per-round ratio num/den, wall and CPU, with its median."""
    for name, k in (("wall", 0), ("CPU", 1)):
        rs = [x[k] / y[k] for x, y in zip(times[num], times[den])]
        print(f"  {what} ({name}): median {statistics.median(rs):.2f} (per round {', '.join(f'{r:.2f}' for r in rs)})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--trials", type=int, default=500_000, help="trials of the numpy comparison")
    ap.add_argument("--before", metavar="LAUNCHER",
                    help="another payback launcher (e.g. a checkout of an older commit) measured in the same "
                         "session, alternating with this one")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="payback-bench-")
    launchers = [("payback", PAYBACK)] if args.before is None else [("before", args.before), ("after", PAYBACK)]
    for _, launcher in launchers:  # builds the jar and its start-up archive
        subprocess.run([launcher, "validate", SCENARIO], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([launcher, "simulate", SCENARIO, "--trials", "2000", "--out", os.path.join(tmp, "warm")],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"load average before: {os.getloadavg()[0]:.2f}; {os.cpu_count()} CPUs")

    numpy = [sys.executable, os.path.join(ROOT, "benchmarks", "numpy_baseline.py"), "--trials", str(args.trials),
             "--out", os.path.join(tmp, "numpy.json")]
    print(f"\n1. JSON only, {args.trials:,} trials: payback vs numpy (target: numpy at least 8x slower)")
    t = rounds([("numpy", numpy)] + [(f"{label} json", [launcher, "simulate", SCENARIO, "--format", "json",
                                                         "--trials", str(args.trials), "--out",
                                                         os.path.join(tmp, label + "-json")])
                                     for label, launcher in launchers], args.reps)
    for label, _ in launchers:
        ratio(t, "numpy", f"{label} json", f"numpy / {label} json")
        ends = [to_engine_end(x[3]) for x in t[f"{label} json"]]
        rs = [x[0] / e for x, e in zip(t["numpy"], ends)]
        print(f"  {label} json's start-up, loading and engine alone: median {statistics.median(ends):.2f} s; "
              f"numpy / that: median {statistics.median(rs):.2f}")

    print("\n2. Scenario B at its defaults: simulate (every output) vs validate (target: at most 4x)")
    t = rounds([run for label, launcher in launchers for run in (
        (f"{label} validate", [launcher, "validate", SCENARIO]),
        (f"{label} simulate", [launcher, "simulate", SCENARIO, "--out", os.path.join(tmp, label + "-all")]))],
        args.reps)
    for label, _ in launchers:
        ratio(t, f"{label} simulate", f"{label} validate", f"{label} simulate / validate")
        size = os.path.getsize(os.path.join(tmp, label + "-all", "business-case.xlsx"))
        print(f"  {label} business-case.xlsx: {size:,} bytes ({size / 1e6:.3f} MB); "
              f"peak RSS of the default run {max(x[2] for x in t[f'{label} simulate']):.0f} MB")

    print("\n3. The floor: the outputs' fixed cost at 1,000 trials, against validate")
    floors = (("every output", ()), ("report.pdf alone", ("--format", "pdf")),
              ("summary.json alone", ("--format", "json")))
    t = rounds([run for label, launcher in launchers for run in (
        [(f"{label} validate", [launcher, "validate", SCENARIO])]
        + [(f"{label} {name}", [launcher, "simulate", SCENARIO, "--trials", "1000", *fmt,
                                "--out", os.path.join(tmp, f"{label}-floor-{i}")])
           for i, (name, fmt) in enumerate(floors)])], args.reps)
    for label, _ in launchers:
        for name, _ in floors:
            ratio(t, f"{label} {name}", f"{label} validate", f"{label} {name}, 1,000 trials / validate")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
