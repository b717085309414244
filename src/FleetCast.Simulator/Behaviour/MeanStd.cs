namespace FleetCast.Simulator.Behaviour;

/// <summary>A baseline level and the size of its fluctuation, in the metric's own unit.</summary>
internal readonly record struct MeanStd(double Mean, double Std);
