#!/usr/bin/env bash
# GPU benchmarks for a session with an NVIDIA GPU (ILGPU's CUDA backend: only the driver is needed):
#   1. device copy bandwidth, then batched products y = W x (N = 4096..32768, batch 1..1024) as a fraction of it
#      (target >= 70 %), single and double precision, and the batched Hopfield machine in restarts per second;
#   2. the batched device sweep (VTEAM lanes, RK4) in points x steps per second on the GPU against the managed
#      path on all cores (target >= 50x on a datacentre GPU), checking the two agree;
#   3. the same products in PyTorch when it is importable.
# Writes benchmarks/gpu/results-<host>-<date>/. Usage:
#   benchmarks/gpu/run.sh                 # on the GPU (backend cuda)
#   benchmarks/gpu/run.sh --dry-run       # end to end on ILGPU's CPU accelerator with tiny sizes (no GPU needed)
#   BACKEND=opencl:0 SIZES=4096 BATCHES=1,64 POINTS=100000 STEPS=4000 benchmarks/gpu/run.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [[ "${1:-}" == "--dry-run" ]]; then
  backend="ilgpu-cpu"; sizes="${SIZES:-64}"; batches="${BATCHES:-1,33}"; points="${POINTS:-256}"; steps="${STEPS:-200}"; cpu_points="${CPU_POINTS:-256}"
  hopfield="${HOPFIELD:-6}"; sweeps="${SWEEPS:-2}"
  out="$here/benchmarks/gpu/results-dry-run"
else
  backend="${BACKEND:-cuda}"; sizes="${SIZES:-4096,8192,16384,32768}"; batches="${BATCHES:-1,8,64,256,1024}"
  points="${POINTS:-1000000}"; steps="${STEPS:-10000}"; cpu_points="${CPU_POINTS:-2000}"
  hopfield="${HOPFIELD:-1024,4096}"; sweeps="${SWEEPS:-20}"
  out="$here/benchmarks/gpu/results-$(hostname)-$(date -u +%Y%m%d)"
fi
mkdir -p "$out"
dotnet build "$here/benchmarks/Neuromorph.Benchmarks" -c Release -nologo -v quiet -clp:ErrorsOnly
bench="$here/benchmarks/Neuromorph.Benchmarks/bin/Release/net10.0/Neuromorph.Benchmarks"
nvidia-smi --query-gpu=name,memory.total,clocks.max.memory,driver_version --format=csv 2>/dev/null | tee "$out/gpu.txt" || echo "no nvidia-smi" > "$out/gpu.txt"
"$here/neuromorph" backends --check | tee "$out/backends.txt"
for precision in single double; do
  "$bench" compute-bench "$backend" "$sizes" "$batches" "$precision" "$hopfield" "$sweeps" | tee "$out/compute-$precision.csv"
done
"$bench" device-sweep-bench "$backend" "$points" "$steps" "$cpu_points" | tee "$out/device-sweep.csv"
if [[ "${1:-}" != "--dry-run" ]] && python3 -c 'import torch; assert torch.cuda.is_available()' 2>/dev/null; then
  python3 "$here/benchmarks/gpu/torch_bench.py" "$sizes" "$batches" | tee "$out/torch.csv"
else
  echo "PyTorch with CUDA not importable (or a dry run): no PyTorch comparison" | tee "$out/torch.csv"
fi
echo "results in $out"
