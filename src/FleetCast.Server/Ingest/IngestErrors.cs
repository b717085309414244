namespace FleetCast.Server.Ingest;

/// <summary>Collects validation errors by path, keeping at most a fixed number of messages.</summary>
internal sealed class IngestErrors(int maxReported)
{
    private readonly Dictionary<string, List<string>> _byPath = new(StringComparer.Ordinal);
    private int _reported;
    private int _omitted;

    public bool Any => _reported > 0 || _omitted > 0;

    public void Add(string path, string message)
    {
        if (_reported >= maxReported)
        {
            _omitted++;
            return;
        }

        if (!_byPath.TryGetValue(path, out var messages))
        {
            messages = [];
            _byPath.Add(path, messages);
        }

        messages.Add(message);
        _reported++;
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary()
    {
        var result = _byPath.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
        if (_omitted > 0)
        {
            var note = $"{_omitted} more errors not shown (only the first {maxReported} are reported)";
            result["$"] = result.TryGetValue("$", out var existing) ? [.. existing, note] : [note];
        }

        return result;
    }
}
