namespace FleetCast.Server.Options;

public sealed class AuthOptions
{
    /// <summary>File with one API key per line; keys are also read from FLEETCAST_API_KEYS.</summary>
    public string? ApiKeyFile { get; set; }
}
