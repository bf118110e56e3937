using Neuromorph.Compute;

namespace Neuromorph.Gpu.OpenCl;

/// <summary>
/// <see cref="IAccelerator"/> on one OpenCL device: one context and in-order queue, the kernel program built once
/// per (device, precision) and cached for the process, launches serialised by a lock (kernel objects hold their
/// arguments, so they are not shared between threads).
/// </summary>
public sealed unsafe class OpenClAccelerator : IAccelerator
{
    private static readonly Dictionary<(IntPtr Device, Precision Precision), (IntPtr Context, IntPtr Program)> Programs = [];
    private static readonly Lock ProgramsLock = new();

    private readonly IntPtr _device;
    private readonly IntPtr _context;
    private readonly IntPtr _queue;
    private readonly Dictionary<string, IntPtr> _kernels = [];
    private readonly Lock _lock = new();
    private readonly int _realSize;
    private bool _disposed;

    internal OpenClAccelerator(IntPtr device, DeviceInfo info, Precision precision)
    {
        if (precision == Precision.Double && !info.DoublePrecision)
        {
            throw new AcceleratorException($"OpenCL device '{info.Name}' has no double precision (cl_khr_fp64); use single precision");
        }

        _device = device;
        Device = info;
        Precision = precision;
        _realSize = precision == Precision.Double ? 8 : 4;
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
    public DeviceInfo Device { get; }

    /// <inheritdoc/>
    public Precision Precision { get; }

    /// <inheritdoc/>
    public DeviceBuffer Allocate(int length, ElementKind kind = ElementKind.Real)
    {
        var size = kind == ElementKind.Real ? _realSize : 4;
        return new ClBuffer(this, OpenClNative.CreateBuffer(_context, (nuint)((long)length * size)), length, kind);
    }

    /// <inheritdoc/>
    public void Write(DeviceBuffer buffer, ReadOnlySpan<double> source, int offset = 0)
    {
        var mem = Mem(buffer, ElementKind.Real, offset + source.Length);
        lock (_lock)
        {
            if (Precision == Precision.Double)
            {
                fixed (double* p = source)
                {
                    OpenClNative.Write(_queue, mem, (nuint)(offset * 8L), (nuint)(source.Length * 8L), p);
                }
            }
            else
            {
                var f = SinglePrecision.ToSingle(source);

                fixed (float* p = f)
                {
                    OpenClNative.Write(_queue, mem, (nuint)(offset * 4L), (nuint)(f.Length * 4L), p);
                }
            }
        }
    }

    /// <inheritdoc/>
    public void Write(DeviceBuffer buffer, ReadOnlySpan<int> source, int offset = 0)
    {
        var mem = Mem(buffer, ElementKind.Int32, offset + source.Length);
        lock (_lock)
        {
            fixed (int* p = source)
            {
                OpenClNative.Write(_queue, mem, (nuint)(offset * 4L), (nuint)(source.Length * 4L), p);
            }
        }
    }

    /// <inheritdoc/>
    public void Read(DeviceBuffer buffer, Span<double> destination, int offset = 0)
    {
        var mem = Mem(buffer, ElementKind.Real, offset + destination.Length);
        lock (_lock)
        {
            if (Precision == Precision.Double)
            {
                fixed (double* p = destination)
                {
                    OpenClNative.Read(_queue, mem, (nuint)(offset * 8L), (nuint)(destination.Length * 8L), p);
                }
            }
            else
            {
                var f = new float[destination.Length];
                fixed (float* p = f)
                {
                    OpenClNative.Read(_queue, mem, (nuint)(offset * 4L), (nuint)(f.Length * 4L), p);
                }

                SinglePrecision.ToDouble(f, destination);
            }
        }
    }

    /// <summary>Copies an Int32 buffer into host memory.</summary>
    public void Read(DeviceBuffer buffer, Span<int> destination, int offset = 0)
    {
        var mem = Mem(buffer, ElementKind.Int32, offset + destination.Length);
        lock (_lock)
        {
            fixed (int* p = destination)
            {
                OpenClNative.Read(_queue, mem, (nuint)(offset * 4L), (nuint)(destination.Length * 4L), p);
            }
        }
    }

    /// <inheritdoc/>
    public void Launch(string kernel, LaunchGrid grid, params ReadOnlySpan<KernelArg> args)
    {
        Kernels.Validate(kernel, args);
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_lock)
        {
            var k = _kernels[kernel];
            for (var i = 0; i < args.Length; i++)
            {
                var a = args[i];
                switch (a.Kind)
                {
                    case KernelArgKind.Buffer:
                        var mem = Mem(a.Buffer!, a.Buffer!.Kind, 0);
                        OpenClNative.SetArg(k, (uint)i, (nuint)sizeof(IntPtr), &mem, kernel);
                        break;
                    case KernelArgKind.Int:
                        var iv = (int)a.Integer;
                        OpenClNative.SetArg(k, (uint)i, 4, &iv, kernel);
                        break;
                    case KernelArgKind.UInt:
                        var uv = (uint)a.Integer;
                        OpenClNative.SetArg(k, (uint)i, 4, &uv, kernel);
                        break;
                    default:
                        if (Precision == Precision.Double)
                        {
                            var dv = a.Real;
                            OpenClNative.SetArg(k, (uint)i, 8, &dv, kernel);
                        }
                        else
                        {
                            var fv = (float)a.Real;
                            OpenClNative.SetArg(k, (uint)i, 4, &fv, kernel);
                        }

                        break;
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
    public void Synchronize()
    {
        lock (_lock)
        {
            OpenClNative.Finish(_queue);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
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
