using System.Globalization;
using FleetCast.Core.Datasets;
using FleetCast.Core.Metrics;

namespace FleetCast.Server.Storage;

/// <summary>How much stored history training needs: at least <see cref="MinServers"/> servers that each
/// reported on at least <see cref="MinDays"/> days' worth of steps.</summary>
public sealed record DataSufficiency(int MinServers, double MinDays)
{
    /// <summary>Null when <paramref name="dataset"/> is enough, otherwise what is missing, in words.</summary>
    public string? Check(FleetDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var days = dataset.Servers.Select(s => ReportedDays(s, dataset.StepSeconds)).ToArray();
        var enough = days.Count(d => d >= MinDays);
        if (enough >= MinServers)
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"Training on stored samples needs ≥ {MinServers} servers with ≥ {MinDays:0.##} days of samples each; found {enough} such server{(enough == 1 ? "" : "s")} of {dataset.Servers.Count} stored (the most any server has is {(days.Length == 0 ? 0 : days.Max()):0.##} days).");
    }

    /// <summary>Throws <see cref="InsufficientDataException"/> naming what is missing.</summary>
    public void Ensure(FleetDataset dataset)
    {
        if (Check(dataset) is { } problem)
        {
            throw new InsufficientDataException(problem);
        }
    }

    /// <summary>Days' worth of steps on which the server reported at least one metric.</summary>
    public static double ReportedDays(ServerSeries series, int stepSeconds)
    {
        ArgumentNullException.ThrowIfNull(series);
        var reported = 0;
        for (var t = 0; t < series.Length; t++)
        {
            var row = series.Values.AsSpan(t * MetricCatalog.Count, MetricCatalog.Count);
            foreach (var value in row)
            {
                if (float.IsFinite(value))
                {
                    reported++;
                    break;
                }
            }
        }

        return reported * (double)stepSeconds / 86_400;
    }
}

/// <summary>The stored samples are not enough to train on; the message says what is missing.</summary>
public sealed class InsufficientDataException(string message) : Exception(message);
