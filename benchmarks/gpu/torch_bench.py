"""The operations of `compute-bench` in PyTorch on the same GPU, same sizes, float32, CUDA-event timing.

copy: y.copy_(x); product: Y = X W^T (torch.matmul, cuBLAS); hopfield_step: product then sign (ties keep state).
Output CSV columns match Neuromorph's: op,n,batch,ms,GB_s,GFLOP_s,fraction_of_copy.
"""
import sys

import torch


def timed(fn, reps):
    fn()
    torch.cuda.synchronize()
    times = []
    for _ in range(reps):
        start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        start.record()
        fn()
        end.record()
        end.synchronize()
        times.append(start.elapsed_time(end))
    times.sort()
    return times[len(times) // 2]


def main():
    sizes = [int(v) for v in sys.argv[1].split(",")]
    batches = [int(v) for v in sys.argv[2].split(",")]
    dev = torch.device("cuda")
    bytes_ = 4.0
    n_copy = 64 << 20
    a = torch.empty(n_copy, device=dev)
    b = torch.empty_like(a)
    ms = timed(lambda: b.copy_(a), 5)
    copy_gbs = 2 * n_copy * bytes_ / (ms * 1e6)
    print("op,n,batch,ms,GB_s,GFLOP_s,fraction_of_copy")
    print(f"copy,{n_copy},1,{ms:.4g},{copy_gbs:.4g},0,1")
    del a, b
    for n in sizes:
        w = torch.rand(n, n, device=dev) - 0.5
        for batch in batches:
            x = (torch.arange(n * batch, device=dev) % 3 - 1).float().reshape(batch, n)
            reps = max(3, min(50, int(2e10 / (n * n * batch))))
            traffic = n * n * bytes_ + 2 * n * batch * bytes_
            flops = 2.0 * n * n * batch
            ms = timed(lambda: torch.matmul(x, w.T), reps)
            gbs = traffic / (ms * 1e6)
            print(f"product,{n},{batch},{ms:.4g},{gbs:.4g},{flops / (ms * 1e6):.4g},{gbs / copy_gbs:.3g}")

            def step():
                h = torch.matmul(x, w.T)
                x.copy_(torch.where(h > 0, 1.0, torch.where(h < 0, -1.0, x)))

            ms = timed(step, reps)
            gbs = (traffic + 3 * n * batch * bytes_) / (ms * 1e6)
            print(f"hopfield_step,{n},{batch},{ms:.4g},{gbs:.4g},{flops / (ms * 1e6):.4g},{gbs / copy_gbs:.3g}")
        del w


if __name__ == "__main__":
    main()
