#!/usr/bin/env bash
# Energy against time per restart for several solvers side by side, with the known optimum: the data of the
# "memristive solvers vs annealing" plot (not a unit test).
# Usage: benchmarks/scripts/energy_compare.sh PROBLEM KNOWN_OBJECTIVE [SOLVERS="ctd dmm annealing"] [BUDGET_S=20] [OUT=compare.csv] [extra minimize flags...]
# Writes OUT with columns solver,restart,seconds,sweep,energy,best_so_far,objective,known_objective (one row per trace
# point of every restart) and, next to it, OUT without .csv + _final.csv (solver,restart,energy,objective,seconds,
# finished_at,completed,reached_target) and _states_SOLVER.csv / _memory_SOLVER.csv where the solver records them.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
problem="$1"; known="$2"; solvers="${3:-ctd dmm annealing}"; budget="${4:-20}"; out="${5:-compare.csv}"
shift $(( $# < 5 ? $# : 5 ))
dotnet build "$root/src/Neuromorph.Cli" -c Release -v q -clp:ErrorsOnly >/dev/null
cli="$root/src/Neuromorph.Cli/bin/Release/net10.0/Neuromorph.Cli.dll"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
base="${out%.csv}"
echo "solver,restart,seconds,sweep,energy,best_so_far,objective,known_objective" > "$out.tmp"
echo "solver,restart,energy,objective,seconds,finished_at,completed,reached_target" > "${base}_final.csv.tmp"
for s in $solvers; do
  dotnet "$cli" minimize "$problem" --solver "$s" --restarts 100000 --time-limit "$budget" --target "$known" --seed 1 -o "$work/$s" "$@" > "$work/$s.log"
  awk -F, -v s="$s" -v k="$known" 'NR > 1 { print s "," $3 "," $1 "," $2 "," $4 "," $5 "," $6 "," k }' "$work/$s/energy.csv" >> "$out.tmp"
  awk -F, -v s="$s" 'NR > 1 { print s "," $0 }' "$work/$s/final.csv" >> "${base}_final.csv.tmp"
  for f in states memory; do [ -f "$work/$s/$f.csv" ] && cp "$work/$s/$f.csv" "${base}_${f}_$s.csv"; done
  grep -E "^best|^success|^time to target" "$work/$s.log" | sed "s/^/$s: /"
done
mv "$out.tmp" "$out"; mv "${base}_final.csv.tmp" "${base}_final.csv"
echo "wrote $out, ${base}_final.csv"
