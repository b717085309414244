using System.Text.RegularExpressions;

namespace FleetCast.Server.Tests.Architecture;

/// <summary>The dashboard's habits (docs/architecture.md, "Dashboard"): components keep their code in a
/// <c>.razor.cs</c> code-behind, and every colour comes from the one palette: <c>Shared/Palette.cs</c> for
/// charts and C#, the <c>:root</c> variables of <c>wwwroot/css/fleetcast.css</c> for stylesheets.</summary>
public sealed partial class DashboardSourceTests
{
    private static readonly string DashboardDirectory = ArchitectureFiles.Project("FleetCast.Dashboard");

    private static readonly string PaletteCss = Path.Combine("wwwroot", "css", "fleetcast.css");

    private static readonly string PaletteCode = Path.Combine("Shared", "Palette.cs");

    [Fact]
    public void NoRazorFile_HasACodeBlock()
    {
        var withCode = Files("*.razor").Where(f => CodeBlock().IsMatch(File.ReadAllText(Path.Combine(DashboardDirectory, f))));

        Assert.Empty(withCode);
    }

    [Fact]
    public void NoStylesheet_ButThePalette_HasAHexColour()
    {
        var withHex = Files("*.css").Where(f => f != PaletteCss).Where(f => HexColour().IsMatch(Read(f)));

        Assert.Empty(withHex);
    }

    [Fact]
    public void ThePaletteStylesheet_HasHexColoursOnlyInItsRootVariables()
    {
        var css = Read(PaletteCss);
        var outsideRoot = RootBlock().Replace(css, "", 1);

        Assert.Matches(HexColour(), RootBlock().Match(css).Value);
        Assert.Empty(HexColour().Matches(outsideRoot).Select(m => m.Value));
    }

    [Fact]
    public void NoComponentChartOrScript_ButThePalette_HasAHexColour()
    {
        var withHex = new[] { "*.razor", "*.cs", "*.js" }.SelectMany(Files)
            .Where(f => f != PaletteCode && !f.StartsWith(Path.Combine("wwwroot", "dist"), StringComparison.Ordinal))
            .Where(f => HexColour().IsMatch(Read(f)));

        Assert.Empty(withHex);
    }

    [Fact]
    public void Patterns_RecogniseWhatTheyForbid()
    {
        Assert.Matches(CodeBlock(), "<p>x</p>\n@code {\n}");
        Assert.DoesNotMatch(CodeBlock(), "<p>mail@codes.example</p>");
        Assert.Matches(HexColour(), "color: #b91c1c;");
        Assert.Matches(HexColour(), "fill: #fff");
        Assert.DoesNotMatch(HexColour(), "color: var(--danger);");
    }

    private static IEnumerable<string> Files(string pattern) =>
        RoomGraph.SourceFiles(DashboardDirectory, pattern).Select(f => Path.GetRelativePath(DashboardDirectory, f));

    private static string Read(string relative) => File.ReadAllText(Path.Combine(DashboardDirectory, relative));

    [GeneratedRegex(@"(?m)^\s*@(code|functions)\b")]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})\b")]
    private static partial Regex HexColour();

    [GeneratedRegex(@":root\s*\{[^}]*\}")]
    private static partial Regex RootBlock();
}
