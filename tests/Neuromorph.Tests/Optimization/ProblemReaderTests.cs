using Neuromorph.Diagnostics;
using Neuromorph.Optimization.Problems;
using Neuromorph.Optimization;

namespace Neuromorph.Tests.Optimization;

public class ProblemReaderTests
{
    private static UserInputException Bad(string text, ProblemKind kind = ProblemKind.MaxCut) =>
        Assert.Throws<UserInputException>(() => ProblemReader.Parse(text, "g.txt", kind));

    [Fact]
    public void Reads_gset_with_trailing_header_text()
    {
        var p = ProblemReader.Parse("3 2 extra words\n1 2 1\n2 3 -1\n", "g.txt", ProblemKind.MaxCut);
        Assert.Equal(3, p.Size);
        Assert.Equal(2, p.Terms.Count);
        Assert.Equal(new Term(1, 2, -1), p.Terms[1]);
    }

    [Fact]
    public void Too_few_edges_names_the_header_line()
    {
        var ex = Bad("3 3\n1 2 1\n2 3 1\n");
        Assert.Contains("announces 3 terms but the file has 2", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("g.txt:", ex.Diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_edges_names_the_extra_line()
    {
        var ex = Bad("3 1\n1 2 1\n2 3 1\n");
        Assert.Equal(3, ex.Diagnostic.Location.Line);
    }

    [Fact]
    public void Vertex_out_of_range_is_located()
    {
        var ex = Bad("3 2\n1 2 1\n2 4 1\n");
        Assert.Equal(3, ex.Diagnostic.Location.Line);
        Assert.Contains("index 4 out of range 1..3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_edge_in_either_order_is_rejected()
    {
        var ex = Bad("3 2\n1 2 1\n2 1 1\n");
        Assert.Equal(3, ex.Diagnostic.Location.Line);
        Assert.Contains("first given on line 2", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("inf")]
    [InlineData("abc")]
    public void Non_finite_weight_is_rejected(string w)
    {
        var ex = Bad($"3 1\n1 2 {w}\n");
        Assert.Equal(2, ex.Diagnostic.Location.Line);
    }

    [Fact]
    public void Self_loop_and_bad_header_are_rejected()
    {
        Assert.Equal(2, Bad("3 1\n2 2 1\n").Diagnostic.Location.Line);
        Assert.Equal(1, Bad("three 1\n").Diagnostic.Location.Line);
        Assert.Equal(2, Bad("3 1\n1 2\n").Diagnostic.Location.Line);
    }

    [Fact]
    public void Qubo_allows_comments_and_diagonal_terms()
    {
        var p = ProblemReader.Parse("# a QUBO\n2 3\n1 1 -1 # linear\n2 2 -1\n1 2 3\n", "q.txt", ProblemKind.Qubo);
        Assert.Equal(3, p.Terms.Count);
    }

    [Fact]
    public void Dense_csv_rejects_ragged_rows_with_line_number()
    {
        var ex = Assert.Throws<UserInputException>(() => ProblemReader.Parse("1,2\n3\n", "q.csv", ProblemKind.Qubo, denseCsv: true));
        Assert.Equal(2, ex.Diagnostic.Location.Line);
        var ex2 = Assert.Throws<UserInputException>(() => ProblemReader.Parse("1,2\n3,NaN\n", "q.csv", ProblemKind.Qubo, denseCsv: true));
        Assert.Equal((2, 3), (ex2.Diagnostic.Location.Line, ex2.Diagnostic.Location.Column)); // the character column of the cell, as every located error counts
    }

    [Fact]
    public void Missing_file_is_a_user_error() =>
        Assert.Throws<UserInputException>(() => ProblemReader.ReadFile("/nonexistent/g.txt"));
}
