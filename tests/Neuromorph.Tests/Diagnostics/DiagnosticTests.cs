using Neuromorph.Diagnostics;

namespace Neuromorph.Tests.Diagnostics;

public class DiagnosticTests
{
    [Fact]
    public void Error_prints_file_line_column_and_hint()
    {
        var d = Diagnostic.Error(new SourceLocation("rc.cir", 3, 7), "unknown element 'q1'", "Q (BJT) is not supported");
        Assert.Equal("rc.cir:3:7: error: unknown element 'q1'\n  hint: Q (BJT) is not supported", d.ToString());
    }
}
