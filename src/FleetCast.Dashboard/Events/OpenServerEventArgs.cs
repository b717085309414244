namespace FleetCast.Dashboard.Events;

/// <summary>A click inside markup whose server links carry <c>data-open-server</c> (markup rendered once
/// as HTML for every session, so no link has a handler of its own). <see cref="Server"/> is the clicked
/// link's server, or null when the click was elsewhere in the container.</summary>
public sealed class OpenServerEventArgs : EventArgs
{
    public string? Server { get; set; }
}
