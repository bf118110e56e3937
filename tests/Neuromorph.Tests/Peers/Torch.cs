using System.Diagnostics;

namespace Neuromorph.Tests.Peers;

/// <summary>Runs Python scripts that use PyTorch (Debian's python3-torch) through /usr/bin/python3.</summary>
public static class Torch
{
    /// <summary>The interpreter the project's peer checks use.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>Reason used when skipping.</summary>
    public const string Missing = "PyTorch is not importable by /usr/bin/python3 (apt-get install python3-torch)";

    /// <summary>True when /usr/bin/python3 can import torch.</summary>
    public static bool IsAvailable { get; } = Imports("torch");

    /// <summary>True when /usr/bin/python3 can import SciPy.</summary>
    public static bool HasScipy { get; } = Imports("scipy.integrate");

    /// <summary>Runs <paramref name="script"/> with <paramref name="args"/>; returns stdout, throws with stderr on failure.</summary>
    public static string Run(string script, params string[] args)
    {
        var psi = new ProcessStartInfo(Python, [script, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(180_000))
        {
            p.Kill();
            throw new TimeoutException($"{script} did not finish in 180 s");
        }

        return p.ExitCode == 0 ? stdout.Result : throw new InvalidOperationException($"{script} failed ({p.ExitCode}): {stderr.Result}");
    }

    /// <summary>True when /usr/bin/python3 can import <paramref name="module"/>.</summary>
    public static bool Imports(string module)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(Python, ["-c", $"import {module}"]) { RedirectStandardOutput = true, RedirectStandardError = true });
            return p!.WaitForExit(60_000) && p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
