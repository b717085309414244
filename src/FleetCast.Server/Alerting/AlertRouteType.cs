namespace FleetCast.Server.Alerting;

public enum AlertRouteType
{
    /// <summary>Prometheus Alertmanager: POST /api/v2/alerts with a JSON array of alerts.</summary>
    Alertmanager,

    /// <summary>Any HTTP endpoint: POST of one FleetCast JSON event per alert transition.</summary>
    Webhook,
}
