namespace Neuromorph.Networks.Seq2Seq;

/// <summary>How a decoder state is scored against the encoder's outputs.</summary>
public enum AttentionKind
{
    /// <summary>Bahdanau et al. (2015): score(s, h) = vᵀ tanh(W_q s + W_k h).</summary>
    Additive,

    /// <summary>Luong et al. (2015), "general": score(s, h) = sᵀ W h.</summary>
    Multiplicative,
}

/// <summary>Names of the attention kinds as YAML and model files spell them.</summary>
public static class AttentionKinds
{
    /// <summary>Every accepted name (<c>bahdanau</c> and <c>luong</c> are aliases).</summary>
    public static IReadOnlyList<string> Names { get; } = ["additive", "multiplicative"];

    /// <summary>The file name of a kind.</summary>
    public static string Name(AttentionKind kind) => Names[(int)kind];

    /// <summary>Parses a name case-insensitively; <c>bahdanau</c> means additive, <c>luong</c> and <c>general</c> multiplicative.</summary>
    public static bool TryParse(string? name, out AttentionKind kind)
    {
        var key = (name ?? "").Trim().ToLowerInvariant();
        key = key switch
        {
            "bahdanau" => "additive",
            "luong" or "general" => "multiplicative",
            _ => key,
        };
        var i = Names.ToList().IndexOf(key);
        kind = i >= 0 ? (AttentionKind)i : default;
        return i >= 0;
    }
}
