namespace FleetCast.Simulator.Behaviour;

/// <summary>Independent AR(1) processes x_t = φ x_{t−1} + √(1−φ²) ε_t with unit stationary variance,
/// one per channel, so metrics wander smoothly instead of jumping every step.</summary>
internal sealed class Ar1Noise
{
    private readonly double[] _values;
    private readonly double _phi;
    private readonly double _innovation;

    public Ar1Noise(int channels, double phi, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(phi);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(phi, 1.0);
        _phi = phi;
        _innovation = Math.Sqrt(1 - (phi * phi));
        _values = new double[channels];
        for (var i = 0; i < channels; i++)
        {
            _values[i] = random.NextGaussian();
        }
    }

    public double this[int channel] => _values[channel];

    public void Advance(Random random)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            _values[i] = (_phi * _values[i]) + (_innovation * random.NextGaussian());
        }
    }
}
