#!/usr/bin/env bash
# Max-Cut quality benchmark on G-set instances (not a unit test).
# Set SUBSTRATE=FILE.yaml to run on a crossbar (minimize --substrate); the default is ideal arithmetic.
# Usage: benchmarks/scripts/gset_maxcut.sh [BUDGET_SECONDS=60] [SOLVERS="hopfield continuous-hopfield annealing"] [GRAPHS="G1 G2 G6 G11 G14 G22 G43"]
# Reads ../shared/reference/gset relative to the repo root (or $GSET_DIR); prints one line per (graph, solver):
# best cut, best known, gap %, success probability over restarts, time to target, restarts completed, and the same
# two figures for the 1 % target (cut >= 0.99 x best known, from final.csv: fraction of completed restarts within 1 %
# and the wall time when the first one finished).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
gset="${GSET_DIR:-$root/../shared/reference/gset}"
budget="${1:-60}"
solvers="${2:-hopfield continuous-hopfield annealing}"
graphs="${3:-G1 G2 G6 G11 G14 G22 G43}"
[ -d "$gset" ] || { echo "no G-set data at $gset" >&2; exit 1; }
dotnet build "$root/src/Neuromorph.Cli" -c Release -v q -clp:ErrorsOnly >/dev/null
cli="$root/src/Neuromorph.Cli/bin/Release/net10.0/Neuromorph.Cli.dll"
declare -A best=([G1]=11624 [G2]=11620 [G6]=2178 [G11]=564 [G14]=3064 [G22]=13359 [G43]=6660 [G55]=10299 [G70]=9591)
out="${TMPDIR:-/tmp}/gset_bench"
mkdir -p "$out"
printf "%-4s %-20s %8s %8s %8s %8s %10s %8s %8s %10s\n" graph solver best known gap% p_succ ttt_s restarts p_1% ttt_1%_s
for g in $graphs; do
  for s in $solvers; do
    d="$out/$g-$s"
    dotnet "$cli" minimize "$gset/$g.txt" --solver "$s" --restarts 100000 --time-limit "$budget" \
      --target "${best[$g]}" --seed 1 ${SUBSTRATE:+--substrate "$SUBSTRATE"} -o "$d" > "$d.log"
    cut=$(sed -n 's/^best cut: \([-0-9.]*\).*/\1/p' "$d.log")
    gap=$(sed -n 's/^target: .*(\([-0-9.]*\) %)/\1/p' "$d.log")
    p=$(sed -n 's/^success probability: \([0-9.]*\).*/\1/p' "$d.log")
    ttt=$(sed -n 's/^time to target: \([0-9.]*\) s/\1/p' "$d.log"); ttt=${ttt:--}
    n=$(sed -n 's/.*restarts completed: \([0-9]*\).*/\1/p' "$d.log")
    read -r p1 t1 < <(awk -F, -v k="${best[$g]}" 'NR > 1 && $6 == 1 { n++; if ($3 >= 0.99 * k) { h++; if (t == "" || $5 < t) t = $5 } }
      END { printf "%.3f %s\n", (n ? h / n : 0), (t == "" ? "-" : sprintf("%.3f", t)) }' "$d/final.csv")
    printf "%-4s %-20s %8s %8s %8s %8s %10s %8s %8s %10s\n" "$g" "$s" "$cut" "${best[$g]}" "$gap" "$p" "$ttt" "$n" "$p1" "$t1"
  done
done
