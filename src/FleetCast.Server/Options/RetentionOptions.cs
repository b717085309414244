namespace FleetCast.Server.Options;

public sealed class RetentionOptions
{
    public int Days { get; set; } = 14;
}
