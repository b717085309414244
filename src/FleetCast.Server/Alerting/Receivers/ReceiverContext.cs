namespace FleetCast.Server.Alerting.Receivers;

/// <summary>What a body is rendered against: the wall-clock send time and the keep-alive re-send interval.</summary>
public sealed record ReceiverContext(DateTimeOffset Now, TimeSpan ResendInterval);
