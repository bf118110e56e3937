#!/usr/bin/env python3
"""Runs the public-deck corpus: each deck unchanged through `neuromorph simulate`, and ngspice live as the reference.

For every row of manifest.tsv (deck, plot, signals, tolerance, note) the deck is simulated by Neuromorph into a fresh
folder, and by ngspice in batch mode on a copy of the deck that only changes output (adds `setplot` and `wrdata`,
drops `save` lines so every vector is kept, drops `quit`) and gives every transient a maximum time step of a tenth
of the print step (ngspice's default step is itself a few per cent off on some memristor decks). The signals of the named plot (ngspice's plot names: tran1, tran2, dc1, ac1, op1, ...;
Neuromorph's files tran.csv, tran2.csv, dc.csv, ac.csv, op.csv) are compared:
  tran, dc: max |ours(x_ref) - ref| / range(ref), ours linearly interpolated onto ngspice's points;
  ac:       the same on the magnitude; op: |ours - ref| / max(|ref|, 1e-6 of the largest signal);
  meas:     the named .meas results (measure.csv) against the `name = value` lines ngspice prints (the run above,
            at its tenth of the print step), relative.
  printed:  the lines the deck's .control block prints (echo, print) against ngspice -b on the unchanged deck:
            words equal, numbers within the tolerance (relative).
One line per deck, then `N passed, N failed, N skipped`, the known failures (manifest.tsv gives each one's cause)
counted as skipped. Exit status 1 when a deck not listed as a known failure fails.

Usage: run.py [--neuromorph CMD] [--only SUBSTRING] [--keep DIR]
"""
import argparse
import csv
import os
import re
import signal
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def read_manifest(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 7:
                sys.exit(f"{path}:{number}: expected 7 tab-separated fields: deck, plot, signals, tolerance, ngspice max step "
                         "(- for a tenth of the print step), expect (pass, or known: the reason), note")
            rows.append({"deck": parts[0], "plot": parts[1], "signals": parts[2].split(), "tol": float(parts[3]),
                         "tmax": None if parts[4] == "-" else float(parts[4]),
                         "known": parts[5][len("known:"):].strip() if parts[5].startswith("known:") else None,
                         "note": parts[6], "line": number})
    return rows


def kind_of(plot):
    return re.match(r"[a-z]+", plot).group(0)


def our_file(plot):
    kind = kind_of(plot)
    n = int(plot[len(kind):] or 1)
    return f"{kind}.csv" if n == 1 else f"{kind}{n}.csv"


TRAN_DOT = re.compile(r"^(\s*\.tran\s+)(.*)$", re.I)
TRAN_CTL = re.compile(r"^(\s*tran\s+)(.*)$", re.I)


def eng(text):
    """A SPICE number with its scale suffix (enough for .tran arguments)."""
    m = re.match(r"([-+]?[0-9.]+(?:e[-+]?\d+)?)([a-z]*)", text.strip().lower())
    if not m:
        raise ValueError(text)
    scale = {"f": 1e-15, "p": 1e-12, "n": 1e-9, "u": 1e-6, "m": 1e-3, "k": 1e3, "meg": 1e6, "g": 1e9, "t": 1e12}
    suffix = m.group(2)
    factor = 1.0
    for s in ("meg", "f", "p", "n", "u", "m", "k", "g", "t"):
        if suffix.startswith(s):
            factor = scale[s]
            break
    return float(m.group(1)) * factor


def with_max_step(prefix, args, forced=None):
    """`tstep tstop [tstart [tmax]] [uic]` with tmax = tstep/10 (or the manifest's) unless the deck gives a smaller one."""
    words = args.split(";")[0].split()
    uic = [w for w in words if w.lower() == "uic"]
    nums = [w for w in words if w.lower() != "uic"]
    if len(nums) < 2:
        return prefix + args
    tstart = nums[2] if len(nums) >= 3 else "0"
    try:
        limit = forced if forced else eng(nums[0]) / 10
        if len(nums) >= 4:
            limit = min(limit, eng(nums[3]))
    except ValueError:
        # a step given as a control variable ($&deltime): only the manifest's max step can be added
        if not forced or len(nums) >= 4:
            return prefix + args
        limit = forced
    return prefix + " ".join([nums[0], nums[1], tstart, repr(limit)] + uic)


def reference_deck(text, wanted, data_dir, forced=None):
    """The deck as ngspice runs it, plus wrdata commands for the wanted plots."""
    lines = text.splitlines()
    writes = ["set wr_singlescale", "set wr_vecnames", "option numdgt=12"]
    for plot, signals in wanted.items():
        writes += [f"setplot {plot}", f"wrdata {os.path.join(data_dir, plot + '.txt')} {' '.join(ref_vector(plot, s) for s in signals)}"]
    out, in_control, control_seen, last_endc = [], False, False, None
    for line in lines:
        low = line.strip().lower()
        if low.startswith(".control"):
            in_control, control_seen = True, True
        elif low.startswith(".endc"):
            in_control = False
            last_endc = len(out)
        elif in_control and re.match(r"^(quit|exit)\b", low):
            continue
        elif re.match(r"^\.?save\b", low):
            continue  # ngspice then keeps every vector, so the compared ones exist
        if in_control:
            m = TRAN_CTL.match(line)
            line = with_max_step(m.group(1), m.group(2), forced) if m else line
        else:
            m = TRAN_DOT.match(line)
            line = with_max_step(m.group(1), m.group(2), forced) if m else line
        out.append(line)
    if control_seen:
        # before a trailing `destroy`/`remcirc` (after the block's last analysis), which would leave no plot to write
        at = last_endc
        analysis = max((i for i, line in enumerate(out[:last_endc]) if re.match(r"^\s*(op|tran|ac|dc|run|tf|sens|noise)\b", line, re.I)), default=-1)
        for i in range(analysis + 1, last_endc):
            if re.match(r"^\s*(destroy|remcirc)\b", out[i], re.I):
                at = i
                break
        out[at:at] = writes
    else:
        end = next((i for i in range(len(out) - 1, 0, -1) if out[i].strip().lower() == ".end"), len(out))
        has_analysis = any(re.match(r"^\s*\.(op|tran|dc|ac)\b", line, re.I) for line in out)
        out[end:end] = [".control", "run" if has_analysis else "op"] + writes + [".endc"]
    return "\n".join(out) + "\n"


def ref_vector(plot, signal):
    return f"mag({signal})" if kind_of(plot) == "ac" else signal


def read_wrdata(path, count):
    with open(path, encoding="utf-8") as f:
        rows = [line.split() for line in f if line.strip()]
    body = np.array([[float(x) for x in r] for r in rows[1:]])
    return body[:, 0], [body[:, 1 + k] for k in range(count)]


def read_ours(path, signals, plot):
    with open(path, encoding="utf-8") as f:
        table = list(csv.reader(f))
    header = [h.strip().lower() for h in table[0]]
    data = np.array([[float(x) for x in r] for r in table[1:]])
    columns = []
    for s in signals:
        name = s.lower()
        if kind_of(plot) == "ac":
            inner = name
            candidates = ["vm" + inner[1:] if inner.startswith("v(") else "im" + inner[1:], f"mag({inner})", inner]
        else:
            candidates = [name]
        # ngspice names subcircuit nodes x1.n, Neuromorph (as Xyce) x1:n
        candidates += [c.replace(".", ":") for c in candidates]
        idx = next((header.index(c) for c in candidates if c in header), None)
        if idx is None:
            raise KeyError(f"{os.path.basename(path)} has no column {s} (columns: {', '.join(header[:12])})")
        columns.append(data[:, idx])
    return data[:, 0], columns


# ngspice's own report of a transient's initial operating point (its header lines; the rows are indented)
REPORT_LINES = {"Initial Transient Solution", "Node Voltage", "Source Current"}
NOISE = ("Note:", "Circuit:", "Doing analysis", "No. of Data", "Error", "Warning", "Using", "ngspice-", "neuromorph:")


def printed_lines(text, title):
    """The lines a control block printed (echo, print), without either simulator's own reports, blanks collapsed."""
    lines = []
    for line in text.splitlines():
        line = line.rstrip()
        if (not line.strip() or line.startswith((" ", "\t", "/")) or line.startswith(NOISE) or line.strip().lower() == title.lower()
                or set(line.strip()) <= set("- ") or " ".join(line.split()) in REPORT_LINES):
            continue
        lines.append(" ".join(line.split()))
    return lines


def number(word):
    try:
        return float(word.rstrip(","))
    except ValueError:
        return None


def compare_printed(ours, ref, tol):
    """Worst relative difference of the numbers in the printed lines; words must match exactly."""
    if len(ours) != len(ref):
        raise RuntimeError(f"printed {len(ours)} lines, ngspice {len(ref)} (first difference: "
                           f"{next((f'{a!r} vs {b!r}' for a, b in zip(ours, ref) if a != b), 'at the end')})")
    worst = 0.0
    for a, b in zip(ours, ref):
        wa, wb = a.split(), b.split()
        if len(wa) != len(wb):
            raise RuntimeError(f"{a!r} vs ngspice {b!r}")
        for x, y in zip(wa, wb):
            nx, ny = number(x), number(y)
            if nx is None or ny is None:
                if x != y:
                    raise RuntimeError(f"{a!r} vs ngspice {b!r}")
            elif nx != ny:
                worst = max(worst, abs(nx - ny) / max(abs(ny), 1e-30))
    return worst


MEAS_LINE = re.compile(r"^([A-Za-z_][\w.]*)\s*=\s*([-+]?[0-9.]+(?:[eE][-+]?\d+)?)(\s|$)")


def compare_measures(names, ours_csv, ngspice_log):
    """Worst relative difference of the named .meas results: ngspice's `name = value` lines against measure.csv."""
    ref = {}
    for line in ngspice_log.splitlines():
        m = MEAS_LINE.match(line.strip())
        if m:
            ref[m.group(1).lower()] = float(m.group(2))
    with open(ours_csv, encoding="utf-8") as f:
        table = list(csv.reader(f))
    ours = {h.strip().lower(): float(v) for h, v in zip(table[0], table[1])}
    worst = 0.0
    for name in names:
        key = name.lower()
        if key not in ref:
            raise RuntimeError(f"ngspice printed no {name}")
        if key not in ours:
            raise RuntimeError(f"measure.csv has no {name}")
        worst = max(worst, abs(ours[key] - ref[key]) / max(abs(ref[key]), 1e-30))
    return worst


def compare(plot, ref_x, ref_cols, x, cols):
    worst = 0.0
    scale_all = max(float(np.max(np.abs(c))) for c in ref_cols) or 1.0
    for r, y in zip(ref_cols, cols):
        if kind_of(plot) == "op":
            err = abs(float(y[0]) - float(r[0])) / max(abs(float(r[0])), 1e-6 * scale_all, 1e-12)
        elif len(x) == len(ref_x) and np.allclose(x, ref_x, rtol=1e-9, atol=1e-15):
            span = float(np.max(r) - np.min(r))
            span = span if span > 1e-9 * scale_all else max(float(np.max(np.abs(r))), 1e-6 * scale_all)
            err = float(np.max(np.abs(y - r))) / span
        else:
            order = np.argsort(x)
            ours = np.interp(ref_x, x[order], y[order])
            span = float(np.max(r) - np.min(r))
            span = span if span > 1e-9 * scale_all else max(float(np.max(np.abs(r))), 1e-6 * scale_all)
            err = float(np.max(np.abs(ours - r))) / span
        worst = max(worst, err)
    return worst


def run(cmd, cwd, timeout, stdout_only=False):
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)
        return p.returncode, p.stdout if stdout_only and p.returncode == 0 else p.stdout + p.stderr
    except subprocess.TimeoutExpired:
        return None, f"timed out after {timeout} s"


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `run.py | head` ends quietly
    ap = argparse.ArgumentParser()
    ap.add_argument("--neuromorph", default=os.path.join(REPO, "neuromorph"))
    ap.add_argument("--only", default="")
    ap.add_argument("--keep", default="")
    ap.add_argument("--manifest", default=os.path.join(HERE, "manifest.tsv"),
                    help="a manifest of decks kept elsewhere (e.g. benchmarks/second_corpus/davik.tsv)")
    ap.add_argument("--root", default=HERE, help="the folder the manifest's deck paths are relative to")
    args = ap.parse_args()
    if shutil.which("ngspice") is None:
        print("corpus: ngspice is not on PATH (scripts/test.sh installs it)")
        print("0 passed, 1 failed")
        return 1
    rows = [r for r in read_manifest(args.manifest) if args.only in r["deck"]]
    decks = {}
    for r in rows:
        decks.setdefault(r["deck"], []).append(r)
    work = args.keep or tempfile.mkdtemp(prefix="nm-corpus-")
    passed = failed = known = 0
    for deck, entries in decks.items():
        path = os.path.join(args.root, deck)
        slug = re.sub(r"[^A-Za-z0-9]+", "_", deck)
        ours_dir, ref_dir = os.path.join(work, slug, "ours"), os.path.join(work, slug, "ref")
        shutil.rmtree(os.path.join(work, slug), ignore_errors=True)
        os.makedirs(ref_dir)
        started = time.time()
        code, log = run([args.neuromorph, "simulate", os.path.basename(path), "-o", ours_dir, "--plot-format", "none",
                         "--quiet"], os.path.dirname(path), 300, stdout_only=True)
        ours_s = time.time() - started
        wanted = {e["plot"]: e["signals"] for e in entries if e["plot"] not in ("printed", "meas")}
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        # ngspice runs in a copy of the deck's folder: what its control block writes (write, wrdata) stays out of the tree
        folder = os.path.join(work, slug, "deck")
        shutil.copytree(os.path.dirname(path), folder)
        ref_deck = os.path.join(folder, f".corpus-ref-{os.getpid()}.cir")
        with open(ref_deck, "w", encoding="utf-8") as f:
            f.write(reference_deck(text, wanted, ref_dir, min((e["tmax"] for e in entries if e["tmax"]), default=None)))
        ref_code, ref_log = run(["ngspice", "-b", os.path.basename(ref_deck)], folder, 300)
        printed_ref = None
        if any(e["plot"] == "printed" for e in entries):
            _, printed_ref = run(["ngspice", "-b", os.path.basename(path)], folder, 300)
        title = text.splitlines()[0].strip() if text.strip() else ""
        for e in entries:
            label = f"{deck} {e['plot']}"
            try:
                if code != 0:
                    first = next((l for l in log.splitlines() if "error" in l.lower()), log.strip().splitlines()[-1] if log.strip() else "")
                    raise RuntimeError(f"neuromorph exit {code}: {first.strip()[:160]}")
                if e["plot"] == "printed":
                    err = compare_printed(printed_lines(log, title), printed_lines(printed_ref, title), e["tol"])
                    ok = err <= e["tol"]
                    outcome = f"printed lines: numbers within {err:.2e} (tol {e['tol']:g})  {ours_s:.1f} s"
                    raise StopIteration
                if e["plot"] == "meas":
                    err = compare_measures(e["signals"], os.path.join(ours_dir, "measure.csv"), ref_log)
                    ok = err <= e["tol"]
                    outcome = f"{' '.join(e['signals'])}: {err:.2e} relative (tol {e['tol']:g})  {ours_s:.1f} s"
                    raise StopIteration
                ref_file = os.path.join(ref_dir, e["plot"] + ".txt")
                if not os.path.exists(ref_file):
                    raise RuntimeError(f"ngspice wrote no {e['plot']} (exit {ref_code}): {ref_log.strip().splitlines()[-1][:120] if ref_log.strip() else ''}")
                rx, rc = read_wrdata(ref_file, len(e["signals"]))
                x, c = read_ours(os.path.join(ours_dir, our_file(e["plot"])), e["signals"], e["plot"])
                err = compare(e["plot"], rx, rc, x, c)
                ok = err <= e["tol"]
                outcome = f"{' '.join(e['signals'])}: {err:.2e} (tol {e['tol']:g})  {ours_s:.1f} s"
            except StopIteration:
                pass
            except (RuntimeError, KeyError, ValueError, IndexError, OSError) as ex:
                ok, outcome = False, str(ex)
            if ok:
                verdict = "PASS" if e["known"] is None else "PASS (listed as a known failure: update manifest.tsv)"
                passed += 1
            elif e["known"] is not None:
                verdict, outcome = "KNOWN", f"{outcome}  [{e['known']}]"
                known += 1
            else:
                verdict = "FAIL"
                failed += 1
            print(f"{verdict}  {label}  {outcome}")
        sys.stdout.flush()
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    total = passed + failed + known
    print(f"corpus: {passed} of {total} deck comparisons agree ({100 * passed / max(total, 1):.0f} %); {known} known failures (manifest.tsv says why)")
    print(f"{passed} passed, {failed} failed, {known} skipped")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
