using System.CommandLine;
using Neuromorph.Experiments.Results;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// <c>--table-format csv|parquet</c>, the same on every command that writes result tables: CSV with a header row
/// (default), or Apache Parquet (NAME.parquet, one DOUBLE column per header) for results with 10^5 columns or 10^7 rows,
/// which pandas, polars and Arrow read directly.
/// </summary>
public sealed class TableFormatOption
{
    /// <summary>Creates the option.</summary>
    public TableFormatOption()
    {
        Option = new Option<string>("--table-format")
        {
            Description = "result tables: csv | parquet (default csv)",
            DefaultValueFactory = _ => "csv",
        };
        Option.AcceptOnlyFromAmong("csv", "parquet");
    }

    /// <summary>The option.</summary>
    public Option<string> Option { get; }

    /// <summary>Adds the option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Option);
    }

    /// <summary>The format chosen.</summary>
    public TableFormat Format(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(Option) == "parquet" ? TableFormat.Parquet : TableFormat.Csv;
    }
}
