namespace FleetCast.Simulator.Fleet;

/// <summary>Derives independent, reproducible seeds from the fleet seed (SplitMix64 finaliser), so
/// each server and each purpose gets its own <see cref="Random"/> stream without shared state.</summary>
internal static class SeedMixer
{
    public static int Derive(int seed, int index, int purpose)
    {
        unchecked
        {
            var x = ((ulong)(uint)seed << 32) ^ ((ulong)(uint)index * 0x9E3779B97F4A7C15UL) ^ ((ulong)(uint)purpose << 17);
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            x ^= x >> 31;
            return (int)(x & 0x7FFFFFFF);
        }
    }

    public static Random Create(int seed, int index, int purpose) => new(Derive(seed, index, purpose));
}
