// The test classes of this assembly run one after another. They share one accelerator per configuration (Backends.Open),
// and ILGPU's CPU accelerator has come back with an unwritten lane result when another class ran its kernels at the same
// moment, despite the launch lock. This was seen in CI on 2026-12-08, when the memcomputing kernel tests were added
// beside the device-lane tests; LaneKernelCollection records an earlier case. Run serially the assembly takes 51 s on 2
// cores, against 48-55 s in parallel.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
