namespace Neuromorph.Tests.Cli;

public class CommandRunnerTests
{
    [Fact]
    public void Unknown_command_exits_2_with_a_hint_and_no_stack_trace()
    {
        var (code, _, error) = CliHarness.Run("simulat3", "x.cir");
        Assert.Equal(2, code);
        Assert.Contains("hint:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
