#!/usr/bin/env bash
# GPU benchmark for an NVIDIA machine: builds the benchmark console, measures the device copy bandwidth and the
# batched product / Hopfield step at N = 4096..32768 and batch 1..1024 on CUDA, then the same operations in PyTorch
# when it is importable. Writes benchmarks/gpu/results-<host>-<date>/{neuromorph.csv,torch.csv}.
# Usage: benchmarks/gpu/run.sh [sizes] [batches]     (defaults: 4096,8192,16384,32768  1,8,64,256,1024)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sizes="${1:-4096,8192,16384,32768}"
batches="${2:-1,8,64,256,1024}"
out="$here/benchmarks/gpu/results-$(hostname)-$(date -u +%Y%m%d)"
mkdir -p "$out"
dotnet build "$here/benchmarks/Neuromorph.Benchmarks" -c Release -nologo -v quiet -clp:ErrorsOnly
bench="$here/benchmarks/Neuromorph.Benchmarks/bin/Release/net10.0/Neuromorph.Benchmarks"
nvidia-smi --query-gpu=name,memory.total,clocks.max.memory --format=csv 2>/dev/null | tee "$out/gpu.txt" || true
"$bench" compute-bench cuda "$sizes" "$batches" single | tee "$out/neuromorph.csv"
if python3 -c 'import torch; assert torch.cuda.is_available()' 2>/dev/null; then
  python3 "$here/benchmarks/gpu/torch_bench.py" "$sizes" "$batches" | tee "$out/torch.csv"
else
  echo "PyTorch with CUDA not importable: no PyTorch comparison" | tee "$out/torch.csv"
fi
