namespace FleetCast.Server.Integrations.Sources;

/// <summary>One sample line of the Prometheus text exposition format.</summary>
/// <param name="TimestampMs">The optional timestamp (unix milliseconds) the exporter wrote after the value.</param>
public sealed record ExpositionSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value, long? TimestampMs = null)
{
    public string? Label(string name) => Labels.TryGetValue(name, out var value) ? value : null;
}
