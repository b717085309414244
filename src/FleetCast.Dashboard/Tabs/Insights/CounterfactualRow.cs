namespace FleetCast.Dashboard.Tabs.Insights;

/// <summary>One "what if" of the Insights tab: the edit of a metric's history and the risk the model's
/// forecast scores before and after it.</summary>
public sealed record CounterfactualRow(string Metric, string Edit, double RiskBefore, double RiskAfter, string Sentence)
{
    public double Change => RiskAfter - RiskBefore;
}
