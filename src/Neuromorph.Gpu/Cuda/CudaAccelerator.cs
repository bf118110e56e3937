using Neuromorph.Compute;

namespace Neuromorph.Gpu.Cuda;

/// <summary>
/// <see cref="IAccelerator"/> on one CUDA device: the device's primary context (made current on whichever thread
/// calls), the kernel program compiled by NVRTC once per (device, precision) and cached for the process, launches on
/// the default stream serialised by a lock.
/// </summary>
public sealed unsafe class CudaAccelerator : NativeAccelerator
{
    private static readonly Dictionary<(int Device, Precision Precision), IntPtr> Modules = [];
    private static readonly Lock ModulesLock = new();

    private readonly int _device;
    private readonly IntPtr _context;
    private readonly Dictionary<string, IntPtr> _functions = [];
    private readonly Lock _lock = new();
    private bool _disposed;

    internal CudaAccelerator(int ordinal, DeviceInfo info, Precision precision)
        : base(info, precision)
    {
        _device = CudaNative.Device(ordinal);
        _context = CudaNative.RetainPrimaryContext(_device);
        CudaNative.SetCurrent(_context);
        lock (ModulesLock)
        {
            if (!Modules.TryGetValue((_device, precision), out var module))
            {
                module = CudaNative.LoadModule(Compile(precision));
                Modules[(_device, precision)] = module;
            }

            foreach (var name in Kernels.All)
            {
                _functions[name] = CudaNative.Function(module, name);
            }
        }
    }

    /// <inheritdoc/>
    public override DeviceBuffer Allocate(int length, ElementKind kind = ElementKind.Real)
    {
        lock (_lock)
        {
            CudaNative.SetCurrent(_context);
            return new CuBuffer(this, CudaNative.Alloc((long)length * (kind == ElementKind.Real ? RealSize : 4)), length, kind);
        }
    }

    /// <inheritdoc/>
    public override void Launch(string kernel, LaunchGrid grid, params ReadOnlySpan<KernelArg> args)
    {
        Kernels.Validate(kernel, args);
        ObjectDisposedException.ThrowIf(_disposed, this);

        // Each argument gets an 8-byte slot; cuLaunchKernel reads the size the kernel declares from it.
        var slots = stackalloc ulong[args.Length];
        var pointers = stackalloc void*[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            var slot = slots + i;
            if (a.Kind == KernelArgKind.Buffer)
            {
                *slot = Pointer(a.Buffer!, a.Buffer!.Kind, 0);
            }
            else
            {
                WriteScalar(a, slot);
            }

            pointers[i] = slot;
        }

        int bx = grid.BlockX, by = grid.TwoDimensional ? grid.BlockY : 1;
        var gx = (uint)((Math.Max(1, grid.GlobalX) + bx - 1) / bx);
        var gy = (uint)((Math.Max(1, grid.GlobalY) + by - 1) / by);
        lock (_lock)
        {
            CudaNative.SetCurrent(_context);
            CudaNative.Launch(_functions[kernel], gx, gy, (uint)bx, (uint)by, pointers, kernel);
        }
    }

    /// <inheritdoc/>
    public override void Synchronize()
    {
        lock (_lock)
        {
            CudaNative.SetCurrent(_context);
            CudaNative.Synchronize();
        }
    }

    /// <summary>Device time of <paramref name="work"/> in milliseconds, measured with CUDA events.</summary>
    public double TimeMilliseconds(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        IntPtr start, end;
        lock (_lock)
        {
            CudaNative.SetCurrent(_context);
            start = CudaNative.CreateEvent();
            end = CudaNative.CreateEvent();
            CudaNative.RecordEvent(start);
        }

        work();
        lock (_lock)
        {
            CudaNative.SetCurrent(_context);
            CudaNative.RecordEvent(end);
            var ms = CudaNative.ElapsedMilliseconds(start, end);
            CudaNative.DestroyEvent(start);
            CudaNative.DestroyEvent(end);
            return ms;
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
            CudaNative.SetCurrent(_context);
            CudaNative.Synchronize();
        }
    }

    private byte[] Compile(Precision precision)
    {
        int major = CudaNative.Attribute(_device, CudaNative.AttributeComputeCapabilityMajor);
        int minor = CudaNative.Attribute(_device, CudaNative.AttributeComputeCapabilityMinor);
        var source = KernelSource.Program(BackendKind.Cuda, precision);

        // A toolkit older than the device cannot target its architecture; PTX for an older one JIT-compiles forward.
        var targets = new List<(int, int)> { (major, minor) };
        targets.AddRange(new[] { (9, 0), (8, 0), (7, 5), (7, 0), (6, 0) }.Where(t => t.Item1 < major || (t.Item1 == major && t.Item2 < minor)));
        AcceleratorException? last = null;
        foreach (var (ma, mi) in targets)
        {
            try
            {
                return CudaNative.CompileToPtx(source, "neuromorph_kernels.cu", ma, mi);
            }
            catch (AcceleratorException e) when (e.Message.Contains("gpu-architecture", StringComparison.Ordinal) || e.Message.Contains("INVALID_OPTION", StringComparison.Ordinal))
            {
                last = e;
            }
        }

        throw last ?? new AcceleratorException("NVRTC could not target this device");
    }

    /// <inheritdoc/>
    protected override void CopyToDevice(DeviceBuffer buffer, long byteOffset, long bytes, void* source)
    {
        lock (_lock)
        {
            CudaNative.SetCurrent(_context);
            CudaNative.CopyToDevice(((CuBuffer)buffer).Handle + (ulong)byteOffset, source, bytes);
        }
    }

    /// <inheritdoc/>
    protected override void CopyToHost(DeviceBuffer buffer, long byteOffset, long bytes, void* destination)
    {
        lock (_lock)
        {
            CudaNative.SetCurrent(_context);
            CudaNative.CopyToHost(destination, ((CuBuffer)buffer).Handle + (ulong)byteOffset, bytes);
        }
    }

    private ulong Pointer(DeviceBuffer buffer, ElementKind kind, int needed)
    {
        buffer.CheckUse(this, kind, needed);
        var b = (CuBuffer)buffer;
        return b.Handle;
    }

    private sealed class CuBuffer(CudaAccelerator owner, ulong handle, int length, ElementKind kind) : DeviceBuffer(length, kind)
    {
        public CudaAccelerator Accelerator { get; } = owner;

        protected override object Owner => Accelerator;

        public ulong Handle { get; } = handle;

        protected override void Release()
        {
            lock (Accelerator._lock)
            {
                CudaNative.SetCurrent(Accelerator._context);
                CudaNative.Free(Handle);
            }
        }
    }
}
