using System.Text.RegularExpressions;
using FleetCast.Dashboard.Shared;

namespace FleetCast.Server.Tests.Dashboard.Shared;

public sealed partial class PaletteTests
{
    [Fact]
    public void CssVariables_InFleetcastCss_AreThePalettes()
    {
        var css = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "FleetCast.Dashboard", "wwwroot", "css", "fleetcast.css"));
        var root = RootBlock().Match(css).Groups[1].Value;

        var declared = Declaration().Matches(root).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim(), StringComparer.Ordinal);

        Assert.Equal(Palette.CssVariables.OrderBy(p => p.Key), declared.OrderBy(p => p.Key));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FleetCast.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("FleetCast.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@":root\s*\{([^}]*)\}")]
    private static partial Regex RootBlock();

    [GeneratedRegex(@"(--[\w-]+)\s*:\s*([^;]+);")]
    private static partial Regex Declaration();
}
