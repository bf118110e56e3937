using Neuromorph.Compute;

namespace Neuromorph.Gpu.OpenCl;

/// <summary>
/// <see cref="IAccelerator"/> on one OpenCL device: one context and in-order queue, the kernel program built once
/// per (device, precision) and cached for the process, launches serialised by a lock (kernel objects hold their
/// arguments, so they are not shared between threads).
/// </summary>
public sealed unsafe class OpenClAccelerator : NativeAccelerator
{
    private static readonly Dictionary<(IntPtr Device, Precision Precision), (IntPtr Context, IntPtr Program)> Programs = [];
    private static readonly Lock ProgramsLock = new();

    private readonly IntPtr _context;
    private readonly IntPtr _queue;
    private readonly Dictionary<string, IntPtr> _kernels = [];
    private readonly Lock _lock = new();
    private bool _disposed;

    internal OpenClAccelerator(IntPtr device, DeviceInfo info, Precision precision)
        : base(info, precision)
    {
        if (precision == Precision.Double && !info.DoublePrecision)
        {
            throw new AcceleratorException($"OpenCL device '{info.Name}' has no double precision (cl_khr_fp64); use single precision");
        }

        lock (ProgramsLock)
        {
            if (!Programs.TryGetValue((device, precision), out var compiled))
            {
                var context = OpenClNative.CreateContext(device);
                var program = OpenClNative.BuildProgram(context, device, KernelSource.Program(BackendKind.OpenCl, precision), "-cl-std=CL1.2");
                compiled = (context, program);
                Programs[(device, precision)] = compiled;
            }

            _context = compiled.Context;
            foreach (var name in Kernels.All)
            {
                _kernels[name] = OpenClNative.CreateKernel(compiled.Program, name);
            }
        }

        _queue = OpenClNative.CreateQueue(_context, device);
    }

    /// <inheritdoc/>
    public override DeviceBuffer Allocate(int length, ElementKind kind = ElementKind.Real)
    {
        var size = kind == ElementKind.Real ? RealSize : 4;
        return new ClBuffer(this, OpenClNative.CreateBuffer(_context, (nuint)((long)length * size)), length, kind);
    }

    /// <inheritdoc/>
    public override void Launch(string kernel, LaunchGrid grid, params ReadOnlySpan<KernelArg> args)
    {
        Kernels.Validate(kernel, args);
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_lock)
        {
            var k = _kernels[kernel];
            for (var i = 0; i < args.Length; i++)
            {
                var a = args[i];
                if (a.Kind == KernelArgKind.Buffer)
                {
                    var mem = Mem(a.Buffer!, a.Buffer!.Kind, 0);
                    OpenClNative.SetArg(k, (uint)i, (nuint)sizeof(IntPtr), &mem, kernel);
                }
                else
                {
                    ulong slot;
                    var size = WriteScalar(a, &slot);
                    OpenClNative.SetArg(k, (uint)i, (nuint)size, &slot, kernel);
                }
            }

            var dims = grid.TwoDimensional ? 2u : 1u;
            var explicitLocal = grid.LocalX > 0;
            var lx = explicitLocal ? grid.LocalX : 1;
            var ly = explicitLocal ? Math.Max(1, grid.LocalY) : 1;
            var global = stackalloc nuint[2] { (nuint)LaunchGrid.RoundUp(Math.Max(1, grid.GlobalX), lx), (nuint)LaunchGrid.RoundUp(Math.Max(1, grid.GlobalY), ly) };
            var local = stackalloc nuint[2] { (nuint)lx, (nuint)ly };
            OpenClNative.Enqueue(_queue, k, dims, global, explicitLocal ? local : null, kernel);
        }
    }

    /// <inheritdoc/>
    public override void Synchronize()
    {
        lock (_lock)
        {
            OpenClNative.Finish(_queue);
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        lock (_lock)
        {
            OpenClNative.Finish(_queue);
            foreach (var k in _kernels.Values)
            {
                OpenClNative.ReleaseKernel(k);
            }

            OpenClNative.ReleaseQueue(_queue);
        }
    }

    /// <inheritdoc/>
    protected override void CopyToDevice(DeviceBuffer buffer, long byteOffset, long bytes, void* source)
    {
        lock (_lock)
        {
            OpenClNative.Write(_queue, ((ClBuffer)buffer).Handle, (nuint)byteOffset, (nuint)bytes, source);
        }
    }

    /// <inheritdoc/>
    protected override void CopyToHost(DeviceBuffer buffer, long byteOffset, long bytes, void* destination)
    {
        lock (_lock)
        {
            OpenClNative.Read(_queue, ((ClBuffer)buffer).Handle, (nuint)byteOffset, (nuint)bytes, destination);
        }
    }

    private IntPtr Mem(DeviceBuffer buffer, ElementKind kind, int needed)
    {
        buffer.CheckUse(this, kind, needed);
        var b = (ClBuffer)buffer;
        return b.Handle;
    }

    private sealed class ClBuffer(OpenClAccelerator owner, IntPtr handle, int length, ElementKind kind) : DeviceBuffer(length, kind)
    {
        public OpenClAccelerator Accelerator { get; } = owner;

        protected override object Owner => Accelerator;

        public IntPtr Handle { get; } = handle;

        protected override void Release() => OpenClNative.ReleaseMem(Handle);
    }
}
