namespace FleetCast.Server.Auth;

/// <summary>The configured API keys. No keys means the server is open (development default).
/// <see cref="ToString"/> never shows a key.</summary>
public sealed class ApiKeyOptions
{
    public const string EnvironmentVariable = "FLEETCAST_API_KEYS";

    public ApiKeyOptions(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Keys = keys.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
    }

    public static ApiKeyOptions None { get; } = new([]);

    public IReadOnlyList<string> Keys { get; }

    public bool Enabled => Keys.Count > 0;

    /// <summary>Keys from <c>--api-key-file</c> (if given) plus <c>FLEETCAST_API_KEYS</c> (if set).</summary>
    /// <param name="keyFilePath">A file with one key per line; blank lines and lines starting with # are ignored.</param>
    /// <param name="environmentValue">The value of <see cref="EnvironmentVariable"/>: comma-separated keys.</param>
    /// <exception cref="FileNotFoundException">The key file does not exist.</exception>
    /// <exception cref="InvalidDataException">The key file holds no key (refusing to start open by mistake).</exception>
    public static ApiKeyOptions Load(string? keyFilePath, string? environmentValue)
    {
        var keys = new List<string>();
        if (!string.IsNullOrWhiteSpace(keyFilePath))
        {
            var fromFile = ReadKeyFile(keyFilePath);
            if (fromFile.Count == 0)
            {
                throw new InvalidDataException($"API key file '{keyFilePath}' contains no key (one key per line; # starts a comment).");
            }

            keys.AddRange(fromFile);
        }

        keys.AddRange(ParseEnvironment(environmentValue));
        return new ApiKeyOptions(keys);
    }

    /// <summary>Loads from a key file and the process environment.</summary>
    public static ApiKeyOptions FromEnvironment(string? keyFilePath) =>
        Load(keyFilePath, Environment.GetEnvironmentVariable(EnvironmentVariable));

    public static IReadOnlyList<string> ReadKeyFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"API key file '{path}' does not exist.", path);
        }

        return File.ReadAllLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToArray();
    }

    public static IReadOnlyList<string> ParseEnvironment(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"ApiKeyOptions {{ {Keys.Count} key(s) }}";
}
