using System.Reflection;
using FleetCast.Core.Metrics;
using FleetCast.Dashboard;
using FleetCast.Forecasting;
using FleetCast.Server.Hosting;
using FleetCast.Simulator;

namespace FleetCast.Server.Tests.Architecture;

/// <summary>The projects' dependencies point one way (docs/architecture.md): Core ← Simulator; Core ←
/// Forecasting ← Server ← Dashboard (← the CLI, which nothing references). Read from the compiled
/// assemblies' references, so a project reference that code uses is caught.</summary>
public sealed class ProjectReferenceTests
{
    /// <summary>Per project, the FleetCast assemblies it may reference directly.</summary>
    private static readonly Dictionary<string, string[]> MayReference = new(StringComparer.Ordinal)
    {
        ["FleetCast.Core"] = [],
        ["FleetCast.Simulator"] = ["FleetCast.Core"],
        ["FleetCast.Forecasting"] = ["FleetCast.Core"],
        ["FleetCast.Server"] = ["FleetCast.Core", "FleetCast.Forecasting"],
        ["FleetCast.Dashboard"] = ["FleetCast.Core", "FleetCast.Forecasting", "FleetCast.Server"],
    };

    public static TheoryData<string> Projects => [.. MayReference.Keys];

    [Theory]
    [MemberData(nameof(Projects))]
    public void Project_ReferencesOnlyTheFleetCastProjectsBelowIt(string project)
    {
        var fleetCast = Assembly(project).GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n.StartsWith("FleetCast.", StringComparison.Ordinal));

        Assert.Empty(fleetCast.Except(MayReference[project]));
    }

    [Theory]
    [InlineData("FleetCast.Core", "Microsoft.AspNetCore")]
    [InlineData("FleetCast.Core", "TorchSharp")]
    [InlineData("FleetCast.Core", "FleetCast.Server")]
    [InlineData("FleetCast.Core", "FleetCast.Dashboard")]
    [InlineData("FleetCast.Simulator", "Microsoft.AspNetCore")]
    [InlineData("FleetCast.Simulator", "TorchSharp")]
    [InlineData("FleetCast.Forecasting", "Microsoft.AspNetCore")]
    [InlineData("FleetCast.Forecasting", "FleetCast.Server")]
    [InlineData("FleetCast.Server", "FleetCast.Dashboard")]
    [InlineData("FleetCast.Server", "FleetCast.Simulator")]
    [InlineData("FleetCast.Dashboard", "FleetCast.Simulator")]
    public void Project_DoesNotReach_Directly_OrThroughWhatItReferences(string project, string forbiddenPrefix)
    {
        var reached = Closure(Assembly(project));

        Assert.DoesNotContain(reached, name => name.StartsWith(forbiddenPrefix, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void NoProject_ReferencesTheCli(string project) =>
        Assert.DoesNotContain("FleetCast.Cli", Closure(Assembly(project)));

    [Fact]
    public void Closure_FollowsReferencesTransitively()
    {
        // The dashboard does not reference TorchSharp itself; it reaches it through the server and forecasting.
        var dashboard = typeof(DashboardModule).Assembly;

        Assert.DoesNotContain("TorchSharp", dashboard.GetReferencedAssemblies().Select(a => a.Name));
        Assert.Contains("TorchSharp", Closure(dashboard));
    }

    private static Assembly Assembly(string name) => name switch
    {
        "FleetCast.Core" => typeof(MetricCatalog).Assembly,
        "FleetCast.Simulator" => typeof(FleetSimulator).Assembly,
        "FleetCast.Forecasting" => typeof(ForecasterCatalog).Assembly,
        "FleetCast.Server" => typeof(FleetCastHost).Assembly,
        "FleetCast.Dashboard" => typeof(DashboardModule).Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a FleetCast project under test"),
    };

    /// <summary>The names of every assembly <paramref name="root"/> references, directly or through others.
    /// Framework assemblies are followed too (a package could bring ASP.NET Core in by the back door).</summary>
    private static HashSet<string> Closure(Assembly root)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([root]);
        while (pending.TryPop(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (!reached.Add(reference.Name!))
                {
                    continue;
                }

                try
                {
                    pending.Push(System.Reflection.Assembly.Load(reference));
                }
                catch (FileNotFoundException)
                {
                    // Not loadable here (a platform-specific facade): its name is checked, its own references are not.
                }
            }
        }

        return reached;
    }
}
