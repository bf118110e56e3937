namespace Neuromorph.Networks.Sequence;

/// <summary>The recurrent cells a sequence model can be built from (PyTorch's equations and gate order).</summary>
public enum CellType
{
    /// <summary>Elman network, h_t = tanh(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh) (torch.nn.RNN, nonlinearity 'tanh').</summary>
    RnnTanh,

    /// <summary>Elman network with ReLU (torch.nn.RNN, nonlinearity 'relu').</summary>
    RnnRelu,

    /// <summary>Jordan network: the previous output y_{t−1} is fed back, h_t = tanh(W_ih x_t + b_ih + W_hh y_{t−1} + b_hh); one layer.</summary>
    Jordan,

    /// <summary>Long short-term memory, gates stacked i, f, g, o (torch.nn.LSTM).</summary>
    Lstm,

    /// <summary>Gated recurrent unit, gates stacked r, z, n, reset applied to W_hn h + b_hn (torch.nn.GRU).</summary>
    Gru,
}

/// <summary>Names and sizes of the cell types, as model files and YAML spell them.</summary>
public static class CellTypes
{
    /// <summary>Every accepted name, in the order docs list them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["rnn_tanh", "rnn_relu", "jordan", "lstm", "gru"];

    /// <summary>The file name of a cell type (<c>lstm</c>, <c>rnn_tanh</c> ...).</summary>
    public static string Name(CellType cell) => Names[(int)cell];

    /// <summary>Parses a name case-insensitively; <c>rnn</c> and <c>elman</c> mean <c>rnn_tanh</c>.</summary>
    public static bool TryParse(string? name, out CellType cell)
    {
        var key = (name ?? "").Trim().ToLowerInvariant();
        key = key is "rnn" or "elman" ? "rnn_tanh" : key;
        var i = Names.ToList().IndexOf(key);
        cell = i >= 0 ? (CellType)i : default;
        return i >= 0;
    }

    /// <summary>Gate blocks stacked in W_ih and W_hh: 4 for LSTM, 3 for GRU, 1 otherwise.</summary>
    public static int GateCount(CellType cell) => cell switch
    {
        CellType.Lstm => 4,
        CellType.Gru => 3,
        _ => 1,
    };
}
