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
    /// <summary>Methods of the test assemblies that can skip (they call Skip, or a method that does), and those that call <see cref="Requires"/>.</summary>
    private static readonly Lazy<(List<MethodMember> Methods, HashSet<string> Skipping, HashSet<string> Peer)> Calls = new(Analyse);

    private static readonly string[] PlainAttributes = ["Xunit.FactAttribute", "Xunit.TheoryAttribute"];

    [Fact]
    public void Every_test_that_can_skip_is_skippable()
    {
        var (methods, skipping, _) = Calls.Value;
        Assert.Contains(methods, m => m.FullName.Contains("Requires::Ngspice", StringComparison.Ordinal) && skipping.Contains(m.FullName));
        var offenders = methods
            .Where(m => skipping.Contains(m.FullName) && m.Attributes.Any(a => PlainAttributes.Contains(a.FullName)))
            .Select(m => m.FullName)
            .ToList();
        Assert.True(offenders.Count == 0, "tests that can skip but are plain [Fact]/[Theory] (use [SkippableFact]/[SkippableTheory]):\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Every_test_that_runs_a_reference_peer_is_in_the_peer_category()
    {
        // scripts/test.sh --fast leaves out Category=peer: a test that needs ngspice, SciPy, PyTorch or ../shared must say so
        var (_, _, peer) = Calls.Value;
        var offenders = new List<string>();
        foreach (var type in typeof(SkipAttributeTests).Assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly))
            {
                var isTest = method.GetCustomAttributes(typeof(FactAttribute), inherit: true).Length > 0;
                var key = type.FullName + "::" + method.Name;
                if (isTest && peer.Contains(key) && !InCategory(method, "peer"))
                {
                    offenders.Add(key);
                }
            }
        }

        Assert.True(offenders.Count == 0, "tests that run a reference peer without [Trait(\"Category\", \"peer\")]:\n" + string.Join("\n", offenders));
    }

    private static bool InCategory(System.Reflection.MethodInfo method, string category) =>
        method.GetCustomAttributesData().Concat(method.DeclaringType!.GetCustomAttributesData())
            .Any(a => a.AttributeType == typeof(TraitAttribute) && a.ConstructorArguments is [{ Value: "Category" }, { Value: var v }] && Equals(v, category));

    private static (List<MethodMember> Methods, HashSet<string> Skipping, HashSet<string> Peer) Analyse()
    {
        var gpu = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Neuromorph.Gpu.Tests", "bin", "Release", "net10.0", "Neuromorph.Gpu.Tests.dll");
        var loader = new ArchLoader().LoadAssemblies(typeof(SkipAttributeTests).Assembly);
        if (File.Exists(gpu))
        {
            loader = loader.LoadAssemblies(System.Reflection.Assembly.LoadFrom(Path.GetFullPath(gpu)));
        }

        var methods = loader.Build().Types.SelectMany(t => t.Members).OfType<MethodMember>().ToList();
        var skipping = Closure(methods, d => d.TargetMember.DeclaringType.FullName is "Xunit.Skip" or "Xunit.SkipException");
        var peer = Closure(methods, d => d.TargetMember.DeclaringType.FullName == typeof(Requires).FullName);
        // as "Namespace.Type::Method" keys for reflection (a method's name without its parameter list)
        var peerKeys = methods.Where(m => peer.Contains(m.FullName)).Select(m => m.DeclaringType.FullName + "::" + m.Name.Split('(')[0]).ToHashSet(StringComparer.Ordinal);
        return (methods, skipping, peerKeys);
    }

    /// <summary>The methods that call a target <paramref name="direct"/> accepts, or a method already in the set, grown until nothing changes.</summary>
    private static HashSet<string> Closure(List<MethodMember> methods, Func<ArchUnitNET.Domain.Dependencies.MethodCallDependency, bool> direct)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        bool changed;
        do
        {
            changed = false;
            foreach (var m in methods)
            {
                if (!set.Contains(m.FullName) && m.GetMethodCallDependencies().Any(d => direct(d) || set.Contains(d.TargetMember.FullName)))
                {
                    set.Add(m.FullName);
                    changed = true;
                }
            }
        }
        while (changed);
        return set;
    }
}
