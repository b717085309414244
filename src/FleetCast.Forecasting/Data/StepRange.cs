namespace FleetCast.Forecasting.Data;

/// <summary>Steps [Start, End) of a dataset.</summary>
public readonly record struct StepRange
{
    public StepRange(int start, int end)
    {
        if (start < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, "start must not be negative.");
        }

        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, "end must not be before start.");
        }

        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; }

    public int Length => End - Start;

    /// <summary>True when every step of [first, first + count) lies inside the range.</summary>
    public bool Contains(int first, int count) => first >= Start && first + count <= End;
}
