namespace FleetCast.Forecasting.Baselines;

/// <summary>Quantiles of small residual samples without a full sort.</summary>
internal static class ResidualQuantiles
{
    /// <summary>Most order statistics kept per tail by <see cref="TailQuantiles"/> before it falls back to selection.</summary>
    private const int TailLimit = 8;

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

    /// <summary>The <paramref name="lowQ"/> and <paramref name="highQ"/> quantiles (type 7, as <see cref="Quantile"/>)
    /// of the same sample. For tail quantiles of small samples (the band case: 0.1 and 0.9 of about 48
    /// residuals) it keeps only the few smallest and largest values in one pass with predictable branches,
    /// instead of two quickselects; the order statistics, and so the results, are the same. Does not modify
    /// <paramref name="values"/> on that path; otherwise falls back to <see cref="Quantile"/> (which reorders).</summary>
    public static (float Low, float High) TailQuantiles(Span<float> values, double lowQ, double highQ)
    {
        var n = values.Length;
        var lowPosition = lowQ * (n - 1);
        var highPosition = highQ * (n - 1);
        var lowIndex = (int)Math.Floor(lowPosition);
        var highIndex = (int)Math.Floor(highPosition);

        // smallest[k] is the k-th smallest (0-based); largest[j] is the (n − 1 − j)-th smallest.
        var smallestNeeded = Math.Min(lowIndex + 2, n);
        var largestNeeded = n - highIndex;
        if (n < 2 || smallestNeeded > TailLimit || largestNeeded > TailLimit)
        {
            var fallbackLow = Quantile(values, lowQ);
            return (fallbackLow, Quantile(values, highQ));
        }

        Span<float> smallest = stackalloc float[TailLimit];
        Span<float> largest = stackalloc float[TailLimit];
        var small = 0;
        var large = 0;
        foreach (var v in values)
        {
            small = InsertAscending(smallest, small, smallestNeeded, v);
            large = InsertDescending(largest, large, largestNeeded, v);
        }

        var lowFraction = (float)(lowPosition - lowIndex);
        var low = smallest[lowIndex];
        if (lowFraction != 0f && lowIndex + 1 < n)
        {
            low += lowFraction * (smallest[lowIndex + 1] - low);
        }

        var highFraction = (float)(highPosition - highIndex);
        var high = largest[n - 1 - highIndex];
        if (highFraction != 0f && highIndex + 1 < n)
        {
            high += highFraction * (largest[n - 2 - highIndex] - high);
        }

        return (low, high);
    }

    /// <summary>Keeps the <paramref name="capacity"/> smallest values seen so far in ascending order.</summary>
    private static int InsertAscending(Span<float> kept, int count, int capacity, float v)
    {
        if (count == capacity)
        {
            if (!(v < kept[count - 1]))
            {
                return count;
            }

            count--;
        }

        var i = count;
        while (i > 0 && kept[i - 1] > v)
        {
            kept[i] = kept[i - 1];
            i--;
        }

        kept[i] = v;
        return count + 1;
    }

    /// <summary>Keeps the <paramref name="capacity"/> largest values seen so far in descending order.</summary>
    private static int InsertDescending(Span<float> kept, int count, int capacity, float v)
    {
        if (count == capacity)
        {
            if (!(v > kept[count - 1]))
            {
                return count;
            }

            count--;
        }

        var i = count;
        while (i > 0 && kept[i - 1] < v)
        {
            kept[i] = kept[i - 1];
            i--;
        }

        kept[i] = v;
        return count + 1;
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
