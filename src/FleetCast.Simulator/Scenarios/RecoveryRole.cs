namespace FleetCast.Simulator.Scenarios;

/// <summary>Back to normal: the natural values, unchanged. Ramping into it is the recovery.</summary>
internal sealed class RecoveryRole : ScenarioRole
{
    public static RecoveryRole Instance { get; } = new();

    private RecoveryRole()
    {
    }

    public override void Shape(Span<double> values, Random random)
    {
    }
}
