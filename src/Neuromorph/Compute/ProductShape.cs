namespace Neuromorph.Compute;

/// <summary>
/// A batched product with a row-major <paramref name="Rows"/> × <paramref name="Columns"/> matrix applied to
/// <paramref name="Count"/> vectors stored back to back.
/// </summary>
/// <param name="Rows">Matrix rows.</param>
/// <param name="Columns">Matrix columns.</param>
/// <param name="Count">Vectors in the batch.</param>
public readonly record struct ProductShape(int Rows, int Columns, int Count);
