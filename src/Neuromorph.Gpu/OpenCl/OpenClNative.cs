using System.Runtime.InteropServices;
using System.Text;

namespace Neuromorph.Gpu.OpenCl;

/// <summary>
/// The only file that calls OpenCL: function pointers resolved from libOpenCL.so.1 (the ICD loader) at first use,
/// every return code checked and turned into an <see cref="AcceleratorException"/> naming the call and the error.
/// </summary>
internal static unsafe class OpenClNative
{
    public const uint PlatformName = 0x0902, PlatformVersion = 0x0901, PlatformVendor = 0x0903;
    public const ulong DeviceTypeAll = 0xFFFFFFFF;
    public const ulong DeviceTypeGpu = 1 << 2;
    public const uint DeviceType = 0x1000, DeviceMaxComputeUnits = 0x1002, DeviceMaxWorkGroupSize = 0x1004,
        DeviceGlobalMemSize = 0x101F, DeviceName = 0x102B, DeviceVersion = 0x102F, DeviceExtensions = 0x1030,
        DeviceDoubleFpConfig = 0x1032;
    public const ulong MemReadWrite = 1;
    public const uint ProgramBuildLog = 0x1183;
    public const int BuildProgramFailure = -11;

    private static readonly Lazy<Api?> Loaded = new(Load);

    /// <summary>Why the library is missing, when it is.</summary>
    public static string? Missing { get; private set; }

    /// <summary>Whether libOpenCL.so.1 could be loaded with every function needed.</summary>
    public static bool Available => Loaded.Value is not null;

    private static Api A => Loaded.Value ?? throw new AcceleratorException("OpenCL is not available: " + Missing);

    public static IntPtr[] Platforms()
    {
        uint count;
        var rc = A.GetPlatformIDs(0, null, &count);
        if (rc == -1001 || count == 0)
        {
            return []; // CL_PLATFORM_NOT_FOUND_KHR: the loader found no ICD
        }

        Check(rc, "clGetPlatformIDs");
        var ids = new IntPtr[count];
        fixed (IntPtr* p = ids)
        {
            Check(A.GetPlatformIDs(count, p, null), "clGetPlatformIDs");
        }

        return ids;
    }

    public static string PlatformString(IntPtr platform, uint param) => InfoString(A.GetPlatformInfo, platform, param, "clGetPlatformInfo");

    public static IntPtr[] Devices(IntPtr platform)
    {
        uint count;
        var rc = A.GetDeviceIDs(platform, DeviceTypeAll, 0, null, &count);
        if (rc == -1)
        {
            return []; // CL_DEVICE_NOT_FOUND
        }

        Check(rc, "clGetDeviceIDs");
        var ids = new IntPtr[count];
        fixed (IntPtr* p = ids)
        {
            Check(A.GetDeviceIDs(platform, DeviceTypeAll, count, p, null), "clGetDeviceIDs");
        }

        return ids;
    }

    public static string DeviceString(IntPtr device, uint param) => InfoString(A.GetDeviceInfo, device, param, "clGetDeviceInfo");

    private static string InfoString(delegate* unmanaged<IntPtr, uint, nuint, void*, nuint*, int> query, IntPtr handle, uint param, string call)
    {
        nuint size;
        Check(query(handle, param, 0, null, &size), call);
        var bytes = new byte[size];
        fixed (byte* b = bytes)
        {
            Check(query(handle, param, size, b, null), call);
        }

        return Text(bytes);
    }

    public static ulong DeviceULong(IntPtr device, uint param)
    {
        ulong value = 0;
        Check(A.GetDeviceInfo(device, param, sizeof(ulong), &value, null), "clGetDeviceInfo");
        return value;
    }

    public static uint DeviceUInt(IntPtr device, uint param)
    {
        uint value = 0;
        Check(A.GetDeviceInfo(device, param, sizeof(uint), &value, null), "clGetDeviceInfo");
        return value;
    }

    public static nuint DeviceSize(IntPtr device, uint param)
    {
        nuint value = 0;
        Check(A.GetDeviceInfo(device, param, (nuint)sizeof(nuint), &value, null), "clGetDeviceInfo");
        return value;
    }

    public static IntPtr CreateContext(IntPtr device)
    {
        int rc;
        var ctx = A.CreateContext(null, 1, &device, IntPtr.Zero, IntPtr.Zero, &rc);
        Check(rc, "clCreateContext");
        return ctx;
    }

    public static IntPtr CreateQueue(IntPtr context, IntPtr device)
    {
        int rc;
        var q = A.CreateCommandQueue(context, device, 0, &rc);
        Check(rc, "clCreateCommandQueue");
        return q;
    }

    public static IntPtr CreateBuffer(IntPtr context, nuint bytes)
    {
        int rc;
        var mem = A.CreateBuffer(context, MemReadWrite, bytes == 0 ? 1 : bytes, null, &rc);
        Check(rc, "clCreateBuffer");
        return mem;
    }

    public static void Write(IntPtr queue, IntPtr mem, nuint offset, nuint bytes, void* source) =>
        Check(A.EnqueueWriteBuffer(queue, mem, 1, offset, bytes, source, 0, null, null), "clEnqueueWriteBuffer");

    public static void Read(IntPtr queue, IntPtr mem, nuint offset, nuint bytes, void* destination) =>
        Check(A.EnqueueReadBuffer(queue, mem, 1, offset, bytes, destination, 0, null, null), "clEnqueueReadBuffer");

    /// <summary>Builds a program from source; a failed build throws with the compiler's log.</summary>
    public static IntPtr BuildProgram(IntPtr context, IntPtr device, string source, string options)
    {
        var src = Encoding.UTF8.GetBytes(source);
        var opt = Encoding.UTF8.GetBytes(options + "\0");
        int rc;
        IntPtr program;
        fixed (byte* s = src)
        {
            var strings = s;
            var length = (nuint)src.Length;
            program = A.CreateProgramWithSource(context, 1, &strings, &length, &rc);
        }

        Check(rc, "clCreateProgramWithSource");
        fixed (byte* o = opt)
        {
            rc = A.BuildProgram(program, 1, &device, o, IntPtr.Zero, IntPtr.Zero);
        }

        if (rc != 0)
        {
            var log = BuildLog(program, device);
            A.ReleaseProgram(program);
            throw new AcceleratorException($"clBuildProgram failed ({ErrorName(rc)}); build log:\n{log}");
        }

        return program;
    }

    public static IntPtr CreateKernel(IntPtr program, string name)
    {
        var n = Encoding.ASCII.GetBytes(name + "\0");
        int rc;
        IntPtr kernel;
        fixed (byte* p = n)
        {
            kernel = A.CreateKernel(program, p, &rc);
        }

        Check(rc, $"clCreateKernel({name})");
        return kernel;
    }

    public static void SetArg(IntPtr kernel, uint index, nuint size, void* value, string name) =>
        Check(A.SetKernelArg(kernel, index, size, value), $"clSetKernelArg({name}, {index})");

    public static void Enqueue(IntPtr queue, IntPtr kernel, uint dims, nuint* global, nuint* local, string name) =>
        Check(A.EnqueueNDRangeKernel(queue, kernel, dims, null, global, local, 0, null, null), $"clEnqueueNDRangeKernel({name})");

    public static void Finish(IntPtr queue) => Check(A.Finish(queue), "clFinish");

    public static void ReleaseMem(IntPtr mem) => A.ReleaseMemObject(mem);

    public static void ReleaseKernel(IntPtr kernel) => A.ReleaseKernel(kernel);

    public static void ReleaseProgram(IntPtr program) => A.ReleaseProgram(program);

    public static void ReleaseQueue(IntPtr queue) => A.ReleaseCommandQueue(queue);

    public static void ReleaseContext(IntPtr context) => A.ReleaseContext(context);

    private static string BuildLog(IntPtr program, IntPtr device)
    {
        nuint size;
        if (A.GetProgramBuildInfo(program, device, ProgramBuildLog, 0, null, &size) != 0)
        {
            return "(no build log)";
        }

        var bytes = new byte[size];
        fixed (byte* b = bytes)
        {
            A.GetProgramBuildInfo(program, device, ProgramBuildLog, size, b, null);
        }

        return Text(bytes).Trim();
    }

    private static void Check(int rc, string call)
    {
        if (rc != 0)
        {
            throw new AcceleratorException($"{call} failed with {ErrorName(rc)}");
        }
    }

    /// <summary>OpenCL error code and its name.</summary>
    public static string ErrorName(int rc) => rc switch
    {
        -1 => "CL_DEVICE_NOT_FOUND (-1)",
        -2 => "CL_DEVICE_NOT_AVAILABLE (-2)",
        -3 => "CL_COMPILER_NOT_AVAILABLE (-3)",
        -4 => "CL_MEM_OBJECT_ALLOCATION_FAILURE (-4)",
        -5 => "CL_OUT_OF_RESOURCES (-5)",
        -6 => "CL_OUT_OF_HOST_MEMORY (-6)",
        -11 => "CL_BUILD_PROGRAM_FAILURE (-11)",
        -30 => "CL_INVALID_VALUE (-30)",
        -33 => "CL_INVALID_DEVICE (-33)",
        -34 => "CL_INVALID_CONTEXT (-34)",
        -36 => "CL_INVALID_COMMAND_QUEUE (-36)",
        -38 => "CL_INVALID_MEM_OBJECT (-38)",
        -44 => "CL_INVALID_PROGRAM (-44)",
        -45 => "CL_INVALID_PROGRAM_EXECUTABLE (-45)",
        -46 => "CL_INVALID_KERNEL_NAME (-46)",
        -48 => "CL_INVALID_KERNEL (-48)",
        -49 => "CL_INVALID_ARG_INDEX (-49)",
        -50 => "CL_INVALID_ARG_VALUE (-50)",
        -51 => "CL_INVALID_ARG_SIZE (-51)",
        -52 => "CL_INVALID_KERNEL_ARGS (-52)",
        -53 => "CL_INVALID_WORK_DIMENSION (-53)",
        -54 => "CL_INVALID_WORK_GROUP_SIZE (-54)",
        -55 => "CL_INVALID_WORK_ITEM_SIZE (-55)",
        -61 => "CL_INVALID_BUFFER_SIZE (-61)",
        -63 => "CL_INVALID_GLOBAL_WORK_SIZE (-63)",
        -1001 => "CL_PLATFORM_NOT_FOUND_KHR (-1001)",
        _ => $"OpenCL error {rc}",
    };

    private static string Text(byte[] bytes)
    {
        var n = Array.IndexOf(bytes, (byte)0);
        return Encoding.UTF8.GetString(bytes, 0, n < 0 ? bytes.Length : n).Trim();
    }

    private static Api? Load()
    {
        foreach (var name in new[] { "libOpenCL.so.1", "libOpenCL.so", "OpenCL.dll", "/System/Library/Frameworks/OpenCL.framework/OpenCL" })
        {
            if (NativeLibrary.TryLoad(name, out var handle))
            {
                try
                {
                    return new Api(handle);
                }
                catch (EntryPointNotFoundException e)
                {
                    Missing = $"{name} lacks {e.Message}";
                    return null;
                }
            }
        }

        Missing = "libOpenCL.so.1 not found (Debian: apt-get install ocl-icd-libopencl1 and a driver such as pocl-opencl-icd)";
        return null;
    }

    private sealed class Api
    {
        public readonly delegate* unmanaged<uint, IntPtr*, uint*, int> GetPlatformIDs;
        public readonly delegate* unmanaged<IntPtr, uint, nuint, void*, nuint*, int> GetPlatformInfo;
        public readonly delegate* unmanaged<IntPtr, ulong, uint, IntPtr*, uint*, int> GetDeviceIDs;
        public readonly delegate* unmanaged<IntPtr, uint, nuint, void*, nuint*, int> GetDeviceInfo;
        public readonly delegate* unmanaged<IntPtr*, uint, IntPtr*, IntPtr, IntPtr, int*, IntPtr> CreateContext;
        public readonly delegate* unmanaged<IntPtr, IntPtr, ulong, int*, IntPtr> CreateCommandQueue;
        public readonly delegate* unmanaged<IntPtr, ulong, nuint, void*, int*, IntPtr> CreateBuffer;
        public readonly delegate* unmanaged<IntPtr, IntPtr, uint, nuint, nuint, void*, uint, IntPtr*, IntPtr*, int> EnqueueWriteBuffer;
        public readonly delegate* unmanaged<IntPtr, IntPtr, uint, nuint, nuint, void*, uint, IntPtr*, IntPtr*, int> EnqueueReadBuffer;
        public readonly delegate* unmanaged<IntPtr, uint, byte**, nuint*, int*, IntPtr> CreateProgramWithSource;
        public readonly delegate* unmanaged<IntPtr, uint, IntPtr*, byte*, IntPtr, IntPtr, int> BuildProgram;
        public readonly delegate* unmanaged<IntPtr, IntPtr, uint, nuint, void*, nuint*, int> GetProgramBuildInfo;
        public readonly delegate* unmanaged<IntPtr, byte*, int*, IntPtr> CreateKernel;
        public readonly delegate* unmanaged<IntPtr, uint, nuint, void*, int> SetKernelArg;
        public readonly delegate* unmanaged<IntPtr, IntPtr, uint, nuint*, nuint*, nuint*, uint, IntPtr*, IntPtr*, int> EnqueueNDRangeKernel;
        public readonly delegate* unmanaged<IntPtr, int> Finish;
        public readonly delegate* unmanaged<IntPtr, int> ReleaseMemObject;
        public readonly delegate* unmanaged<IntPtr, int> ReleaseKernel;
        public readonly delegate* unmanaged<IntPtr, int> ReleaseProgram;
        public readonly delegate* unmanaged<IntPtr, int> ReleaseCommandQueue;
        public readonly delegate* unmanaged<IntPtr, int> ReleaseContext;

        public Api(IntPtr lib)
        {
            GetPlatformIDs = (delegate* unmanaged<uint, IntPtr*, uint*, int>)Get(lib, "clGetPlatformIDs");
            GetPlatformInfo = (delegate* unmanaged<IntPtr, uint, nuint, void*, nuint*, int>)Get(lib, "clGetPlatformInfo");
            GetDeviceIDs = (delegate* unmanaged<IntPtr, ulong, uint, IntPtr*, uint*, int>)Get(lib, "clGetDeviceIDs");
            GetDeviceInfo = (delegate* unmanaged<IntPtr, uint, nuint, void*, nuint*, int>)Get(lib, "clGetDeviceInfo");
            CreateContext = (delegate* unmanaged<IntPtr*, uint, IntPtr*, IntPtr, IntPtr, int*, IntPtr>)Get(lib, "clCreateContext");
            CreateCommandQueue = (delegate* unmanaged<IntPtr, IntPtr, ulong, int*, IntPtr>)Get(lib, "clCreateCommandQueue");
            CreateBuffer = (delegate* unmanaged<IntPtr, ulong, nuint, void*, int*, IntPtr>)Get(lib, "clCreateBuffer");
            EnqueueWriteBuffer = (delegate* unmanaged<IntPtr, IntPtr, uint, nuint, nuint, void*, uint, IntPtr*, IntPtr*, int>)Get(lib, "clEnqueueWriteBuffer");
            EnqueueReadBuffer = (delegate* unmanaged<IntPtr, IntPtr, uint, nuint, nuint, void*, uint, IntPtr*, IntPtr*, int>)Get(lib, "clEnqueueReadBuffer");
            CreateProgramWithSource = (delegate* unmanaged<IntPtr, uint, byte**, nuint*, int*, IntPtr>)Get(lib, "clCreateProgramWithSource");
            BuildProgram = (delegate* unmanaged<IntPtr, uint, IntPtr*, byte*, IntPtr, IntPtr, int>)Get(lib, "clBuildProgram");
            GetProgramBuildInfo = (delegate* unmanaged<IntPtr, IntPtr, uint, nuint, void*, nuint*, int>)Get(lib, "clGetProgramBuildInfo");
            CreateKernel = (delegate* unmanaged<IntPtr, byte*, int*, IntPtr>)Get(lib, "clCreateKernel");
            SetKernelArg = (delegate* unmanaged<IntPtr, uint, nuint, void*, int>)Get(lib, "clSetKernelArg");
            EnqueueNDRangeKernel = (delegate* unmanaged<IntPtr, IntPtr, uint, nuint*, nuint*, nuint*, uint, IntPtr*, IntPtr*, int>)Get(lib, "clEnqueueNDRangeKernel");
            Finish = (delegate* unmanaged<IntPtr, int>)Get(lib, "clFinish");
            ReleaseMemObject = (delegate* unmanaged<IntPtr, int>)Get(lib, "clReleaseMemObject");
            ReleaseKernel = (delegate* unmanaged<IntPtr, int>)Get(lib, "clReleaseKernel");
            ReleaseProgram = (delegate* unmanaged<IntPtr, int>)Get(lib, "clReleaseProgram");
            ReleaseCommandQueue = (delegate* unmanaged<IntPtr, int>)Get(lib, "clReleaseCommandQueue");
            ReleaseContext = (delegate* unmanaged<IntPtr, int>)Get(lib, "clReleaseContext");
        }

        private static IntPtr Get(IntPtr lib, string name) =>
            NativeLibrary.TryGetExport(lib, name, out var f) ? f : throw new EntryPointNotFoundException(name);
    }
}
