namespace FleetCast.Simulator.Behaviour;

internal static class RandomExtensions
{
    /// <summary>A standard normal draw (Box–Muller; uses two uniforms).</summary>
    public static double NextGaussian(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public static double NextUniform(this Random random, double min, double max) => min + (random.NextDouble() * (max - min));
}
