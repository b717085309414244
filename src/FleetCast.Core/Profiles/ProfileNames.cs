using System.Collections.Frozen;

namespace FleetCast.Core.Profiles;

/// <summary>Wire names of the profiles (ml_compute, database, ...).</summary>
public static class ProfileNames
{
    public const int Count = 7;

    public static IReadOnlyList<ServerProfile> All { get; } = Enum.GetValues<ServerProfile>();

    private static readonly string[] Wire =
        ["ml_compute", "database", "web_api", "conductor_mgmt", "data_ingest", "risk_analytics", "generic"];

    private static readonly FrozenDictionary<string, ServerProfile> ByWire =
        All.ToFrozenDictionary(p => Wire[(int)p], StringComparer.Ordinal);

    public static string ToWire(ServerProfile profile) => Wire[(int)profile];

    public static bool TryParse(string? wireName, out ServerProfile profile)
    {
        profile = ServerProfile.Generic;
        return wireName is not null && ByWire.TryGetValue(wireName, out profile);
    }
}
