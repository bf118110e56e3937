#!/usr/bin/env bash
# Scaling of the median time to solution on planted random 3-SAT at clause ratio 4.26 (not a unit test).
# Usage: benchmarks/scripts/sat_scaling.sh [SIZES=100,200,500,1000,2000,5000,10000] [INSTANCES=10] [CAP_S=30] [SOLVERS=dmm,walksat]
# Prints one CSV row per run (solver,n,instance,solved,steps,seconds), then '#' lines with medians and the fitted
# exponents of median time and median steps against N. Single-threaded, one restart per instance.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dotnet run -c Release --project "$root/benchmarks/Neuromorph.Benchmarks" -- sat-scaling "${1:-100,200,500,1000,2000,5000,10000}" "${2:-10}" "${3:-30}" "${4:-dmm,walksat}"
