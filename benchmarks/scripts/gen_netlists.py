#!/usr/bin/env python3
"""Generates benchmark netlists that both ngspice and Neuromorph run unchanged.

rc_mesh N: an N x N grid of 1 kohm resistors with 1 nF to ground at every node, driven at one corner
by a pulse through 100 ohm; .tran over 20 us; prints three node voltages.
xbar M: an M x M passive memristor crossbar (ngspice XSPICE threshold memristors) with 1 ohm wire
segments, word lines driven by pulses, bit lines into 0 V sense sources; .tran; prints two bit-line currents.
ctd_lattice N: the N x N CTD memristor lattice of benchmarks/compare/ctd_scipy.py as a netlist for --engine ctd.
"""
import sys


def rc_mesh(n: int) -> str:
    lines = [f"RC mesh {n}x{n}", "vin drv 0 pulse(0 1 1u 100n 100n 5u 20u)", "rs drv n0_0 100"]
    for i in range(n):
        for j in range(n):
            lines.append(f"c{i}_{j} n{i}_{j} 0 1n")
            if i + 1 < n:
                lines.append(f"rv{i}_{j} n{i}_{j} n{i+1}_{j} 1k")
            if j + 1 < n:
                lines.append(f"rh{i}_{j} n{i}_{j} n{i}_{j+1} 1k")
    lines += [".tran 50n 20u", ".print tran v(n0_0) v(n1_1) v(n2_3)"]
    return "\n".join(lines) + "\n"


def crossbar(m: int) -> str:
    lines = [f"memristor crossbar {m}x{m}", ".model memr memristor (rmin=1k rmax=10k rinit=5k alpha=0 beta=1e5 vt=0.5)"]
    for r in range(m):
        lines.append(f"v{r} in{r} 0 pulse(0 {0.4 + 0.6 * (r % 3) / 2:.3f} 1u 1u 1u 20u 50u)")
        prev = f"in{r}"
        for c in range(m):
            lines.append(f"rw{r}_{c} {prev} w{r}_{c} 1")
            lines.append(f"a{r}_{c} %gd(w{r}_{c} b{r}_{c}) memr")
            prev = f"w{r}_{c}"
    for c in range(m):
        for r in range(m - 1):
            lines.append(f"rb{r}_{c} b{r}_{c} b{r+1}_{c} 1")
        lines.append(f"vs{c} b{m-1}_{c} 0 0")
    lines += [".tran 0.5u 40u", f".print tran i(vs0) i(vs{m-1})"]
    return "\n".join(lines) + "\n"


BIOLEK = """.subckt biolek plus minus params: ron=100 roff=16k rinit=11k d=10n uv=10f p=1
.param x0={(roff-rinit)/(roff-ron)}
Gx 0 x value={I(Emem)*uv*ron/d**2*f(V(x),I(Emem),p)}
Cx x 0 1 IC={x0}
Raux x 0 1e12
Emem plus aux value={-I(Emem)*V(x)*(roff-ron)}
Roff aux minus {roff}
.func f(x,i,p)={1-(x-u(-i))**(2*p)}
.ends
"""


def biolek_crossbar(m: int) -> str:
    """An m x m crossbar of Biolek behavioural subcircuits (B/E/G sources, .func) with 1 ohm wire segments."""
    lines = [f"biolek crossbar {m}x{m}", BIOLEK.rstrip()]
    for r in range(m):
        lines.append(f"v{r} in{r} 0 pulse(0 {0.6 + 0.6 * (r % 3) / 2:.3f} 1m 1m 1m 8m 20m)")
        prev = f"in{r}"
        for c in range(m):
            lines.append(f"rw{r}_{c} {prev} w{r}_{c} 1")
            lines.append(f"x{r}_{c} w{r}_{c} b{r}_{c} biolek")
            prev = f"w{r}_{c}"
    for c in range(m):
        for r in range(m - 1):
            lines.append(f"rb{r}_{c} b{r}_{c} b{r+1}_{c} 1")
        lines.append(f"vs{c} b{m-1}_{c} 0 0")
    lines += [".tran 0.1m 40m uic", f".print tran i(vs0) i(vs{m-1})"]
    return "\n".join(lines) + "\n"


def ctd_lattice(n: int) -> str:
    """An n x n lattice of CTD (LEVEL=7) memristors, each edge in series with a DC source, node (0,0) grounded: the
    network of benchmarks/compare/ctd_scipy.py (s_e = 0.5 sin(e + 1), x0_e = 0.5 + 0.3 cos(e)); run with --engine ctd."""
    import math
    lines = [f"CTD lattice {n}x{n}", ".model ctd memristor level=7 ron=100 roff=1k alpha=0.1 beta=1"]
    node = lambda k: "0" if k == 0 else f"n{k}"
    e = 0
    for i in range(n):
        for j in range(n):
            k = i * n + j
            for to in ([k + 1] if j + 1 < n else []) + ([k + n] if i + 1 < n else []):
                lines.append(f"v{e} s{e} {node(k)} {0.5 * math.sin(e + 1.0):.17g}")
                lines.append(f"ymemristor m{e} s{e} {node(to)} ctd xo={0.5 + 0.3 * math.cos(e):.17g}")
                e += 1
    lines += [".tran 0.1 1", ".end"]
    return "\n".join(lines) + "\n"


GENERATORS = {"rc_mesh": rc_mesh, "ctd_lattice": ctd_lattice, "xbar": crossbar, "biolek_xbar": biolek_crossbar}

if __name__ == "__main__":
    kind, size = sys.argv[1], int(sys.argv[2])
    sys.stdout.write(GENERATORS[kind](size))
