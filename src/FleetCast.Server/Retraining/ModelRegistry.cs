using System.Text.Json;
using FleetCast.Core.Json;
using FleetCast.Forecasting.Tft;
using FleetCast.Server.Engine;
using FleetCast.Server.Options;
using FleetCast.Server.Storage;
using Microsoft.Extensions.Logging;

namespace FleetCast.Server.Retraining;

/// <summary>The registry of model directories with their scores, and the one place that switches the serving
/// model: adopting a candidate and activating (rolling back to) any registered model load the directory first
/// and swap the engine's primary only after a successful load, as <c>POST /api/v1/admin/model/reload</c> does.</summary>
public sealed class ModelRegistry
{
    private readonly ModelRegistryStore _store;
    private readonly ForecasterSet _forecasters;
    private readonly ForecastOptions _forecast;
    private readonly TimeProvider _time;
    private readonly ILogger<ModelRegistry> _logger;
    private readonly SemaphoreSlim _switch = new(1, 1);

    public ModelRegistry(ModelRegistryStore store, ForecasterSet forecasters, ForecastOptions forecast, TimeProvider time, ILogger<ModelRegistry> logger)
    {
        _store = store;
        _forecasters = forecasters;
        _forecast = forecast;
        _time = time;
        _logger = logger;
    }

    /// <summary>All registered models, newest first.</summary>
    public IReadOnlyList<RegisteredModel> List() => _store.List().Select(ToView).ToArray();

    public RegisteredModel? Active => _store.GetActive() is { } record ? ToView(record) : null;

    /// <summary>At start: registers the model loaded from Forecast:ModelDir (once per directory) and makes it
    /// active when it is new or nothing is active; otherwise an earlier adopted or activated model stays
    /// active across the restart and is loaded in place of the configured one (when it loads).</summary>
    public async Task RegisterStartupAsync(CancellationToken cancellationToken = default)
    {
        if (_forecasters.ModelDirectory is not { } configured || !_forecasters.Primary.IsModel)
        {
            return;
        }

        var known = _store.List().FirstOrDefault(m => SamePath(m.Path, configured));
        var active = _store.GetActive();
        if (known is null)
        {
            var report = new ModelReport("configured", "serving", "The model Forecast:ModelDir named at start.", Training: Summary(_forecasters.Primary));
            _store.Register(Path.GetFileName(configured.TrimEnd(Path.DirectorySeparatorChar)), configured, _time.GetUtcNow(), Serialize(report), activate: true);
            _logger.LogInformation("Registered the configured model {Directory} as the active model.", configured);
            return;
        }

        if (active is null)
        {
            _store.Activate(known.Id);
            return;
        }

        if (active.Id != known.Id)
        {
            try
            {
                await SwitchToAsync(active, cancellationToken).ConfigureAwait(false);
                _logger.LogInformation("Serving model {Id} ({Directory}), the registry's active model, in place of the configured {Configured}.",
                    active.Id, active.Path, configured);
            }
            catch (ModelLoadException exception)
            {
                _logger.LogWarning("The registry's active model {Id} ({Directory}) does not load ({Reason}); serving the configured {Configured}.",
                    active.Id, active.Path, exception.Message, configured);
                _store.Activate(known.Id);
            }
        }
    }

    /// <summary>Records a candidate that is not served (a rejected one).</summary>
    public RegisteredModel Record(string name, string path, ModelReport report) =>
        ToView(_store.Register(name, path, _time.GetUtcNow(), Serialize(report), activate: false));

    /// <summary>Loads <paramref name="path"/>, serves it and registers it as the active model.</summary>
    /// <exception cref="ModelLoadException">It does not load; nothing changes.</exception>
    public async Task<RegisteredModel> AdoptAsync(string name, string path, ModelReport report, CancellationToken cancellationToken = default)
    {
        await _switch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var loaded = await Task.Run(() => ModelForecasters.Load(path, _forecast), cancellationToken).ConfigureAwait(false);
            var record = _store.Register(name, path, _time.GetUtcNow(), Serialize(report), activate: true);
            Serve(loaded, path);
            return ToView(record);
        }
        finally
        {
            _switch.Release();
        }
    }

    /// <summary>Serves registered model <paramref name="id"/> (rollback to an earlier model, or any other); null when no such model.</summary>
    /// <exception cref="ModelLoadException">Its directory does not load (moved, deleted, damaged); the serving model stays.</exception>
    public async Task<RegisteredModel?> ActivateAsync(long id, CancellationToken cancellationToken = default)
    {
        if (_store.Get(id) is not { } record)
        {
            return null;
        }

        await SwitchToAsync(record, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Activated model {Id} ({Directory}).", record.Id, record.Path);
        return ToView(_store.Get(id)!);
    }

    private async Task SwitchToAsync(ModelRecord record, CancellationToken cancellationToken)
    {
        await _switch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var loaded = await Task.Run(() => ModelForecasters.Load(record.Path, _forecast), cancellationToken).ConfigureAwait(false);
            _store.Activate(record.Id);
            Serve(loaded, record.Path);
        }
        finally
        {
            _switch.Release();
        }
    }

    private void Serve(TftForecaster loaded, string path)
    {
        // The previous primary is not disposed: the engine may be forecasting with it right now.
        _forecasters.Swap(loaded, path);
        ModelForecasters.InstallReloader(_forecasters, path, _forecast, _logger);
    }

    internal static TrainingSummary? Summary(Forecasting.IForecaster forecaster) =>
        forecaster is TftForecaster { Model.Manifest.Training: { } training } ? Summary(training) : null;

    internal static TrainingSummary Summary(TftTrainingReport training) =>
        new(training.Epochs, training.BestValidationLoss, training.TrainingSeconds, training.Servers, training.Days, training.StopReason);

    private static string Serialize(ModelReport report) => JsonSerializer.Serialize(report, FleetJson.Options);

    private RegisteredModel ToView(ModelRecord record)
    {
        ModelReport? report = null;
        if (record.ReportJson is { } json)
        {
            try
            {
                report = JsonSerializer.Deserialize<ModelReport>(json, FleetJson.Options);
            }
            catch (JsonException exception)
            {
                _logger.LogWarning("The report of model {Id} is not readable: {Reason}", record.Id, exception.Message);
            }
        }

        return new RegisteredModel(record.Id, record.Name, record.Path, record.CreatedAt, record.Active, report);
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
}
