using System.Text;
using System.Text.RegularExpressions;
using Neuromorph.Circuits.Expressions;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Parsing;

/// <summary>
/// The control flow of a <c>.control</c> block (<c>if/else/end</c>, <c>while</c>, <c>repeat</c>, <c>dowhile</c>,
/// <c>foreach</c>, <c>break</c>, <c>continue</c>, <c>label</c>/<c>goto</c>) compiled to steps with jumps, and the text
/// helpers of the control language (comments, <c>$</c> substitution, <c>set</c> words, echo words).
/// </summary>
public static partial class ControlBlock
{
    private const int MaxSteps = 1_000_000;

    private enum StepKind
    {
        Line,
        Jump,
        JumpUnless,
        JumpIf,
        RepeatStart,
        RepeatNext,
        ForeachStart,
        ForeachNext,
    }

    /// <summary>One step: a command line, or a jump (conditional on <see cref="Text"/>) to <see cref="Target"/>.</summary>
    private sealed class Step(StepKind kind, NetlistLine line, string text = "", string name = "")
    {
        public StepKind Kind { get; } = kind;

        public NetlistLine Line { get; } = line;

        public string Text { get; } = text;

        public string Name { get; } = name;

        public int Target { get; set; }
    }

    private sealed class Frame(string kind, NetlistLine line, int start, string text = "")
    {
        public string Kind { get; } = kind;

        public NetlistLine Line { get; } = line;

        /// <summary>Where the loop's test is (continue jumps here; for dowhile, filled at its end).</summary>
        public int Start { get; set; } = start;

        public string Text { get; } = text;

        public int? Else { get; set; }

        public List<Step> Breaks { get; } = [];

        public List<Step> Continues { get; } = [];
    }

    private static List<Step> Compile(IReadOnlyList<NetlistLine> lines)
    {
        var program = new List<Step>();
        var frames = new Stack<Frame>();
        var labels = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var gotos = new List<(Step Step, string Label)>();
        foreach (var line in lines)
        {
            var rest = StripComment(Rest(line.Text));
            switch (line.Head)
            {
                case "if":
                    program.Add(new Step(StepKind.JumpUnless, line, rest));
                    frames.Push(new Frame("if", line, program.Count - 1));
                    break;
                case "else":
                    if (frames.Count == 0 || frames.Peek().Kind != "if" || frames.Peek().Else is not null)
                    {
                        throw new UserInputException(line.Location, "else without if", "write if condition ... else ... end");
                    }

                    program.Add(new Step(StepKind.Jump, line));
                    frames.Peek().Else = program.Count - 1;
                    program[frames.Peek().Start].Target = program.Count;
                    break;
                case "while":
                    program.Add(new Step(StepKind.JumpUnless, line, rest));
                    frames.Push(new Frame("while", line, program.Count - 1));
                    break;
                case "dowhile":
                    frames.Push(new Frame("dowhile", line, program.Count, rest));
                    break;
                case "repeat":
                    program.Add(new Step(StepKind.RepeatStart, line, rest));
                    program.Add(new Step(StepKind.RepeatNext, line));
                    frames.Push(new Frame("repeat", line, program.Count - 1));
                    break;
                case "foreach":
                {
                    var words = rest.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (words.Length == 0)
                    {
                        throw new UserInputException(line.Location, "foreach names no variable", "write foreach var value1 value2 ... end");
                    }

                    program.Add(new Step(StepKind.ForeachStart, line, words.Length > 1 ? words[1] : ""));
                    program.Add(new Step(StepKind.ForeachNext, line, "", words[0]));
                    frames.Push(new Frame("foreach", line, program.Count - 1));
                    break;
                }

                case "break" or "continue":
                {
                    var loop = frames.FirstOrDefault(f => f.Kind != "if")
                        ?? throw new UserInputException(line.Location, $"{line.Head} outside a loop", "use it inside while, repeat, dowhile or foreach");
                    var jump = new Step(StepKind.Jump, line);
                    program.Add(jump);
                    (line.Head == "break" ? loop.Breaks : loop.Continues).Add(jump);
                    break;
                }

                case "label":
                    labels[rest.Trim()] = program.Count;
                    break;
                case "goto":
                {
                    var jump = new Step(StepKind.Jump, line);
                    program.Add(jump);
                    gotos.Add((jump, rest.Trim()));
                    break;
                }

                case "end":
                {
                    if (frames.Count == 0)
                    {
                        throw new UserInputException(line.Location, "end without if, while, repeat, dowhile or foreach", "remove it or open the block");
                    }

                    var f = frames.Pop();
                    switch (f.Kind)
                    {
                        case "if":
                            program[f.Else ?? f.Start].Target = program.Count;
                            break;
                        case "dowhile":
                            var body = f.Start;
                            f.Start = program.Count;
                            program.Add(new Step(StepKind.JumpIf, f.Line, f.Text) { Target = body });
                            break;
                        default:
                            program.Add(new Step(StepKind.Jump, line) { Target = f.Start });
                            program[f.Start].Target = program.Count;
                            break;
                    }

                    f.Breaks.ForEach(b => b.Target = program.Count);
                    f.Continues.ForEach(c => c.Target = f.Start);
                    break;
                }

                default:
                    program.Add(new Step(StepKind.Line, line));
                    break;
            }
        }

        if (frames.Count > 0)
        {
            throw new UserInputException(frames.Peek().Line.Location, $"{frames.Peek().Kind} has no end", "close it with end before .endc");
        }

        foreach (var (step, label) in gotos)
        {
            step.Target = labels.TryGetValue(label, out var target) ? target
                : throw new UserInputException(step.Line.Location, $"goto: there is no label '{label}'", "add label name to the block");
        }

        return program;
    }

    /// <summary>The text after a line's first word.</summary>
    private static string Rest(string text)
    {
        text = text.TrimStart();
        var i = 0;
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return text[i..].Trim();
    }

    /// <summary>Cuts a <c>;</c> comment or a <c>$ </c> comment (outside quotes).</summary>
    private static string StripComment(string text)
    {
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == ';' || (c == '$' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]))))
            {
                return text[..i].TrimEnd();
            }
        }

        return text.TrimEnd();
    }

    /// <summary>ngspice's echo: the words with their quotes removed, joined by one space.</summary>
    private static string EchoWords(string text) => string.Join(" ", Words(text));

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quote = '\0';
        var any = false;
        foreach (var c in text)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                any = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (word.Length > 0 || any)
                {
                    words.Add(word.ToString());
                }

                word.Clear();
                any = false;
            }
            else
            {
                word.Append(c);
            }
        }

        if (word.Length > 0 || any)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>The variables of a <c>set</c> line: <c>name</c> (true), <c>name = value</c>, <c>name = ( a b c )</c> (a list).</summary>
    private static List<(string Name, string Value)> SetWords(string text)
    {
        var list = new List<(string, string)>();
        foreach (Match m in SetForm().Matches(text))
        {
            var value = m.Groups[2].Success ? m.Groups[2].Value.Trim() : null;
            list.Add((m.Groups[1].Value.ToLowerInvariant(), value switch
            {
                null => "TRUE",
                ['(', .., ')'] => string.Join(" ", Words(value[1..^1])),
                _ => string.Join(" ", Words(value)),
            }));
        }

        return list;
    }

    /// <summary>
    /// <c>$name</c>, <c>$&amp;name</c>, <c>$?name</c>, or one of them in braces (<c>n{$n}_t</c>, ngspice's way to end a
    /// name); <c>$name[i]</c> is word i of a list variable.
    /// </summary>
    [GeneratedRegex(@"\{\$(?<k>[?&]?)(?<n>[A-Za-z_][A-Za-z0-9_]*)\}|\$(?<k>[?&]?)(?<n>[A-Za-z_][A-Za-z0-9_]*)(?:\[(?<i>[^\[\]]+)\])?")]
    private static partial Regex Dollar();

    [GeneratedRegex(@"\{?\b([A-Za-z]+[0-9]+)\}?\.(?=[A-Za-z@])")]
    private static partial Regex Qualified();

    [GeneratedRegex(@"(""[^""]+""|[A-Za-z_][A-Za-z0-9_#]*)\[([^\[\]]+)\]")]
    private static partial Regex Indexed();

    [GeneratedRegex(@"\b(eq|ne|gt|lt|ge|le|and|or|not)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Operators();

    [GeneratedRegex(@"(?<![<>=!])=(?!=)")]
    private static partial Regex SingleEquals();

    [GeneratedRegex(@"^\s*([A-Za-z_][A-Za-z0-9_#.-]*)\s*(?:\[([^\]]+)\])?\s*=(.+)$")]
    private static partial Regex LetForm();

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_.#-]*)(?:\s*=\s*(\([^)]*\)|""[^""]*""|'[^']*'|\S+))?")]
    private static partial Regex SetForm();
}
