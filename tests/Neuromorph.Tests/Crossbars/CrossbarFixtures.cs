namespace Neuromorph.Tests.Crossbars;

/// <summary>Arrays shared by the crossbar tests.</summary>
internal static class CrossbarFixtures
{
    /// <summary>An m × n array with every entry <paramref name="g"/>.</summary>
    public static double[,] Uniform(int m, int n, double g)
    {
        var a = new double[m, n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                a[i, j] = g;
            }
        }

        return a;
    }
}
