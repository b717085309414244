using System.Collections.Concurrent;
using FleetCast.Dashboard.Tabs.Insights;
using FleetCast.Forecasting.Tft;
using FleetCast.Server.Engine;

namespace FleetCast.Dashboard.Services;

/// <summary>Answers the Insights tab from the same in-process <see cref="ServerExplanations"/> the
/// explanation API uses. Explaining runs the model (a hundred milliseconds or more), so it runs off the
/// caller's thread; the shaped answer is kept per server for the snapshot version it was made for and
/// shared by every dashboard session, so opening the tab again shows it at once.</summary>
public sealed class InsightsService
{
    private readonly ForecasterSet _forecasters;
    private readonly ServerExplanations _explanations;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public InsightsService(ForecasterSet forecasters, ServerExplanations explanations)
    {
        _forecasters = forecasters;
        _explanations = explanations;
    }

    /// <summary>The answer when it needs no model run: a message (baseline, warm-up, unknown server) or
    /// an explanation already made for this snapshot version. Null when <see cref="ExplainAsync"/> must compute it.</summary>
    public InsightsResult? TryAnswer(PublishedSnapshot published, string? server)
    {
        ArgumentNullException.ThrowIfNull(published);
        if (Unavailable(published, server, out _) is { } message)
        {
            return message;
        }

        return _entries.TryGetValue(server!, out var entry) && Matches(entry, published, _forecasters.Primary) && entry.Work.Value.IsCompletedSuccessfully
            ? entry.Work.Value.Result
            : null;
    }

    /// <summary>Explains <paramref name="server"/> in <paramref name="published"/> on a worker thread
    /// (or answers with why it cannot). Concurrent requests for the same server and version share one run.</summary>
    public async Task<InsightsResult> ExplainAsync(PublishedSnapshot published, string? server)
    {
        ArgumentNullException.ThrowIfNull(published);
        if (Unavailable(published, server, out var tft) is { } message)
        {
            return message;
        }

        var name = server!;
        var detail = published.Details[name];
        var version = published.Snapshot.Version;
        var fresh = new Entry(version, tft!.Model, new Lazy<Task<InsightsResult>>(() => Task.Run(() =>
        {
            var explanation = _explanations.Explain(tft, detail, version);
            return InsightsResult.Explained(InsightsModel.From(explanation, detail, tft.Name), version);
        })));
        var entry = _entries.AddOrUpdate(name, fresh, (_, existing) => Matches(existing, published, tft) ? existing : fresh);
        try
        {
            return await entry.Work.Value.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A failed run is not kept: the next request tries again.
            _entries.TryRemove(new KeyValuePair<string, Entry>(name, entry));
            return InsightsResult.Unavailable(InsightsStatus.Failed, name, version, $"The model could not explain {name}'s forecast: {exception.Message}");
        }
    }

    private InsightsResult? Unavailable(PublishedSnapshot published, string? server, out TftForecaster? tft)
    {
        var snapshot = published.Snapshot;
        tft = null;
        if (!snapshot.ForecasterIsModel)
        {
            return InsightsResult.Baseline(snapshot.Forecaster, snapshot.Version);
        }

        var primary = _forecasters.Primary;
        var check = ExplanationCheck.Of(primary, published, server);
        tft = check.Model;
        return check.Block switch
        {
            ExplanationBlock.ForecasterCannotExplain => InsightsResult.Unavailable(InsightsStatus.NotExplainable, null, snapshot.Version,
                $"The running forecaster \"{primary.Name}\" does not provide explanations; explanations come from the TFT model's own internals, and none is made up in their place."),
            ExplanationBlock.NoServer => InsightsResult.Unavailable(InsightsStatus.NoServers, null, snapshot.Version, "No servers have reported yet."),
            ExplanationBlock.UnknownServer => InsightsResult.Unavailable(InsightsStatus.ServerUnavailable, server, snapshot.Version, $"No data for server {server}."),
            ExplanationBlock.NotForecastByModel when check.Detail is { } detail => InsightsResult.Unavailable(InsightsStatus.ServerUnavailable, server, snapshot.Version,
                $"{server} is forecast by \"{detail.Forecast?.Forecaster ?? detail.Row.Forecaster}\": the warm-up baseline serves until a full look-back has been reported " +
                $"({detail.FilledSteps} of {check.Model!.MinHistorySteps} steps so far), and the model explains only forecasts it made."),
            _ => null,
        };
    }

    private static bool Matches(Entry entry, PublishedSnapshot published, object primary) =>
        entry.Version == published.Snapshot.Version && primary is TftForecaster tft && ReferenceEquals(entry.Model, tft.Model);

    private sealed record Entry(long Version, TftModel Model, Lazy<Task<InsightsResult>> Work);
}
