namespace FleetCast.Dashboard.Tabs.Insights;

/// <summary>What the Insights tab can show for the chosen server.</summary>
public enum InsightsStatus
{
    /// <summary>The fleet is forecast by a baseline: there is no model to explain.</summary>
    Baseline,

    /// <summary>The running forecaster is a model that does not expose explanations.</summary>
    NotExplainable,

    /// <summary>No server has reported yet.</summary>
    NoServers,

    /// <summary>This server has no model forecast to explain (warming up, or unknown).</summary>
    ServerUnavailable,

    /// <summary>The model explained this server's forecast.</summary>
    Explained,

    /// <summary>Explaining failed; the message says why.</summary>
    Failed,
}
