using System.Runtime.InteropServices;
using System.Text;

namespace Neuromorph.Gpu.Cuda;

/// <summary>
/// The only file that calls CUDA: the driver API from libcuda.so.1 and NVRTC from the first libnvrtc.so* that loads,
/// resolved at first use; every return code checked and turned into an <see cref="AcceleratorException"/> naming the
/// call and the driver's error name.
/// </summary>
internal static unsafe class CudaNative
{
    public const int AttributeMultiprocessorCount = 16;
    public const int AttributeComputeCapabilityMajor = 75;
    public const int AttributeComputeCapabilityMinor = 76;

    private static readonly Lazy<Driver?> LoadedDriver = new(LoadDriver);
    private static readonly Lazy<Nvrtc?> LoadedNvrtc = new(LoadNvrtc);

    /// <summary>Why the driver or NVRTC is missing, when it is.</summary>
    public static string? Missing { get; private set; }

    /// <summary>Whether the driver loaded and cuInit succeeded.</summary>
    public static bool DriverAvailable => LoadedDriver.Value is not null;

    /// <summary>Whether NVRTC loaded.</summary>
    public static bool NvrtcAvailable => LoadedNvrtc.Value is not null;

    private static Driver D => LoadedDriver.Value ?? throw new AcceleratorException("CUDA is not available: " + Missing);

    private static Nvrtc N => LoadedNvrtc.Value ?? throw new AcceleratorException("NVRTC is not available: " + Missing);

    public static int DriverVersion()
    {
        int v;
        Check(D.DriverGetVersion(&v), "cuDriverGetVersion");
        return v;
    }

    public static int DeviceCount()
    {
        int n;
        Check(D.DeviceGetCount(&n), "cuDeviceGetCount");
        return n;
    }

    public static int Device(int ordinal)
    {
        int d;
        Check(D.DeviceGet(&d, ordinal), "cuDeviceGet");
        return d;
    }

    public static string DeviceName(int device)
    {
        var buf = new byte[256];
        fixed (byte* b = buf)
        {
            Check(D.DeviceGetName(b, buf.Length, device), "cuDeviceGetName");
        }

        var n = Array.IndexOf(buf, (byte)0);
        return Encoding.ASCII.GetString(buf, 0, n < 0 ? buf.Length : n);
    }

    public static long TotalMemory(int device)
    {
        nuint bytes;
        Check(D.DeviceTotalMem(&bytes, device), "cuDeviceTotalMem_v2");
        return (long)bytes;
    }

    public static int Attribute(int device, int attribute)
    {
        int v;
        Check(D.DeviceGetAttribute(&v, attribute, device), "cuDeviceGetAttribute");
        return v;
    }

    public static IntPtr RetainPrimaryContext(int device)
    {
        IntPtr ctx;
        Check(D.DevicePrimaryCtxRetain(&ctx, device), "cuDevicePrimaryCtxRetain");
        return ctx;
    }

    public static void ReleasePrimaryContext(int device) => D.DevicePrimaryCtxRelease(device);

    public static void SetCurrent(IntPtr context) => Check(D.CtxSetCurrent(context), "cuCtxSetCurrent");

    public static IntPtr LoadModule(byte[] ptx)
    {
        IntPtr module;
        fixed (byte* p = ptx)
        {
            Check(D.ModuleLoadData(&module, p), "cuModuleLoadData");
        }

        return module;
    }

    public static IntPtr Function(IntPtr module, string name)
    {
        var n = Encoding.ASCII.GetBytes(name + "\0");
        IntPtr f;
        fixed (byte* p = n)
        {
            Check(D.ModuleGetFunction(&f, module, p), $"cuModuleGetFunction({name})");
        }

        return f;
    }

    public static ulong Alloc(long bytes)
    {
        ulong ptr;
        Check(D.MemAlloc(&ptr, (nuint)Math.Max(bytes, 4)), $"cuMemAlloc_v2({bytes} bytes)");
        return ptr;
    }

    public static void Free(ulong ptr) => D.MemFree(ptr);

    public static void CopyToDevice(ulong dst, void* src, long bytes) => Check(D.MemcpyHtoD(dst, src, (nuint)bytes), "cuMemcpyHtoD_v2");

    public static void CopyToHost(void* dst, ulong src, long bytes) => Check(D.MemcpyDtoH(dst, src, (nuint)bytes), "cuMemcpyDtoH_v2");

    public static void Launch(IntPtr function, uint gx, uint gy, uint bx, uint by, void** args, string name) =>
        Check(D.LaunchKernel(function, gx, gy, 1, bx, by, 1, 0, IntPtr.Zero, args, null), $"cuLaunchKernel({name})");

    public static void Synchronize() => Check(D.CtxSynchronize(), "cuCtxSynchronize");

    public static IntPtr CreateEvent()
    {
        IntPtr e;
        Check(D.EventCreate(&e, 0), "cuEventCreate");
        return e;
    }

    public static void RecordEvent(IntPtr e) => Check(D.EventRecord(e, IntPtr.Zero), "cuEventRecord");

    public static float ElapsedMilliseconds(IntPtr start, IntPtr end)
    {
        Check(D.EventSynchronize(end), "cuEventSynchronize");
        float ms;
        Check(D.EventElapsedTime(&ms, start, end), "cuEventElapsedTime");
        return ms;
    }

    public static void DestroyEvent(IntPtr e) => D.EventDestroy(e);

    /// <summary>Compiles CUDA C++ to PTX for compute capability major.minor; a failed compile throws with NVRTC's log.</summary>
    public static byte[] CompileToPtx(string source, string name, int major, int minor)
    {
        var src = Encoding.UTF8.GetBytes(source + "\0");
        var nm = Encoding.ASCII.GetBytes(name + "\0");
        IntPtr prog;
        fixed (byte* s = src, n = nm)
        {
            CheckNvrtc(N.CreateProgram(&prog, s, n, 0, null, null), "nvrtcCreateProgram");
        }

        try
        {
            var options = new[] { $"--gpu-architecture=compute_{major}{minor}", "--std=c++14" };
            var bytes = options.Select(o => Encoding.ASCII.GetBytes(o + "\0")).ToArray();
            var handles = bytes.Select(b => GCHandle.Alloc(b, GCHandleType.Pinned)).ToArray();
            int rc;
            try
            {
                var ptrs = stackalloc byte*[bytes.Length];
                for (var i = 0; i < bytes.Length; i++)
                {
                    ptrs[i] = (byte*)handles[i].AddrOfPinnedObject();
                }

                rc = N.CompileProgram(prog, bytes.Length, ptrs);
            }
            finally
            {
                foreach (var h in handles)
                {
                    h.Free();
                }
            }

            if (rc != 0)
            {
                nuint logSize;
                N.GetProgramLogSize(prog, &logSize);
                var log = new byte[logSize];
                fixed (byte* l = log)
                {
                    N.GetProgramLog(prog, l);
                }

                throw new AcceleratorException($"nvrtcCompileProgram failed ({NvrtcError(rc)}); log:\n{Encoding.UTF8.GetString(log).TrimEnd('\0').Trim()}");
            }

            nuint ptxSize;
            CheckNvrtc(N.GetPtxSize(prog, &ptxSize), "nvrtcGetPTXSize");
            var ptx = new byte[ptxSize];
            fixed (byte* p = ptx)
            {
                CheckNvrtc(N.GetPtx(prog, p), "nvrtcGetPTX");
            }

            return ptx;
        }
        finally
        {
            N.DestroyProgram(&prog);
        }
    }

    private static void Check(int rc, string call)
    {
        if (rc != 0)
        {
            throw new AcceleratorException($"{call} failed with {ErrorName(rc)}");
        }
    }

    private static void CheckNvrtc(int rc, string call)
    {
        if (rc != 0)
        {
            throw new AcceleratorException($"{call} failed with {NvrtcError(rc)}");
        }
    }

    private static string ErrorName(int rc)
    {
        byte* name = null;
        if (LoadedDriver.Value is { } d && d.GetErrorName(rc, &name) == 0 && name != null)
        {
            return $"{Marshal.PtrToStringAnsi((IntPtr)name)} ({rc})";
        }

        return $"CUDA error {rc}";
    }

    private static string NvrtcError(int rc) =>
        LoadedNvrtc.Value is { } n ? $"{Marshal.PtrToStringAnsi((IntPtr)n.GetErrorString(rc))} ({rc})" : $"NVRTC error {rc}";

    private static Driver? LoadDriver()
    {
        if (!NativeLibrary.TryLoad("libcuda.so.1", out var lib) && !NativeLibrary.TryLoad("libcuda.so", out lib) && !NativeLibrary.TryLoad("nvcuda.dll", out lib))
        {
            Missing = "libcuda.so.1 not found (no NVIDIA driver on this machine)";
            return null;
        }

        try
        {
            var d = new Driver(lib);
            var rc = d.Init(0);
            if (rc != 0)
            {
                Missing = $"cuInit failed with error {rc} (100 = no CUDA-capable device)";
                return null;
            }

            return d;
        }
        catch (EntryPointNotFoundException e)
        {
            Missing = "libcuda.so.1 lacks " + e.Message;
            return null;
        }
    }

    /// <summary>NVRTC sonames to probe, newest first; the toolkit's unversioned link last.</summary>
    internal static IEnumerable<string> NvrtcNames()
    {
        for (var major = 13; major >= 11; major--)
        {
            yield return $"libnvrtc.so.{major}";
            for (var minor = 9; minor >= 0; minor--)
            {
                yield return $"libnvrtc.so.{major}.{minor}";
            }
        }

        yield return "libnvrtc.so";
        foreach (var dir in new[] { "/usr/local/cuda/lib64", "/usr/local/cuda/targets/x86_64-linux/lib", "/usr/lib/x86_64-linux-gnu" })
        {
            if (Directory.Exists(dir))
            {
                foreach (var f in Directory.EnumerateFiles(dir, "libnvrtc.so*").Where(f => !f.Contains("builtins", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                {
                    yield return f;
                }
            }
        }
    }

    private static Nvrtc? LoadNvrtc()
    {
        foreach (var name in NvrtcNames())
        {
            if (NativeLibrary.TryLoad(name, out var lib))
            {
                try
                {
                    return new Nvrtc(lib);
                }
                catch (EntryPointNotFoundException e)
                {
                    Missing = $"{name} lacks {e.Message}";
                }
            }
        }

        Missing ??= "libnvrtc.so* not found (install the CUDA toolkit's NVRTC, e.g. Debian nvidia-cuda-toolkit or cuda-nvrtc)";
        return null;
    }

    private static IntPtr Get(IntPtr lib, string name) =>
        NativeLibrary.TryGetExport(lib, name, out var f) ? f : throw new EntryPointNotFoundException(name);

    private sealed class Driver(IntPtr lib)
    {
        public readonly delegate* unmanaged<uint, int> Init = (delegate* unmanaged<uint, int>)Get(lib, "cuInit");
        public readonly delegate* unmanaged<int*, int> DriverGetVersion = (delegate* unmanaged<int*, int>)Get(lib, "cuDriverGetVersion");
        public readonly delegate* unmanaged<int*, int> DeviceGetCount = (delegate* unmanaged<int*, int>)Get(lib, "cuDeviceGetCount");
        public readonly delegate* unmanaged<int*, int, int> DeviceGet = (delegate* unmanaged<int*, int, int>)Get(lib, "cuDeviceGet");
        public readonly delegate* unmanaged<byte*, int, int, int> DeviceGetName = (delegate* unmanaged<byte*, int, int, int>)Get(lib, "cuDeviceGetName");
        public readonly delegate* unmanaged<nuint*, int, int> DeviceTotalMem = (delegate* unmanaged<nuint*, int, int>)Get(lib, "cuDeviceTotalMem_v2");
        public readonly delegate* unmanaged<int*, int, int, int> DeviceGetAttribute = (delegate* unmanaged<int*, int, int, int>)Get(lib, "cuDeviceGetAttribute");
        public readonly delegate* unmanaged<IntPtr*, int, int> DevicePrimaryCtxRetain = (delegate* unmanaged<IntPtr*, int, int>)Get(lib, "cuDevicePrimaryCtxRetain");
        public readonly delegate* unmanaged<int, int> DevicePrimaryCtxRelease = (delegate* unmanaged<int, int>)Get(lib, "cuDevicePrimaryCtxRelease_v2");
        public readonly delegate* unmanaged<IntPtr, int> CtxSetCurrent = (delegate* unmanaged<IntPtr, int>)Get(lib, "cuCtxSetCurrent");
        public readonly delegate* unmanaged<int> CtxSynchronize = (delegate* unmanaged<int>)Get(lib, "cuCtxSynchronize");
        public readonly delegate* unmanaged<IntPtr*, void*, int> ModuleLoadData = (delegate* unmanaged<IntPtr*, void*, int>)Get(lib, "cuModuleLoadData");
        public readonly delegate* unmanaged<IntPtr*, IntPtr, byte*, int> ModuleGetFunction = (delegate* unmanaged<IntPtr*, IntPtr, byte*, int>)Get(lib, "cuModuleGetFunction");
        public readonly delegate* unmanaged<ulong*, nuint, int> MemAlloc = (delegate* unmanaged<ulong*, nuint, int>)Get(lib, "cuMemAlloc_v2");
        public readonly delegate* unmanaged<ulong, int> MemFree = (delegate* unmanaged<ulong, int>)Get(lib, "cuMemFree_v2");
        public readonly delegate* unmanaged<ulong, void*, nuint, int> MemcpyHtoD = (delegate* unmanaged<ulong, void*, nuint, int>)Get(lib, "cuMemcpyHtoD_v2");
        public readonly delegate* unmanaged<void*, ulong, nuint, int> MemcpyDtoH = (delegate* unmanaged<void*, ulong, nuint, int>)Get(lib, "cuMemcpyDtoH_v2");
        public readonly delegate* unmanaged<IntPtr, uint, uint, uint, uint, uint, uint, uint, IntPtr, void**, void**, int> LaunchKernel =
            (delegate* unmanaged<IntPtr, uint, uint, uint, uint, uint, uint, uint, IntPtr, void**, void**, int>)Get(lib, "cuLaunchKernel");
        public readonly delegate* unmanaged<IntPtr*, uint, int> EventCreate = (delegate* unmanaged<IntPtr*, uint, int>)Get(lib, "cuEventCreate");
        public readonly delegate* unmanaged<IntPtr, IntPtr, int> EventRecord = (delegate* unmanaged<IntPtr, IntPtr, int>)Get(lib, "cuEventRecord");
        public readonly delegate* unmanaged<IntPtr, int> EventSynchronize = (delegate* unmanaged<IntPtr, int>)Get(lib, "cuEventSynchronize");
        public readonly delegate* unmanaged<float*, IntPtr, IntPtr, int> EventElapsedTime = (delegate* unmanaged<float*, IntPtr, IntPtr, int>)Get(lib, "cuEventElapsedTime");
        public readonly delegate* unmanaged<IntPtr, int> EventDestroy = (delegate* unmanaged<IntPtr, int>)Get(lib, "cuEventDestroy_v2");
        public readonly delegate* unmanaged<int, byte**, int> GetErrorName = (delegate* unmanaged<int, byte**, int>)Get(lib, "cuGetErrorName");
    }

    private sealed class Nvrtc(IntPtr lib)
    {
        public readonly delegate* unmanaged<IntPtr*, byte*, byte*, int, byte**, byte**, int> CreateProgram =
            (delegate* unmanaged<IntPtr*, byte*, byte*, int, byte**, byte**, int>)Get(lib, "nvrtcCreateProgram");
        public readonly delegate* unmanaged<IntPtr, int, byte**, int> CompileProgram = (delegate* unmanaged<IntPtr, int, byte**, int>)Get(lib, "nvrtcCompileProgram");
        public readonly delegate* unmanaged<IntPtr, nuint*, int> GetProgramLogSize = (delegate* unmanaged<IntPtr, nuint*, int>)Get(lib, "nvrtcGetProgramLogSize");
        public readonly delegate* unmanaged<IntPtr, byte*, int> GetProgramLog = (delegate* unmanaged<IntPtr, byte*, int>)Get(lib, "nvrtcGetProgramLog");
        public readonly delegate* unmanaged<IntPtr, nuint*, int> GetPtxSize = (delegate* unmanaged<IntPtr, nuint*, int>)Get(lib, "nvrtcGetPTXSize");
        public readonly delegate* unmanaged<IntPtr, byte*, int> GetPtx = (delegate* unmanaged<IntPtr, byte*, int>)Get(lib, "nvrtcGetPTX");
        public readonly delegate* unmanaged<IntPtr*, int> DestroyProgram = (delegate* unmanaged<IntPtr*, int>)Get(lib, "nvrtcDestroyProgram");
        public readonly delegate* unmanaged<int, byte*> GetErrorString = (delegate* unmanaged<int, byte*>)Get(lib, "nvrtcGetErrorString");
    }
}
