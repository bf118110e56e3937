using System.Text;
using Neuromorph.Diagnostics;
using Neuromorph.Io;

namespace Neuromorph.Circuits.Syntax;

/// <summary>
/// Turns netlist files into logical lines: reads text (refusing binary and empty files), takes the first line
/// of the top file as the title, drops comment lines, joins <c>+</c> continuations, splices <c>.include</c>d files
/// (detecting include cycles), reads the named sections of <c>.lib file section</c> libraries, sets aside the lines
/// of <c>.control</c> blocks, and stops at <c>.end</c> (or at the end of the top file when it has none, as ngspice and Xyce do).
/// </summary>
public sealed class NetlistSource
{
    private readonly List<NetlistLine> _lines = [];
    private readonly List<NetlistLine> _control = [];
    private string? _wantedSection;
    private string? _section;
    private readonly List<Diagnostic> _warnings;
    private readonly List<string> _files = [];
    private readonly WordCache _words = new();

    private NetlistSource(List<Diagnostic> warnings) => _warnings = warnings;

    /// <summary>The title line.</summary>
    public string Title { get; private set; } = "";

    /// <summary>Logical lines after the title, in order, includes spliced in.</summary>
    public IReadOnlyList<NetlistLine> Lines => _lines;

    /// <summary>Lines of <c>.control</c> ... <c>.endc</c> blocks (without those two lines), in order.</summary>
    public IReadOnlyList<NetlistLine> ControlLines => _control;

    /// <summary>Every file read: the top file, then its <c>.include</c>d files and <c>.lib</c> libraries (full paths, once each).</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>Where <c>.end</c> was, or null if missing.</summary>
    public SourceLocation? End { get; private set; }

    /// <summary>Reads <paramref name="text"/> (the content of <paramref name="file"/>) and its includes.</summary>
    public static NetlistSource Read(string text, string file, List<Diagnostic> warnings)
    {
        var source = new NetlistSource(warnings);
        source.ReadFile(text, file, [Path.GetFullPath(file)], isTop: true);
        if (source._inControl)
        {
            throw new UserInputException(source._controlStart, ".control without .endc", "close the control block with .endc");
        }

        return source;
    }

    /// <summary>Reads a file from disk, refusing binary content.</summary>
    public static string LoadText(string path, SourceLocation? includedFrom = null)
    {
        if (!File.Exists(path))
        {
            throw new UserInputException(includedFrom ?? new SourceLocation(path, 0, 0), $"file not found: {path}", "check the path (includes are relative to the including file)");
        }

        var bytes = File.ReadAllBytes(path);
        return Decode(bytes, path);
    }

    /// <summary>Decodes bytes as UTF-8 text, or throws at the first offending byte if they are not a text netlist.</summary>
    public static string Decode(byte[] bytes, string file) =>
        TextFile.Decode(bytes, file, "netlist", "give a SPICE netlist in plain text", "save the netlist as UTF-8 or ASCII text");

    private void ReadFile(string text, string file, List<string> chain, bool isTop)
    {
        if (!_files.Contains(Path.GetFullPath(file)))
        {
            _files.Add(Path.GetFullPath(file));
        }

        // lines are read as ranges of the text: a one-line card is kept as its range until its text is needed
        var norm = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var lineStart = 0;
        var lineNumber = 0;
        if (isTop)
        {
            if (string.IsNullOrWhiteSpace(norm))
            {
                throw new UserInputException(new SourceLocation(file, 1, 1), "empty netlist", "a netlist starts with a title line, then elements, analyses and .end");
            }

            var titleEnd = norm.IndexOf('\n', StringComparison.Ordinal);
            Title = (titleEnd < 0 ? norm : norm[..titleEnd]).Trim();
            lineStart = titleEnd < 0 ? norm.Length + 1 : titleEnd + 1;
            lineNumber = 1;
        }

        var pending = new List<Part>();
        while (true)
        {
            var atEnd = lineStart > norm.Length;
            var end = atEnd ? -1 : norm.IndexOf('\n', lineStart);
            end = end < 0 ? norm.Length : end;
            var first = lineStart;
            while (!atEnd && first < end && char.IsWhiteSpace(norm[first]))
            {
                first++;
            }

            var isContinuation = !atEnd && first < end && norm[first] == '+';
            if (!atEnd && (first == end || norm[first] == '*'))
            {
                lineStart = end + 1;
                lineNumber++;
                continue;
            }

            if (!isContinuation && pending.Count > 0)
            {
                if (Flush(norm, pending, file, chain))
                {
                    return;
                }

                pending.Clear();
            }

            if (atEnd)
            {
                break;
            }

            var column = first - lineStart + 1;
            if (isContinuation)
            {
                if (pending.Count == 0)
                {
                    throw new UserInputException(new SourceLocation(file, lineNumber + 1, 1), "continuation line '+' with nothing to continue", "a '+' line continues the line above it");
                }

                pending.Add(new Part(first + 1, end - first - 1, lineNumber + 1, column + 1));
            }
            else
            {
                pending.Add(new Part(first, end - first, lineNumber + 1, column));
            }

            lineStart = end + 1;
            lineNumber++;
        }

        // a deck without .end ends at the end of its file, as in ngspice and Xyce (many published decks omit it)
    }

    private bool _inControl;
    private SourceLocation _controlStart;

    /// <summary>Handles one logical line; returns true at .end.</summary>
    private bool Flush(string norm, List<Part> parts, string file, List<string> chain)
    {
        var first = parts[0];
        var firstText = norm.AsSpan(first.Start, first.Length);
        var isControl = _inControl && !firstText.TrimStart().StartsWith(".endc", StringComparison.OrdinalIgnoreCase);
        // continuation lines are joined before tokenizing, so a quoted or braced expression may span them
        string joinedText;
        var scratch = _words.Scratch;
        scratch.Clear();
        try
        {
            if (parts.Count == 1 && !_inControl && firstText[0] != '.')
            {
                // a one-line element card (nearly every line of a large deck): checked whole now, but only its first
                // token kept; it tokenizes itself when its card is read (one parse reads its lines on one thread)
                Tokenizer.Tokenize(firstText, new Tokenizer.ColumnLocator(file, first.Line, first.Column), scratch, _words, firstOnly: true);
                if (scratch.Count > 0 && Wanted)
                {
                    _lines.Add(new NetlistLine(scratch[0], norm, first.Start, first.Length, _words));
                }

                return false;
            }
            else if (parts.Count == 1)
            {
                // one physical line: no joining, and a location is a column offset
                joinedText = first.Text(norm);
                Tokenizer.Tokenize(joinedText, new Tokenizer.ColumnLocator(file, first.Line, first.Column), scratch, _words);
            }
            else
            {
                joinedText = Joined(norm, parts, file, scratch, _words);
            }
        }
        catch (UserInputException) when (isControl)
        {
            // control lines are not SPICE cards (echo "...", plot titles); keep them as words
            joinedText = JoinText(norm, parts);
            var at = new SourceLocation(file, first.Line, first.Column);
            scratch.Clear();
            scratch.AddRange(joinedText.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => new Token(TokenKind.Word, w.ToLowerInvariant(), at, w)));
        }

        // each line keeps an array of exactly its tokens (the scratch list is reused for the next line)
        Token[] tokens = [.. scratch];
        if (tokens.Length == 0)
        {
            return false;
        }

        var location = tokens[0].Location;
        var head = tokens[0].Text;
        if (_inControl)
        {
            if (head == ".endc")
            {
                _inControl = false;
            }
            else
            {
                _control.Add(new NetlistLine(tokens, joinedText, location));
            }

            return false;
        }

        switch (head)
        {
            case ".lib" when tokens.Length == 3:
                if (Wanted)
                {
                    Library(tokens, file, chain, location);
                }

                return false;
            case ".lib" when tokens.Length == 2:
                _section = tokens[1].Text;
                _sectionsSeen.Add(Path.GetFullPath(file) + "#" + _section);
                return false;
            case ".lib":
                throw new UserInputException(location, ".lib takes a file and a section, or (in a library) a section name", "e.g. .lib \"models.lib\" tt");
            case ".endl":
                _section = null;
                return false;
        }

        if (!Wanted)
        {
            return false;
        }

        switch (head)
        {
            case ".control":
                _inControl = true;
                _controlStart = location;
                return false;
            case ".end":
                End = location;
                return true;
            case ".include" or ".inc":
                Include(tokens, file, chain, location);
                return false;
        }

        _lines.Add(new NetlistLine(tokens, joinedText, location));
        return false;
    }

    /// <summary>Joins continuation lines with a blank and tokenizes the result, each token located in its own physical line.</summary>
    private static string Joined(string norm, List<Part> parts, string file, List<Token> tokens, WordCache words)
    {
        var joinedText = JoinText(norm, parts);
        var starts = new int[parts.Count];
        var offset = 0;
        for (var k = 0; k < parts.Count; k++)
        {
            starts[k] = offset;
            offset += parts[k].Length + 1;
        }

        SourceLocation Locate(int i)
        {
            var k = starts.Length - 1;
            while (k > 0 && starts[k] > i)
            {
                k--;
            }

            return new SourceLocation(file, parts[k].Line, parts[k].Column + (i - starts[k]));
        }

        Tokenizer.Tokenize(joinedText, new Tokenizer.FuncLocator(Locate), tokens, words);
        return joinedText;
    }

    /// <summary>The parts' texts joined by blanks (a continued card's logical line).</summary>
    private static string JoinText(string norm, List<Part> parts) => string.Join(' ', parts.Select(p => p.Text(norm)));

    /// <summary>A physical line's text after its indentation (and after a continuation's '+'): a range of the file's text, with where it starts.</summary>
    private readonly record struct Part(int Start, int Length, int Line, int Column)
    {
        public string Text(string norm) => norm.Substring(Start, Length);
    }

    /// <summary>True when the current line belongs to what is being read (the main text, or the wanted library section).</summary>
    private bool Wanted => _wantedSection is null ? _section is null : _section == _wantedSection;

    private void Library(Token[] tokens, string file, List<string> chain, SourceLocation location)
    {
        var name = tokens[1].Original;
        var section = tokens[2].Text;
        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", name));
        var key = path + "#" + section;
        if (chain.Contains(key))
        {
            throw new UserInputException(tokens[1].Location, $"recursive .lib of '{name}' section {section}", $"library chain: {string.Join(" -> ", chain.Select(Path.GetFileName))}");
        }

        var text = LoadText(path, tokens[1].Location);
        var (endBefore, wantedBefore, sectionBefore) = (End, _wantedSection, _section);
        _wantedSection = section;
        _section = null;
        ReadFile(text, path, [.. chain, key], isTop: false);
        if (!_sectionsSeen.Contains(key))
        {
            throw new UserInputException(tokens[2].Location, $"library '{name}' has no section '{section}'", "sections start with .lib NAME and end with .endl");
        }

        (End, _wantedSection, _section) = (endBefore, wantedBefore, sectionBefore);
    }

    private readonly HashSet<string> _sectionsSeen = new(StringComparer.Ordinal);

    private void Include(Token[] tokens, string file, List<string> chain, SourceLocation location)
    {
        if (tokens.Length != 2)
        {
            throw new UserInputException(location, ".include takes one file name", "e.g. .include \"models.lib\"");
        }

        var name = tokens[1].Original;
        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", name));
        if (chain.Contains(path))
        {
            throw new UserInputException(tokens[1].Location, $"recursive .include of '{name}'", $"include chain: {string.Join(" -> ", chain.Select(Path.GetFileName))} -> {Path.GetFileName(path)}");
        }

        var text = LoadText(path, tokens[1].Location);
        var endBefore = End;
        var (wantedBefore, sectionBefore) = (_wantedSection, _section);
        (_wantedSection, _section) = (null, null);
        ReadFile(text, path, [.. chain, path], isTop: false);
        (End, _wantedSection, _section) = (endBefore, wantedBefore, sectionBefore);
    }
}
