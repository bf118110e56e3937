using Neuromorph.Experiments;
using Neuromorph.Experiments.Minimize;
using Neuromorph.Experiments.Results;
using Neuromorph.Io.Yaml;

namespace Neuromorph.Tests.Experiments.Minimize;

/// <summary>Helpers for the minimize tests: a case written to disk as a kind: minimize file, a result file's text, a solution read back.</summary>
public static class MinimizeRuns
{
    /// <summary>Writes <paramref name="problem"/>'s file and <c>run.yaml</c> beside it into <paramref name="dir"/>; returns the YAML's path.</summary>
    public static string WriteCase(string dir, TinyProblems.Case problem, string kind = "minimize", string extra = "")
    {
        ArgumentNullException.ThrowIfNull(problem);
        File.WriteAllText(Path.Combine(dir, problem.FileName), problem.Text);
        var path = Path.Combine(dir, "run.yaml");
        File.WriteAllText(path, $"kind: {kind}\nproblem: {problem.FileName}\nrestarts: 4\nseed: 5\n{problem.Settings}{extra}");
        return path;
    }

    /// <summary>The spec of the case's kind: minimize file.</summary>
    public static MinimizeSpec Spec(string dir, TinyProblems.Case problem, string extra = "") =>
        MinimizeSpecReader.Read(YamlSection.LoadFile(WriteCase(dir, problem, extra: extra)));

    /// <summary>Runs <paramref name="spec"/> for metrics only (no output folder).</summary>
    public static MinimizeResult Run(MinimizeSpec spec) => new MinimizeExperiment().Run(spec, new ExperimentContext(null, TextWriter.Null));

    /// <summary>The content <paramref name="file"/> would be written with.</summary>
    public static string Text(ResultFile file)
    {
        switch (file)
        {
            case ResultText t:
                return t.Text;
            case ResultStream s:
                using (var w = new StringWriter())
                {
                    s.Write(w);
                    return w.ToString();
                }

            default:
                throw new ArgumentException($"not a text file: {file}", nameof(file));
        }
    }

    /// <summary>A solution.txt as ±1 values (0/1 files read 1 as +1), parsed here without library code.</summary>
    public static int[] Spins(string solution) =>
        [.. solution.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split(' ')[1] is "1" ? 1 : -1)];

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> agree to 1e-9 relative.</summary>
    public static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(b));
}
