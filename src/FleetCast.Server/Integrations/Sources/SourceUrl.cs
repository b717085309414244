namespace FleetCast.Server.Integrations.Sources;

/// <summary>Reads a source URL as people write it: "host:port" is http://host:port plus the default path.</summary>
public static class SourceUrl
{
    public const string NodeExporterPath = "/metrics";

    public static bool TryParse(string? text, string defaultPath, out Uri url, out string error)
    {
        url = null!;
        error = "";
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            error = "must not be empty";
            return false;
        }

        var withScheme = trimmed.Contains("://", StringComparison.Ordinal) ? trimmed : "http://" + trimmed;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https") || parsed.Host.Length == 0)
        {
            error = $"must be an http(s) URL or host:port; got '{trimmed}'";
            return false;
        }

        url = parsed.AbsolutePath == "/" && parsed.Query.Length == 0 ? new Uri(parsed, defaultPath) : parsed;
        return true;
    }

    /// <summary>The default server name of a scraped URL: its host:port.</summary>
    public static string HostAndPort(Uri url) => $"{url.Host}:{url.Port}";
}
