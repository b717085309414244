using System.Text.RegularExpressions;

namespace FleetCast.Server.Tests.Architecture;

/// <summary>The server's rooms use each other only as docs/architecture.md ("Inside the server") allows
/// (<see cref="ServerRooms.MayUse"/>), and never in a circle.</summary>
public sealed partial class ServerRoomTests
{
    private static readonly string ServerDirectory = ArchitectureFiles.Project("FleetCast.Server");

    public static TheoryData<string> Sources => ["assembly", "sources"];

    [Theory]
    [MemberData(nameof(Sources))]
    public void Rooms_UseOnlyTheRoomsTheTableAllows(string source)
    {
        var graph = Graph(source);

        Assert.Empty(graph.Forbidden(ServerRooms.MayUse));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Rooms_AreEachInTheTable(string source)
    {
        var graph = Graph(source);

        Assert.Empty(graph.Rooms.Except(ServerRooms.MayUse.Keys));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Rooms_FormNoCycle(string source)
    {
        var graph = Graph(source);

        Assert.Null(graph.FindCycle());
    }

    [Fact]
    public void AllowedTable_FormsNoCycle()
    {
        var table = new RoomGraph();
        foreach (var (room, uses) in ServerRooms.MayUse)
        {
            foreach (var used in uses)
            {
                table.Add(room, used, "allowed");
            }
        }

        Assert.Null(table.FindCycle());
    }

    [Fact]
    public void EachSourceFile_DeclaresTheNamespaceOfItsFolder()
    {
        var misplaced = RoomGraph.SourceFiles(ServerDirectory)
            .Select(f => (File: Path.GetRelativePath(ServerDirectory, f), Declared: FileNamespace().Match(File.ReadAllText(f)).Groups[1].Value))
            .Where(f => f.Declared != Expected(f.File))
            .Select(f => $"{f.File}: {f.Declared}, expected {Expected(f.File)}");

        Assert.Empty(misplaced);

        static string Expected(string file) =>
            string.Join('.', ["FleetCast.Server", .. Path.GetDirectoryName(file)!.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries)]);
    }

    [Fact]
    public void Graph_FindsAForbiddenEdgeAndACycle()
    {
        var graph = new RoomGraph();
        graph.Add("Storage", "Options", "allowed");
        graph.Add("Options", "Storage", "Options uses Storage");

        Assert.Equal(["Options → Storage (Options uses Storage)"], graph.Forbidden(ServerRooms.MayUse));
        Assert.Equal(["Options", "Storage", "Options"], graph.FindCycle());
    }

    [Fact]
    public void AssemblyGraph_SeesTheRoomsUses()
    {
        // Not vacuous: the scan of the compiled server finds the uses that are known to be there.
        var graph = RoomGraph.FromAssembly(ArchitectureFiles.ServerAssembly);

        Assert.Contains(graph.Edges, e => e.From == "Engine" && e.To == "Storage");
        Assert.Contains(graph.Edges, e => e.From == "Hosting" && e.To == "Api");
    }

    private static RoomGraph Graph(string source) => source switch
    {
        "assembly" => RoomGraph.FromAssembly(ArchitectureFiles.ServerAssembly),
        _ => RoomGraph.FromSources(ServerDirectory),
    };

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();
}
