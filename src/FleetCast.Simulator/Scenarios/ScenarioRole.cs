namespace FleetCast.Simulator.Scenarios;

/// <summary>What a scenario does to one server's metrics once fully ramped in. <see cref="Shape"/>
/// receives the server's natural values (catalog order) and rewrites the ones the role controls.</summary>
internal abstract class ScenarioRole
{
    public abstract void Shape(Span<double> values, Random random);
}
