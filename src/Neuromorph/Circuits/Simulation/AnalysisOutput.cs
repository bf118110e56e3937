using Neuromorph.Circuits.Analyses;

namespace Neuromorph.Circuits.Simulation;

/// <summary>
/// One analysis of the deck over all step runs. <see cref="Name"/> is its file stem (<c>tran</c>, <c>tran2</c>, <c>dc</c> ...);
/// <see cref="Table"/> stacks the runs with the stepped parameters as leading columns.
/// </summary>
public sealed record AnalysisOutput(string Name, string Kind, IReadOnlyList<string> StepNames, IReadOnlyList<StepRun> Runs)
{
    /// <summary>Headers and columns of the CSV table: stepped parameters, the independent variable (not for op), then the printed columns.</summary>
    public (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<double>> Columns) Table()
    {
        var first = Runs[0].Result;
        var op = AnalysisResult.IsPointKind(Kind);
        var headers = StepNames.Concat(op ? [] : [first.IndependentName]).Concat(first.Columns.Select(c => c.Header)).ToList();
        if (Runs.Count == 1 && StepNames.Count == 0 && !op)
        {
            // one run: its own arrays are the columns (a 10^5-column result is not copied value by value)
            var own = new List<IReadOnlyList<double>>(first.Columns.Count + 1) { first.Independent };
            foreach (var c in first.Columns)
            {
                own.Add(c.Values);
            }

            return (headers, own);
        }

        var columns = headers.Select(_ => new List<double>()).ToList();
        foreach (var (step, r) in Runs)
        {
            var rows = op ? 1 : r.Independent.Length;
            for (var i = 0; i < rows; i++)
            {
                var k = 0;
                foreach (var n in StepNames)
                {
                    columns[k++].Add(step[n]);
                }

                if (!op)
                {
                    columns[k++].Add(r.Independent[i]);
                }

                foreach (var c in r.Columns)
                {
                    columns[k++].Add(c.Values[i]);
                }
            }
        }

        return (headers, columns.Select(c => (IReadOnlyList<double>)c).ToList());
    }
}
