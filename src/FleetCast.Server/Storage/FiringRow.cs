namespace FleetCast.Server.Storage;

/// <summary>One alert firing on a route, as kept in <c>alert_firing</c>. <see cref="Notice"/> is the
/// planner's own text (what the route was last told); storage keeps it as it was given. Times are wall-clock;
/// <see cref="FirstSentAt"/> is null while the alert has been held back.</summary>
public sealed record FiringRow(string Route, string Key, string Notice, DateTimeOffset? FirstSentAt, DateTimeOffset? LastSentAt);
