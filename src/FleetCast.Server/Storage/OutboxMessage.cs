namespace FleetCast.Server.Storage;

/// <summary>A delivery to enqueue: the route name, the exact body to POST, and a line for people.</summary>
public sealed record OutboxMessage(string Destination, string Payload, string Summary);
