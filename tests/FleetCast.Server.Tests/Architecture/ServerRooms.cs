namespace FleetCast.Server.Tests.Architecture;

/// <summary>The server's rooms (its top-level folders, each the namespace <c>FleetCast.Server.&lt;Room&gt;</c>
/// with its sub-namespaces) and which rooms each may use: the table in docs/architecture.md, "Inside the server".</summary>
internal static class ServerRooms
{
    private static readonly string[] BelowEngine = ["Ingest", "Windows", "Storage", "Options"];

    public static IReadOnlyDictionary<string, IReadOnlySet<string>> MayUse { get; } = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        ["Options"] = Rooms(),
        ["Storage"] = Rooms("Options"),
        ["Windows"] = Rooms("Storage", "Options"),
        ["Ingest"] = Rooms("Windows", "Storage", "Options"),
        ["Engine"] = Rooms(BelowEngine),
        ["Alerting"] = Rooms(["Engine", .. BelowEngine]),
        ["Remediation"] = Rooms(["Alerting", "Engine", .. BelowEngine]),
        ["Retraining"] = Rooms(["Engine", .. BelowEngine]),
        ["Integrations"] = Rooms(["Engine", .. BelowEngine]),
        ["Costs"] = Rooms("Storage", "Options"),
        ["Auth"] = Rooms("Options"),
        ["Api"] = Rooms(["Alerting", "Remediation", "Retraining", "Integrations", "Costs", "Auth", "Engine", .. BelowEngine]),
        ["Hosting"] = Rooms(["Api", "Alerting", "Remediation", "Retraining", "Integrations", "Costs", "Auth", "Engine", .. BelowEngine]),
    };

    /// <summary>The room of a server namespace (<c>FleetCast.Server.Alerting.Receivers</c> → Alerting); null outside the server's rooms.</summary>
    public static string? RoomOf(string? ns)
    {
        const string Prefix = "FleetCast.Server.";
        if (ns is null || !ns.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns[Prefix.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    private static IReadOnlySet<string> Rooms(params string[] rooms) => new HashSet<string>(rooms, StringComparer.Ordinal);
}
