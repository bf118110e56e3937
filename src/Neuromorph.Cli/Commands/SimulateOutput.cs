using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Netlist;
using Neuromorph.Experiments.Results;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// Writes a <see cref="NetlistResult"/> into the output folder through <see cref="ResultWriter"/> and says what it wrote,
/// as <c>simulate</c> always has: per analysis its CSV (with a progress line) while its plots render, its statistics
/// and the files; then the measurements and measure.csv, then the control block's wrdata files and printed text.
/// </summary>
internal static class SimulateOutput
{
    /// <summary>The warning about a large table, naming the flag that limits rows.</summary>
    public static string Warning(LargeTable table) => Diagnostic.Warning(SourceLocation.None, table.Message("--max-points")).ToString();

    public static void Write(NetlistResult result, ResultWriter writer, string dir, TextWriter log, TextWriter err)
    {
        foreach (var w in result.Warnings)
        {
            err.WriteLine(w.ToString());
        }

        foreach (var a in result.Analyses)
        {
            if (a.Oversized is { } late)
            {
                err.WriteLine(Warning(late));
            }

            var (csv, plots) = writer.Write(a.Table, a.Figures, dir, new ConsoleProgress(err, $"writing {a.Table.Name}"), Interruption.Requested);
            log.WriteLine(a.Statistics);
            log.WriteLine($"        wrote {Rel(csv)}{string.Concat(plots.Select(p => ", " + Rel(p)))}");
            foreach (var line in a.Values)
            {
                log.WriteLine(line);
            }
        }

        foreach (var m in result.Measures)
        {
            if (m.Failure is { } failure)
            {
                err.WriteLine(failure.ToString());
            }
            else
            {
                log.WriteLine(m.Line);
            }
        }

        if (result.MeasureTable is { } measures)
        {
            log.WriteLine($"  wrote {Rel(ResultWriter.Write(measures, dir))}");
        }

        foreach (var c in result.ControlOutputs)
        {
            if (c.AsFile is { } file)
            {
                log.WriteLine($"  control block wrote {Rel(ResultWriter.Write(file, dir))}");
            }
            else
            {
                log.Write(c.Text);
            }
        }
    }

    private static string Rel(string p) => Path.GetRelativePath(Environment.CurrentDirectory, p);
}
