#!/usr/bin/env python3
"""Times whole commands as a user runs them, alternating A and B in one measurement run so that a
shared, noisy machine slows both alike, and prints medians and ratios:

  1. `payback simulate --format json --trials 500000` against benchmarks/numpy_baseline.py at the same
     trial count, which computes the same summary.json figures of scenario B (both options, the staged
     rollout and its gate, the KPI checkpoints, sensitivity; target: payback at least 8x faster);
  2. `payback simulate` of scenario B at its defaults, every output, against `payback validate` of the
     same file (target: at most 4x), with the peak resident memory of the default run (target: at most
     400 MB) and the size of its business-case.xlsx (target: at most 1 MB).

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
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed ({os.waitstatus_to_exitcode(status)}): {' '.join(cmd)}\n{err}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024


def alternate(label_a, cmd_a, label_b, cmd_b, reps, invert=False):
    """Runs A then B, reps times; prints medians and the per-rep ratio A/B (B/A when invert)."""
    a, b = [], []
    for i in range(reps):
        a.append(timed(cmd_a))
        b.append(timed(cmd_b))
        print(f"  rep {i + 1}: {label_a} {a[-1][0]:.2f} s, {label_b} {b[-1][0]:.2f} s", file=sys.stderr)
    med = lambda xs, k: statistics.median(x[k] for x in xs)
    print(f"{label_a}: median {med(a, 0):.2f} s wall, {med(a, 1):.2f} s CPU, peak RSS {max(x[2] for x in a):.0f} MB")
    print(f"{label_b}: median {med(b, 0):.2f} s wall, {med(b, 1):.2f} s CPU, peak RSS {max(x[2] for x in b):.0f} MB")
    for name, k in (("wall", 0), ("CPU", 1)):
        ratios = [x[k] / y[k] for x, y in zip(a, b)] if invert is False else [y[k] / x[k] for x, y in zip(a, b)]
        what = f"{label_a} / {label_b}" if invert is False else f"{label_b} / {label_a}"
        print(f"ratio {what} ({name}): median {statistics.median(ratios):.2f} "
              f"(per rep {', '.join(f'{r:.2f}' for r in ratios)})")
    return a, b


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
    print(f"\n1. JSON only, {args.trials:,} trials: payback vs numpy")
    for label, launcher in launchers:
        print(f"[{label}]")
        alternate(f"{label} json", [launcher, "simulate", SCENARIO, "--format", "json", "--trials", str(args.trials),
                                    "--out", os.path.join(tmp, label + "-json")],
                  "numpy", numpy, args.reps, invert=True)

    print("\n2. Scenario B at its defaults: simulate (every output) vs validate")
    for label, launcher in launchers:
        print(f"[{label}]")
        alternate(f"{label} simulate", [launcher, "simulate", SCENARIO, "--out", os.path.join(tmp, label + "-all")],
                  f"{label} validate", [launcher, "validate", SCENARIO], args.reps)
        size = os.path.getsize(os.path.join(tmp, label + "-all", "business-case.xlsx"))
        print(f"business-case.xlsx: {size:,} bytes ({size / 1e6:.3f} MB)")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
