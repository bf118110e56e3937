using System.Globalization;

namespace Neuromorph.Tests.Support;

/// <summary>Cancels <paramref name="cts"/> once a written line contains <paramref name="trigger"/> (a user's Ctrl-C at that moment).</summary>
internal sealed class CancellingWriter(string trigger, CancellationTokenSource cts) : StringWriter(CultureInfo.InvariantCulture)
{
    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        if (value?.Contains(trigger, StringComparison.Ordinal) == true)
        {
            cts.Cancel();
        }
    }
}
