#!/usr/bin/env python3
"""Scaling of the time to solution on planted Max-Cut (not a unit test), beside sat_scaling.sh's 3-SAT scaling.

Instances: random 3-regular bipartite graphs on N nodes (3 random perfect matchings between two halves, duplicate edges
merged, nodes relabelled at random so the order hides the partition). Every edge crosses the planted partition, so the
maximum cut is the number of edges: a known target at every size. Each instance is solved by `neuromorph minimize`
with R restarts and a time limit, --target set to the edge count; the time to solution with 99 % confidence (TTS99,
from the success probability and the time per restart, as `minimize` prints it) is recorded per instance; an instance
with no successful restart counts as longer than any solved one (right-censored). Median TTS99 per N, the power-law
fit median ~ N^a by least squares on log-log, and a 95 % bootstrap interval of a (instances resampled per size).

Usage: /usr/bin/python3 benchmarks/scripts/maxcut_scaling.py [SIZES=100,300,1000,3000] [INSTANCES=5] [RESTARTS=32]
       [TIME_LIMIT_S=20] [SOLVERS=annealing,dmm]
Prints one CSV row per run, then '#' lines with medians and exponents.
"""
import math, os, random, re, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
cli = os.path.join(root, "src", "Neuromorph.Cli", "bin", "Release", "net10.0", "Neuromorph.Cli.dll")
sizes = [int(v) for v in (sys.argv[1] if len(sys.argv) > 1 else "100,300,1000,3000").split(",")]
instances = int(sys.argv[2]) if len(sys.argv) > 2 else 5
restarts = int(sys.argv[3]) if len(sys.argv) > 3 else 32
cap = float(sys.argv[4]) if len(sys.argv) > 4 else 20
solvers = (sys.argv[5] if len(sys.argv) > 5 else "annealing,dmm").split(",")


def planted(n, seed, path, d=3):
    r = random.Random(seed)
    h = n // 2
    edges = set()
    for _ in range(d):
        perm = list(range(h))
        r.shuffle(perm)
        edges.update((i, h + perm[i]) for i in range(h))
    lab = list(range(n))
    r.shuffle(lab)
    e = sorted((min(lab[a], lab[b]), max(lab[a], lab[b])) for a, b in edges)
    with open(path, "w") as f:
        f.write(f"{n} {len(e)}\n")
        f.writelines(f"{a + 1} {b + 1} 1\n" for a, b in e)
    return len(e)


def seconds(text, label):
    m = re.search(label + r": ([0-9.eE+-]+) s", text)
    return float(m.group(1)) if m else math.inf


def fit(points):
    p = [(math.log(x), math.log(y)) for x, y in points if 0 < y < math.inf]
    if len(p) < 2:
        return float("nan")
    mx = sum(a for a, _ in p) / len(p)
    my = sum(b for _, b in p) / len(p)
    return sum((a - mx) * (b - my) for a, b in p) / sum((a - mx) ** 2 for a, _ in p)


def median(v):
    v = sorted(v)
    k = len(v)
    return v[k // 2] if k % 2 else 0.5 * (v[k // 2 - 1] + v[k // 2])


work = tempfile.mkdtemp(prefix="nm-maxcut-scaling-")
print("solver,n,instance,edges,success_probability,tts99_s,wall_s")
rows = {s: {} for s in solvers}
for s in solvers:
    for n in sizes:
        for k in range(instances):
            path = os.path.join(work, f"planted_{n}_{k}.txt")
            m = planted(n, 1_000_003 * n + k, path)
            out = subprocess.run(["dotnet", cli, "minimize", path, "--solver", s, "--restarts", str(restarts), "--time-limit", str(cap),
                                  "--target", str(m), "--seed", str(k + 1), "-o", os.path.join(work, f"o_{s}_{n}_{k}"), "--plot-format", "none", "-q"],
                                 capture_output=True, text=True)
            text = out.stdout + out.stderr
            p = re.search(r"success probability: ([0-9.]+)", text)
            p = float(p.group(1)) if p else 0.0
            tts = seconds(text, r"time to solution \(99 %\)") if p > 0 else math.inf
            wall = seconds(text, "wall time")
            if wall == math.inf:
                w = re.search(r"wall time: ([0-9.]+) s", text)
                wall = float(w.group(1)) if w else float("nan")
            rows[s].setdefault(n, []).append(tts)
            print(f"{s},{n},{k},{m},{p},{tts},{wall}", flush=True)

rng = random.Random(7)
for s in solvers:
    meds = [(n, median(v)) for n, v in sorted(rows[s].items()) if sum(t < math.inf for t in v) * 2 > len(v)]
    for n, t in meds:
        print(f"# {s},N={n},median TTS99 {t:.4g} s")
    a = fit(meds)
    boot = []
    for _ in range(1000):
        sample = [(n, median([rng.choice(v) for _ in v])) for n, v in sorted(rows[s].items())]
        sample = [(n, t) for n, t in sample if t < math.inf]
        b = fit(sample)
        if not math.isnan(b):
            boot.append(b)
    boot.sort()
    lo, hi = (boot[int(0.025 * len(boot))], boot[int(0.975 * len(boot)) - 1]) if boot else (float("nan"), float("nan"))
    print(f"# {s}: median TTS99 ~ N^{a:.2f} (95 % bootstrap interval {lo:.2f} to {hi:.2f}; sizes {meds[0][0] if meds else '-'}..{meds[-1][0] if meds else '-'})")
