namespace FleetCast.Forecasting.Baselines;

/// <summary>Quantiles of small residual samples without a full sort.</summary>
internal static class ResidualQuantiles
{
    /// <summary>Linearly interpolated quantile (Hyndman–Fan type 7). Reorders <paramref name="values"/>.</summary>
    public static float Quantile(Span<float> values, double q)
    {
        var position = q * (values.Length - 1);
        var lower = (int)Math.Floor(position);
        var fraction = (float)(position - lower);
        var low = Select(values, lower);
        if (fraction == 0f || lower + 1 >= values.Length)
        {
            return low;
        }

        // After selection everything right of `lower` is ≥ low; the next order statistic is their minimum.
        var next = float.PositiveInfinity;
        foreach (var v in values[(lower + 1)..])
        {
            next = Math.Min(next, v);
        }

        return low + (fraction * (next - low));
    }

    /// <summary>Hoare quickselect: returns the k-th smallest and leaves smaller values left of k, larger right.</summary>
    private static float Select(Span<float> values, int k)
    {
        var left = 0;
        var right = values.Length - 1;
        while (left < right)
        {
            var pivot = values[left + ((right - left) / 2)];
            var i = left;
            var j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                break;
            }
        }

        return values[k];
    }
}
