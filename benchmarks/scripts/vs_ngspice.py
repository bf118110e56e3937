#!/usr/bin/env python3
"""Head-to-head: runs ngspice and Neuromorph on the same generated netlists, checks the waveforms agree
within 0.1% of their range, and prints a markdown table of wall-clock times (best of 3) and ratios.

Usage: /usr/bin/python3 benchmarks/scripts/vs_ngspice.py [rc_mesh|xbar|biolek_xbar] SIZE [SIZE ...]
Needs Debian's python3-numpy and ngspice; run ./neuromorph once first so it is built.
"""
import os, subprocess, sys, tempfile, time
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.abspath(os.path.join(here, "..", ".."))
sys.path.insert(0, here)
from gen_netlists import GENERATORS  # noqa: E402


def best_of(n, fn):
    best = float("inf")
    for _ in range(n):
        t0 = time.perf_counter(); fn(); best = min(best, time.perf_counter() - t0)
    return best


def main():
    kind = sys.argv[1]
    sizes = [int(s) for s in sys.argv[2:]]
    print(f"| {kind} size | unknowns | ngspice (s) | neuromorph (s) | ratio ngspice/neuromorph | max diff (% of range) |")
    print("|---|---|---|---|---|---|")
    for n in sizes:
        text = GENERATORS[kind](n)
        vectors = text.strip().splitlines()[-1].split()[2:]
        d = tempfile.mkdtemp(prefix="nm-bench-")
        ours_cir = os.path.join(d, "ours.cir"); ng_cir = os.path.join(d, "ng.cir"); data = os.path.join(d, "ng.txt")
        open(ours_cir, "w").write(text + ".end\n")
        open(ng_cir, "w").write(text.replace(".print", "*.print") + ".control\nset wr_singlescale\nset wr_vecnames\nrun\n"
                                f"wrdata {data} {' '.join(vectors)}\n.endc\n.end\n")
        run_ng = lambda: subprocess.run(["ngspice", "-b", ng_cir], cwd=d, capture_output=True)  # exits 1 after a .control run
        run_nm = lambda: subprocess.run([os.path.join(repo, "neuromorph"), "simulate", ours_cir, "-o", os.path.join(d, "out")], capture_output=True, check=True)
        t_ng = best_of(3, run_ng); t_nm = best_of(3, run_nm)
        ng = np.loadtxt(data, skiprows=1)
        ours = np.genfromtxt(os.path.join(d, "out", "tran.csv"), delimiter=",", names=True)
        worst = 0.0
        for k, name in enumerate(ours.dtype.names[1:], start=1):
            y = np.interp(ng[:, 0], ours["time"], ours[name]); rng = np.ptp(ng[:, k]) or 1.0
            worst = max(worst, np.abs(y - ng[:, k]).max() / rng)
        unknowns = {"rc_mesh": n * n, "xbar": 3 * n * n + 2 * n, "biolek_xbar": 5 * n * n + 2 * n}[kind]
        print(f"| {n}x{n} | {unknowns} | {t_ng:.3f} | {t_nm:.3f} | {t_ng / t_nm:.2f} | {100 * worst:.4f} |", flush=True)


if __name__ == "__main__":
    main()
