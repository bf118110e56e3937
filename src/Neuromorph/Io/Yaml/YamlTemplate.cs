using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Neuromorph.Io.Yaml;

/// <summary>
/// A YAML document scanned and parsed once, from which <see cref="Root"/> builds as many independent trees as needed
/// (a study sets its overrides in a fresh tree per run: <see cref="YamlOverrides.Apply(YamlTemplate, IReadOnlyDictionary{string, double})"/>).
/// It keeps the parser's events, so every tree is exactly the one <see cref="YamlSection.Parse"/> builds from the text,
/// with the line and column of each node, without reading the text again. Safe to share between threads.
/// </summary>
public sealed class YamlTemplate
{
    private readonly IReadOnlyList<ParsingEvent> _events;

    private YamlTemplate(IReadOnlyList<ParsingEvent> events, string file)
    {
        _events = events;
        File = file;
    }

    /// <summary>The file the text came from, as messages name it.</summary>
    public string File { get; }

    /// <summary>Parses <paramref name="text"/>, with the errors of <see cref="YamlSection.Parse"/>.</summary>
    public static YamlTemplate Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var recorder = new Recorder(new Parser(new StringReader(text)));
        // the first tree is built as YamlSection.Parse builds it: the same errors, and every event recorded
        YamlSection.Load(recorder, file);
        return new YamlTemplate(recorder.Events, file);
    }

    /// <summary>A new tree of the document (changing it changes no other).</summary>
    public YamlSection Root() => YamlSection.Load(new Replay(_events), File);

    /// <summary>Passes on a parser's events and keeps them.</summary>
    private sealed class Recorder(IParser inner) : IParser
    {
        public List<ParsingEvent> Events { get; } = [];

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }

            Events.Add(inner.Current!);
            return true;
        }
    }

    /// <summary>Delivers kept events again.</summary>
    private sealed class Replay(IReadOnlyList<ParsingEvent> events) : IParser
    {
        private int _next = -1;

        public ParsingEvent? Current => _next >= 0 && _next < events.Count ? events[_next] : null;

        public bool MoveNext() => ++_next < events.Count;
    }
}
