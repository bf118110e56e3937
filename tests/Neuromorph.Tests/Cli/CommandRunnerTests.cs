namespace Neuromorph.Tests.Cli;

public class CommandRunnerTests
{
    [Fact]
    public void Unknown_command_exits_2_with_a_hint_and_no_stack_trace()
    {
        var (code, _, error) = CliHarness.Run("simulat3", "x.cir");
        Assert.Equal(2, code);
        Assert.Equal("neuromorph: error: unknown command 'simulat3'; did you mean 'simulate'?", error.Trim());
    }

    [Fact]
    public void A_mistyped_command_is_one_line_with_the_closest_command()
    {
        var (code, _, error) = CliHarness.Run("simulat", "x.cir");
        Assert.Equal(2, code);
        Assert.Equal("neuromorph: error: unknown command 'simulat'; did you mean 'simulate'?", error.Trim());
    }

    [Fact]
    public void A_command_nothing_resembles_points_to_help()
    {
        var (code, _, error) = CliHarness.Run("zzzzzzzzzz");
        Assert.Equal(2, code);
        Assert.StartsWith("neuromorph: error: unknown command 'zzzzzzzzzz'", error, StringComparison.Ordinal);
        Assert.Contains("hint: run 'neuromorph --help'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--seed", "abc", "--seed expects a non-negative integer, got 'abc'")]
    [InlineData("--seed", "-3", "--seed expects a non-negative integer, got '-3'")]
    [InlineData("--restarts", "many", "--restarts expects an integer, got 'many'")]
    [InlineData("--restarts", "2.5", "--restarts expects an integer, got '2.5'")]
    [InlineData("--time-limit", "1min", "--time-limit expects a number, got '1min'")]
    [InlineData("--target", "best", "--target expects a number, got 'best'")]
    [InlineData("--budget", "x", "--budget expects an integer, got 'x'")]
    [InlineData("--quench-every", "often", "--quench-every expects an integer, got 'often'")]
    public void A_value_that_does_not_convert_names_the_option_and_the_form_in_words(string option, string value, string message)
    {
        var (code, _, error) = CliHarness.Run("minimize", "x.txt", option, value);
        Assert.Equal(2, code);
        Assert.Contains("neuromorph: error: " + message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
        Assert.Contains("hint: run 'neuromorph minimize --help'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_typed_option_of_every_command_says_what_it_expects_in_words()
    {
        foreach (var command in Neuromorph.Cli.Commands.CommandCatalog.All())
        {
            foreach (var option in command.Options.Concat(command.Subcommands.SelectMany(s => s.Options)))
            {
                var type = option.ValueType.IsArray ? option.ValueType.GetElementType()! : option.ValueType;
                type = Nullable.GetUnderlyingType(type) ?? type;
                if (type == typeof(string))
                {
                    continue;
                }

                Assert.True(Neuromorph.Cli.ParseErrors.ExpectedForm(type) is not null, $"{command.Name} {option.Name}: no words for {type}");
            }
        }
    }
}
