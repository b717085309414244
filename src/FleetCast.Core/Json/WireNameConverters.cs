using System.Text.Json;
using System.Text.Json.Serialization;
using FleetCast.Core.Levels;
using FleetCast.Core.Profiles;

namespace FleetCast.Core.Json;

/// <summary>Writes risk levels with their wire names (imminent-failure, critical, ...).</summary>
public sealed class RiskLevelJsonConverter : JsonConverter<RiskLevel>
{
    public override RiskLevel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RiskLadder.TryParse(reader.GetString() ?? string.Empty, out var level)
            ? level
            : throw new JsonException($"Unknown risk level '{reader.GetString()}'.");

    public override void Write(Utf8JsonWriter writer, RiskLevel value, JsonSerializerOptions options) =>
        writer.WriteStringValue(RiskLadder.ToWire(value));
}

/// <summary>Writes profiles with their wire names (ml_compute, database, ...).</summary>
public sealed class ServerProfileJsonConverter : JsonConverter<ServerProfile>
{
    public override ServerProfile Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ProfileNames.TryParse(reader.GetString(), out var profile)
            ? profile
            : throw new JsonException($"Unknown profile '{reader.GetString()}'.");

    public override void Write(Utf8JsonWriter writer, ServerProfile value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ProfileNames.ToWire(value));
}
