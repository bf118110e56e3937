namespace Neuromorph.Networks.Seq2Seq.Tasks;

/// <summary>The generated sequence-to-sequence tasks.</summary>
public enum Seq2SeqTaskKind
{
    /// <summary>Output the source symbols back to front.</summary>
    Reverse,

    /// <summary>Output the source symbols in ascending order.</summary>
    Sort,

    /// <summary>"a+b" over decimal digits (both operands zero-padded to the same width) → a + b, zero-padded to one digit more.</summary>
    Add,
}
