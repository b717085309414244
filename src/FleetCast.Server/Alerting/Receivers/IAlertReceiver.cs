namespace FleetCast.Server.Alerting.Receivers;

/// <summary>One kind of destination: its route type name, where it is POSTed, how it is re-sent and the
/// body it expects. Adding a receiver is one implementation plus a line in <see cref="AlertReceivers"/>.</summary>
public interface IAlertReceiver
{
    /// <summary>The value of Alerting:Routes:N:Type that selects this receiver (lower case).</summary>
    string Type { get; }

    /// <summary>True: firing alerts are re-sent every Alerting:ResendSeconds so the receiver keeps them
    /// active (it expires them otherwise). False: they are repeated every route RepeatMinutes, for people.</summary>
    bool KeepsAlive { get; }

    /// <summary>True: one delivery per route, server and step holds all its alerts. False: one per alert.</summary>
    bool GroupsByServer { get; }

    /// <summary>True when the URL's path is itself the secret (Slack: /services/T…/B…/token), so it is
    /// never shown or logged.</summary>
    bool SecretInPath { get; }

    /// <summary>The URL POSTed to, from the configured one.</summary>
    Uri Target(Uri configuredUrl);

    /// <summary>The body for <paramref name="notification"/>, rendered when it is sent.</summary>
    string Render(AlertNotification notification, ReceiverContext context);
}
