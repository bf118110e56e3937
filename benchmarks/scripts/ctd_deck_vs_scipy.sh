#!/usr/bin/env bash
# The 10^5-memristor CTD deck against SciPy, side by side (issue 25's target: the whole process 5x faster than
# benchmarks/compare/ctd_scipy.py, solve_ivp RK45 with a SuperLU solve per right-hand side, same tolerances):
#   benchmarks/scripts/ctd_deck_vs_scipy.sh [N=224] [runs=3]
# Generates the N x N lattice deck (gen_netlists.py ctd_lattice N), runs `./neuromorph simulate --engine ctd` with the
# default outputs (tran.csv and the summary plot) and SciPy alternately, and prints each pair's wall times and ratio,
# then the median ratio. Needs /usr/bin/python3 with numpy and scipy.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n=${1:-224}
runs=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 "$here/benchmarks/scripts/gen_netlists.py" ctd_lattice "$n" > "$work/deck.cir"
"$here/neuromorph" --version > /dev/null   # builds once, outside the timing

wall() { local t0 t1; t0=$(date +%s.%N); "$@" > /dev/null 2>&1; t1=$(date +%s.%N); awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }'; }
ratios=()
for k in $(seq "$runs"); do
  ours=$(wall "$here/neuromorph" simulate "$work/deck.cir" --engine ctd -o "$work/out" --overwrite -q)
  theirs=$(wall /usr/bin/python3 "$here/benchmarks/compare/ctd_scipy.py" "$n" "$n" 1 "$work/scipy.txt")
  ratio=$(awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%.2f", b / a }')
  ratios+=("$ratio")
  echo "run $k: neuromorph ${ours} s, scipy ${theirs} s, ratio ${ratio}x"
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END { printf "median ratio %.2fx over %d pairs\n", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), NR }'
