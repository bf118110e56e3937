using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Neuromorph.Kernels.Backends;

/// <summary>
/// Finds the drivers ILGPU imports as "OpenCL" and "cuda" under their versioned Linux names (Debian and Ubuntu ship
/// libOpenCL.so.1 and libcuda.so.1 without the development symlinks ILGPU's default lookup needs). Hooks the
/// default load context's fallback, so ILGPU's own resolver (used under WSL) is left alone.
/// </summary>
public static class NativeLibraries
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, IntPtr> Loaded = [];
    private static bool _registered;

    /// <summary>Installs the fallback once per process.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            AssemblyLoadContext.Default.ResolvingUnmanagedDll += Resolve;
            _registered = true;
        }
    }

    /// <summary>The versioned file names tried for an import name.</summary>
    public static IReadOnlyList<string> Candidates(string name) => name switch
    {
        "OpenCL" => ["libOpenCL.so.1", "libOpenCL.so"],
        "cuda" => ["libcuda.so.1", "libcuda.so"],
        _ => [],
    };

    private static IntPtr Resolve(Assembly assembly, string name)
    {
        lock (Gate)
        {
            if (Loaded.TryGetValue(name, out var cached))
            {
                return cached;
            }

            foreach (var file in Candidates(name))
            {
                if (NativeLibrary.TryLoad(file, out var handle))
                {
                    Loaded[name] = handle;
                    return handle;
                }
            }

            return IntPtr.Zero;
        }
    }
}
