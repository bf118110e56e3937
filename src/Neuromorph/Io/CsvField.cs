using Neuromorph.Diagnostics;

namespace Neuromorph.Io;

/// <summary>One comma-separated field of an input CSV line, trimmed, and where it starts (1-based line and character column).</summary>
public readonly record struct CsvField(string Text, SourceLocation Location);
