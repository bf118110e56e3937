using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Extensions;
using ArchUnitNET.Loader;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Architecture;

/// <summary>
/// A test that may skip at run time (it calls <c>Skip.If</c>, <see cref="Requires"/> or a helper that does) must carry
/// <c>[SkippableFact]</c> or <c>[SkippableTheory]</c>: under a plain xunit v2 <c>[Fact]</c> or <c>[Theory]</c> the skip is
/// reported as a failure ("Xunit.SkipException: ngspice is not installed"), as three crossbar theory rows once did on a
/// machine where apt was busy. The rule follows calls through helper methods of the test assemblies.
/// </summary>
public class SkipAttributeTests
{
    private static readonly string[] PlainAttributes = ["Xunit.FactAttribute", "Xunit.TheoryAttribute"];

    [Fact]
    public void Every_test_that_can_skip_is_skippable()
    {
        var assemblies = new List<System.Reflection.Assembly> { typeof(SkipAttributeTests).Assembly };
        var gpu = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Neuromorph.Gpu.Tests", "bin", "Release", "net10.0", "Neuromorph.Gpu.Tests.dll");
        var loader = new ArchLoader().LoadAssemblies([.. assemblies]);
        if (File.Exists(gpu))
        {
            loader = loader.LoadAssemblies(System.Reflection.Assembly.LoadFrom(Path.GetFullPath(gpu)));
        }

        var arch = loader.Build();
        var methods = arch.Types.SelectMany(t => t.Members).OfType<MethodMember>().ToList();
        var skipping = new HashSet<string>(StringComparer.Ordinal);
        bool CallsSkip(MethodMember m) => m.GetMethodCallDependencies().Any(d =>
            d.TargetMember.DeclaringType.FullName is "Xunit.Skip" or "Xunit.SkipException" || skipping.Contains(d.TargetMember.FullName));

        // grow the set of methods that can skip until nothing changes (helpers calling helpers)
        bool changed;
        do
        {
            changed = false;
            foreach (var m in methods)
            {
                if (!skipping.Contains(m.FullName) && CallsSkip(m))
                {
                    skipping.Add(m.FullName);
                    changed = true;
                }
            }
        }
        while (changed);

        Assert.Contains(methods, m => m.FullName.Contains("Requires::Ngspice", StringComparison.Ordinal) && skipping.Contains(m.FullName));
        var offenders = methods
            .Where(m => skipping.Contains(m.FullName) && m.Attributes.Any(a => PlainAttributes.Contains(a.FullName)))
            .Select(m => m.FullName)
            .ToList();
        Assert.True(offenders.Count == 0, "tests that can skip but are plain [Fact]/[Theory] (use [SkippableFact]/[SkippableTheory]):\n" + string.Join("\n", offenders));
    }
}
