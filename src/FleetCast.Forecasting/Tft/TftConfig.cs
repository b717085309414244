namespace FleetCast.Forecasting.Tft;

/// <summary>Shape of a Temporal Fusion Transformer. The defaults stay under 1 M parameters.</summary>
public sealed record TftConfig
{
    public int LookbackSteps { get; init; } = 96;

    public int HorizonSteps { get; init; } = 96;

    /// <summary>Steps between a value and its "same time one season earlier" input (288 = one day of
    /// 5-minute steps). The model reads, for every look-back and horizon step, each metric's value this
    /// many steps earlier, so it needs <see cref="LookbackSteps"/> + this many steps of history.</summary>
    public int SeasonSteps { get; init; } = 288;

    public int HiddenSize { get; init; } = 32;

    /// <summary>Size of each input variable's embedding and of its own GRN's hidden layer (the
    /// "hidden continuous size"); much smaller than <see cref="HiddenSize"/> to keep the per-variable work cheap.</summary>
    public int VariableSize { get; init; } = 8;

    public int AttentionHeads { get; init; } = 4;

    public int LstmLayers { get; init; } = 1;

    public double Dropout { get; init; } = 0.1;

    /// <summary>Predicted quantiles, strictly increasing; must contain 0.1, 0.5 and 0.9.</summary>
    public double[] Quantiles { get; init; } = [0.1, 0.5, 0.9];

    /// <summary>Steps of history the model reads: the look-back and one season before it.</summary>
    public int HistorySteps => LookbackSteps + SeasonSteps;

    /// <summary>Throws an <see cref="ArgumentException"/> naming every invalid field.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (LookbackSteps < 2)
        {
            errors.Add($"{nameof(LookbackSteps)} must be at least 2; got {LookbackSteps}.");
        }

        if (HorizonSteps < 1)
        {
            errors.Add($"{nameof(HorizonSteps)} must be at least 1; got {HorizonSteps}.");
        }

        if (SeasonSteps < HorizonSteps)
        {
            errors.Add($"{nameof(SeasonSteps)} must be at least {nameof(HorizonSteps)} ({HorizonSteps}); got {SeasonSteps}.");
        }

        if (HiddenSize < 4)
        {
            errors.Add($"{nameof(HiddenSize)} must be at least 4; got {HiddenSize}.");
        }

        if (VariableSize < 1)
        {
            errors.Add($"{nameof(VariableSize)} must be at least 1; got {VariableSize}.");
        }

        if (AttentionHeads < 1 || HiddenSize % Math.Max(1, AttentionHeads) != 0)
        {
            errors.Add($"{nameof(AttentionHeads)} must be at least 1 and divide {nameof(HiddenSize)} ({HiddenSize}); got {AttentionHeads}.");
        }

        if (LstmLayers < 1)
        {
            errors.Add($"{nameof(LstmLayers)} must be at least 1; got {LstmLayers}.");
        }

        if (Dropout is < 0 or >= 1 || double.IsNaN(Dropout))
        {
            errors.Add($"{nameof(Dropout)} must be in [0, 1); got {Dropout}.");
        }

        if (Quantiles is null || Quantiles.Length == 0)
        {
            errors.Add($"{nameof(Quantiles)} must not be empty.");
        }
        else
        {
            for (var i = 0; i < Quantiles.Length; i++)
            {
                if (Quantiles[i] is <= 0 or >= 1 || (i > 0 && Quantiles[i] <= Quantiles[i - 1]))
                {
                    errors.Add($"{nameof(Quantiles)} must be strictly increasing values in (0, 1); got [{string.Join(", ", Quantiles)}].");
                    break;
                }
            }

            foreach (var required in new[] { 0.1, 0.5, 0.9 })
            {
                if (!Quantiles.Any(q => Math.Abs(q - required) < 1e-9))
                {
                    errors.Add($"{nameof(Quantiles)} must contain {required}.");
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid TFT configuration: " + string.Join(" ", errors));
        }
    }
}
