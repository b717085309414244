using System.Reflection;
using System.Text.RegularExpressions;

namespace FleetCast.Server.Tests.Architecture;

/// <summary>Which server room uses which: room → the other rooms it uses, each edge with one example of why.</summary>
internal sealed partial class RoomGraph
{
    private readonly SortedDictionary<string, SortedDictionary<string, string>> _edges = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Rooms => _edges.Keys;

    public IEnumerable<(string From, string To, string Example)> Edges =>
        _edges.SelectMany(e => e.Value.Select(to => (e.Key, to.Key, to.Value)));

    /// <summary>From the compiled server: every type of a room and the types it uses (<see cref="TypeReferences"/>).</summary>
    public static RoomGraph FromAssembly(Assembly server)
    {
        var graph = new RoomGraph();
        foreach (var type in server.GetTypes())
        {
            if (ServerRooms.RoomOf(type.Namespace) is not { } room)
            {
                continue;
            }

            graph.AddRoom(room);
            foreach (var used in TypeReferences.Of(type))
            {
                graph.Add(room, ServerRooms.RoomOf(used.Namespace), $"{type.FullName} uses {used.FullName}");
            }
        }

        return graph;
    }

    /// <summary>From the sources: the folder each .cs file is in and the <c>FleetCast.Server.&lt;Room&gt;</c>
    /// namespaces it imports or names (constants and <c>nameof</c> leave no trace in the IL).</summary>
    public static RoomGraph FromSources(string serverDirectory)
    {
        var graph = new RoomGraph();
        foreach (var file in SourceFiles(serverDirectory))
        {
            var relative = Path.GetRelativePath(serverDirectory, file);
            var room = relative.Split(Path.DirectorySeparatorChar)[0];
            if (room == relative)
            {
                continue;
            }

            graph.AddRoom(room);
            foreach (Match match in ServerNamespace().Matches(File.ReadAllText(file)))
            {
                graph.Add(room, match.Groups[1].Value, $"{relative} names FleetCast.Server.{match.Groups[1].Value}");
            }
        }

        return graph;
    }

    /// <summary>The source files of a project, less its build output.</summary>
    public static IEnumerable<string> SourceFiles(string projectDirectory, string pattern = "*.cs") =>
        Directory.EnumerateFiles(projectDirectory, pattern, SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(projectDirectory, f).Split(Path.DirectorySeparatorChar)
                .Any(part => part is "bin" or "obj" or "node_modules"));

    /// <summary>Edges not in <paramref name="allowed"/>, one line each.</summary>
    public IReadOnlyList<string> Forbidden(IReadOnlyDictionary<string, IReadOnlySet<string>> allowed) =>
        [.. Edges.Where(e => !allowed.TryGetValue(e.From, out var may) || !may.Contains(e.To))
            .Select(e => $"{e.From} → {e.To} ({e.Example})")];

    /// <summary>One cycle of rooms (the first room repeated at the end), or null when there is none.</summary>
    public IReadOnlyList<string>? FindCycle()
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path; true: done
        var path = new List<string>();
        foreach (var room in _edges.Keys)
        {
            if (Visit(room) is { } cycle)
            {
                return cycle;
            }
        }

        return null;

        IReadOnlyList<string>? Visit(string room)
        {
            if (state.TryGetValue(room, out var done))
            {
                return done ? null : [.. path.Skip(path.IndexOf(room)), room];
            }

            state[room] = false;
            path.Add(room);
            foreach (var next in _edges.GetValueOrDefault(room)?.Keys ?? Enumerable.Empty<string>())
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[room] = true;
            return null;
        }
    }

    public void Add(string from, string? to, string example)
    {
        AddRoom(from);
        if (to is not null && to != from)
        {
            _edges[from].TryAdd(to, example);
        }
    }

    private void AddRoom(string room) => _edges.TryAdd(room, new SortedDictionary<string, string>(StringComparer.Ordinal));

    [GeneratedRegex(@"\bFleetCast\.Server\.([A-Z]\w*)")]
    private static partial Regex ServerNamespace();
}
