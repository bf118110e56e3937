using Neuromorph.Diagnostics;
using Neuromorph.Optimization.Problems;

namespace Neuromorph.Tests.Optimization;

public class DimacsReaderTests
{
    private static UserInputException Bad(string text, bool weighted = false) =>
        Assert.Throws<UserInputException>(() => DimacsReader.Parse(text, "f.cnf", weighted));

    [Fact]
    public void Reads_cnf_with_comments_clauses_across_lines_and_a_satlib_terminator()
    {
        var f = DimacsReader.Parse("c a comment\np cnf 3 3\n1 -2 0 2\n3 0\n-1 -3\n0\n%\n0\n", "f.cnf");
        Assert.Equal(3, f.Variables);
        Assert.Equal(3, f.ClauseCount);
        Assert.Equal([0, 2, 4, 6], f.ClauseStart);
        Assert.Equal([0, 1, 1, 2, 0, 2], f.Variable);
        Assert.Equal(new sbyte[] { 1, -1, 1, 1, -1, -1 }, f.Polarity);
        Assert.Null(f.HardWeight);
    }

    [Fact]
    public void Reads_classic_wcnf_with_top_as_hard_clauses()
    {
        var f = DimacsReader.Parse("p wcnf 2 3 10\n10 1 2 0\n3 -1 0\n4 -2 0\n", "f.wcnf");
        Assert.Equal(10, f.HardWeight);
        Assert.Equal([10.0, 3, 4], f.Weight);

        // all four assignments scored by hand: (T,T) breaks both soft clauses (7), (F,F) the hard one (10)
        Assert.Equal(7, f.UnsatisfiedWeight([1, 1]));
        Assert.Equal(4, f.UnsatisfiedWeight([-1, 1]));
        Assert.Equal(3, f.UnsatisfiedWeight([1, -1]));
        Assert.Equal(10, f.UnsatisfiedWeight([-1, -1]));
        Assert.Equal(1, f.ViolatedHard([-1, -1]));
    }

    [Fact]
    public void Reads_headerless_2022_wcnf_with_h_for_hard_clauses()
    {
        var f = DimacsReader.Parse("c new format\nh 1 2 0\n3 -1 0\n4 -2 0\n", "f.wcnf", weightedFile: true);
        Assert.Equal(2, f.Variables);
        Assert.Equal(8, f.HardWeight); // sum of soft weights + 1
        Assert.Equal([8.0, 3, 4], f.Weight);
    }

    [Fact]
    public void Literal_out_of_range_is_located_at_its_column()
    {
        var ex = Bad("p cnf 3 2\n1 2 0\n-1 4 0\n");
        Assert.Equal(new SourceLocation("f.cnf", 3, 4), ex.Diagnostic.Location);
        Assert.Contains("literal 4 out of range", ex.Message, StringComparison.Ordinal);
        Assert.Contains("declares 3 variables", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_clause_counts_name_the_header()
    {
        var few = Bad("c x\np cnf 3 3\n1 2 0\n-1 3 0\n");
        Assert.Equal(2, few.Diagnostic.Location.Line);
        Assert.Contains("announces 3 clauses but the file has 2", few.Message, StringComparison.Ordinal);
        var many = Bad("p cnf 3 1\n1 2 0\n-1 3 0\n");
        Assert.Equal(3, many.Diagnostic.Location.Line);
        Assert.Contains("more than the 1 clauses", many.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p cnf 3 1\n1 x 0\n", 2, "is not an integer")]
    [InlineData("p cnf 3 1\n1 2\n", 2, "not terminated by 0")]
    [InlineData("p cnf 3 2\n1 2 0\n0\n", 3, "empty clause")]
    [InlineData("1 2 0\np cnf 3 1\n", 1, "before the header")]
    [InlineData("p cnf three 1\n1 0\n", 1, "expected a header")]
    [InlineData("p cnf 3 1\np cnf 3 1\n1 0\n", 2, "second header")]
    [InlineData("c nothing\n", 1, "no header")]
    public void Malformed_cnf_is_located(string text, int line, string message)
    {
        var ex = Bad(text);
        Assert.Equal(line, ex.Diagnostic.Location.Line);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Diagnostic.Hint);
    }

    [Theory]
    [InlineData("p wcnf 2 1\n0 1 2 0\n", "weight '0' is not a positive number")]
    [InlineData("p wcnf 2 1\n-3 1 2 0\n", "weight '-3'")]
    [InlineData("p wcnf 2 1 x\n1 1 0\n", "top weight 'x'")]
    public void Malformed_wcnf_weights_are_located(string text, string message)
    {
        var ex = Assert.Throws<UserInputException>(() => DimacsReader.Parse(text, "f.wcnf", true));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Diagnostic.Location.Line > 0);
    }

    [Fact]
    public void Example_files_parse()
    {
        var dir = Path.Combine(Support.RepoPaths.Root, "circuits", "problems");
        var cnf = DimacsReader.ReadFile(Path.Combine(dir, "planted_3sat_50.cnf"));
        Assert.Equal((50, 213), (cnf.Variables, cnf.ClauseCount));

        // the planted assignment in the file's comment satisfies every clause (checked literal by literal here)
        var planted = File.ReadLines(Path.Combine(dir, "planted_3sat_50.cnf")).First(l => l.StartsWith("c planted", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(2).Select(int.Parse).ToArray();
        foreach (var line in File.ReadLines(Path.Combine(dir, "planted_3sat_50.cnf")).Where(l => l.Length > 0 && char.IsAsciiDigit(l.TrimStart('-')[0])))
        {
            var lits = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).Where(l => l != 0);
            Assert.Contains(lits, l => planted[Math.Abs(l) - 1] == l);
        }

        var wcnf = DimacsReader.ReadFile(Path.Combine(dir, "maxsat_12.wcnf"));
        Assert.Equal(189, wcnf.HardWeight);
    }
}
