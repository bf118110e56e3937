using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Neuromorph.Diagnostics;

namespace Neuromorph.Cli;

/// <summary>
/// Command-line parse errors in the user's words: an unknown command is one line with the closest command, and a value
/// an option cannot convert names the option and the form it expects ("--seed expects a non-negative integer, got
/// 'abc'"), never a .NET type name.
/// </summary>
public static class ParseErrors
{
    /// <summary>The lines to print for the errors of <paramref name="parse"/> (each without the "neuromorph: error: " prefix, hints with it).</summary>
    public static IReadOnlyList<string> Describe(RootCommand root, ParseResult parse, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(args);
        var first = args.FirstOrDefault(a => !a.StartsWith('-'));
        if (first is not null && args.Count > 0 && args[0] == first && !root.Subcommands.Any(c => c.Name == first || c.Aliases.Contains(first)))
        {
            var close = Suggestions.Closest(first, root.Subcommands.Select(c => c.Name));
            return close is not null
                ? [$"neuromorph: error: unknown command '{first}'; did you mean '{close}'?"]
                : [$"neuromorph: error: unknown command '{first}'", "  hint: run 'neuromorph --help' for the commands"];
        }

        var lines = new List<string>();
        foreach (var e in parse.Errors)
        {
            var line = $"neuromorph: error: {ValueError(e) ?? e.Message}";
            if (!lines.Contains(line))
            {
                lines.Add(line);
            }
        }

        var command = parse.CommandResult.Command;
        lines.Add(command is RootCommand
            ? "  hint: run 'neuromorph --help' or 'neuromorph COMMAND --help' for usage"
            : $"  hint: run 'neuromorph {command.Name} --help' for usage");
        return lines;
    }

    /// <summary>What a value of <paramref name="type"/> (or each value of an array of it) looks like, in words (null for text and unknown types).</summary>
    public static string? ExpectedForm(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        type = Element(type);
        if (type.IsEnum)
        {
            return $"one of {string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant()))}";
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.SByte or TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 => "an integer",
            TypeCode.Byte or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64 => "a non-negative integer",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "a number",
            TypeCode.Boolean => "true or false",
            _ when type == typeof(FileInfo) => "a file path",
            _ when type == typeof(DirectoryInfo) => "a folder path",
            _ when type == typeof(TimeSpan) => "a duration (e.g. 00:01:30)",
            _ => null,
        };
    }

    /// <summary>The message for a value its option or argument could not convert; null for any other error.</summary>
    private static string? ValueError(ParseError e)
    {
        var (name, type, tokens) = e.SymbolResult switch
        {
            OptionResult o => (o.Option.Name, o.Option.ValueType, o.Tokens),
            ArgumentResult { Parent: OptionResult o } a => (o.Option.Name, a.Argument.ValueType, a.Tokens),
            ArgumentResult a => ($"argument '{a.Argument.Name}'", a.Argument.ValueType, a.Tokens),
            _ => (null, null, null),
        };
        if (name is null || type is null || tokens is null || ExpectedForm(type) is not { } form)
        {
            return null;
        }

        var bad = tokens.Select(t => t.Value).FirstOrDefault(v => !Converts(v, type));
        return bad is null ? null : $"{name} expects {form}, got '{bad}'";
    }

    private static Type Element(Type type)
    {
        type = type.IsArray ? type.GetElementType()! : type;
        return Nullable.GetUnderlyingType(type) ?? type;
    }

    private static bool Converts(string value, Type type)
    {
        type = Element(type);
        var c = CultureInfo.InvariantCulture;
        if (type.IsEnum)
        {
            return Enum.TryParse(type, value, ignoreCase: true, out _);
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.SByte => sbyte.TryParse(value, NumberStyles.Integer, c, out _),
            TypeCode.Int16 => short.TryParse(value, NumberStyles.Integer, c, out _),
            TypeCode.Int32 => int.TryParse(value, NumberStyles.Integer, c, out _),
            TypeCode.Int64 => long.TryParse(value, NumberStyles.Integer, c, out _),
            TypeCode.Byte => byte.TryParse(value, NumberStyles.Integer, c, out _),
            TypeCode.UInt16 => ushort.TryParse(value, NumberStyles.Integer, c, out _),
            TypeCode.UInt32 => uint.TryParse(value, NumberStyles.Integer, c, out _),
            TypeCode.UInt64 => ulong.TryParse(value, NumberStyles.Integer, c, out _),
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => double.TryParse(value, NumberStyles.Float, c, out _),
            TypeCode.Boolean => bool.TryParse(value, out _),
            _ when type == typeof(TimeSpan) => TimeSpan.TryParse(value, c, out _),
            _ => true,
        };
    }
}
