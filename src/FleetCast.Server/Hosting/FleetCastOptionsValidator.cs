using System.Net;
using FleetCast.Forecasting;
using FleetCast.Server.Alerting;
using FleetCast.Server.Integrations.Sources;
using FleetCast.Server.Options;
using FleetCast.Server.Remediation;
using Microsoft.Extensions.Options;

namespace FleetCast.Server.Hosting;

/// <summary>Checks every setting and reports all problems at once, each naming its setting.</summary>
public sealed class FleetCastOptionsValidator : IValidateOptions<FleetCastOptions>
{
    /// <summary>The names Forecast:PrimaryBaseline accepts: <see cref="ForecasterCatalog.Baselines"/>, listed alphabetically.</summary>
    public static readonly string[] KnownBaselines = [.. ForecasterCatalog.Baselines.Order(StringComparer.Ordinal)];

    public ValidateOptionsResult Validate(string? name, FleetCastOptions options)
    {
        var errors = Errors(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IReadOnlyList<string> Errors(FleetCastOptions options)
    {
        var errors = new List<string>();
        void Require(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(message);
            }
        }

        var s = options.Server;
        Require(s.Port is >= 0 and <= 65535, $"Server:Port must be between 0 and 65535; got {s.Port}.");
        Require(!string.IsNullOrWhiteSpace(s.DataDir), "Server:DataDir must not be empty.");
        Require(s.Bind is "*" or "0.0.0.0" or "localhost" || IPAddress.TryParse(s.Bind, out _), $"Server:Bind must be an IP address, 'localhost' or '*'; got '{s.Bind}'.");
        Require(s.StreamHeartbeatSeconds >= 1, $"Server:StreamHeartbeatSeconds must be at least 1; got {s.StreamHeartbeatSeconds}.");

        var f = options.Forecast;
        Require(f.StepSeconds >= 1, $"Forecast:StepSeconds must be at least 1; got {f.StepSeconds}.");
        Require(f.HorizonSteps >= 1, $"Forecast:HorizonSteps must be at least 1; got {f.HorizonSteps}.");
        Require(f.LookbackSteps >= 1, $"Forecast:LookbackSteps must be at least 1; got {f.LookbackSteps}.");
        Require(f.WindowSteps >= f.LookbackSteps, $"Forecast:WindowSteps ({f.WindowSteps}) must be at least Forecast:LookbackSteps ({f.LookbackSteps}).");
        Require(f.Threads >= 1, $"Forecast:Threads must be at least 1; got {f.Threads}.");
        Require(ForecasterCatalog.IsBaseline(f.PrimaryBaseline), $"Forecast:PrimaryBaseline must be one of {string.Join(", ", KnownBaselines)}; got '{f.PrimaryBaseline}'.");
        Require(f.StaleAfterSteps >= 1, $"Forecast:StaleAfterSteps must be at least 1; got {f.StaleAfterSteps}.");
        Require(f.HistoryEverySteps >= 1, $"Forecast:HistoryEverySteps must be at least 1; got {f.HistoryEverySteps}.");
        Require(f.PollMilliseconds is >= 10 and <= 60_000, $"Forecast:PollMilliseconds must be between 10 and 60000; got {f.PollMilliseconds}.");
        Require(f.StepNiceness is >= 0 and <= 19, $"Forecast:StepNiceness must be between 0 and 19; got {f.StepNiceness}.");
        Require(f.ShadowEverySteps >= 0, $"Forecast:ShadowEverySteps must be 0 (off) or more; got {f.ShadowEverySteps}.");
        Require(f.ShadowMaxServers >= 1, $"Forecast:ShadowMaxServers must be at least 1; got {f.ShadowMaxServers}.");
        Require(string.IsNullOrEmpty(f.ModelDir) || Directory.Exists(f.ModelDir), $"Forecast:ModelDir '{f.ModelDir}' does not exist.");

        var i = options.Ingest;
        Require(i.MaxBodyBytes >= 1024, $"Ingest:MaxBodyBytes must be at least 1024; got {i.MaxBodyBytes}.");
        Require(i.MaxFutureSkewSeconds >= 0, $"Ingest:MaxFutureSkewSeconds must not be negative; got {i.MaxFutureSkewSeconds}.");
        Require(i.MaxSamplesPerBatch >= 1, $"Ingest:MaxSamplesPerBatch must be at least 1; got {i.MaxSamplesPerBatch}.");

        var sim = options.Simulator;
        Require(sim.Servers is >= 1 and <= 100_000, $"Simulator:Servers must be between 1 and 100000; got {sim.Servers}.");
        Require(double.IsFinite(sim.Speed) && sim.Speed >= 0, $"Simulator:Speed must be 0 (real time) or a positive number of steps per second; got {sim.Speed}.");
        Require(sim.BackfillSteps >= 0, $"Simulator:BackfillSteps must not be negative; got {sim.BackfillSteps}.");
        Require(sim.CriticalIssueProbability is >= 0 and <= 0.1, $"Simulator:CriticalIssueProbability must be between 0 and 0.1; got {sim.CriticalIssueProbability}.");

        Require(options.Retention.Days >= 1, $"Retention:Days must be at least 1; got {options.Retention.Days}.");
        var pm = options.PredictionMetrics;
        Require(pm.MaxServers is >= 0 and <= 100_000, $"PredictionMetrics:MaxServers must be between 0 and 100000; got {pm.MaxServers}.");
        Require(pm.HorizonMinutes >= 1, $"PredictionMetrics:HorizonMinutes must be at least 1; got {pm.HorizonMinutes}.");
        Require(string.IsNullOrEmpty(options.Auth.ApiKeyFile) || File.Exists(options.Auth.ApiKeyFile), $"Auth:ApiKeyFile '{options.Auth.ApiKeyFile}' does not exist.");
        errors.AddRange(AlertingOptionsValidator.Errors(options.Alerting));
        errors.AddRange(SourcesOptionsValidator.Errors(options.Sources));
        errors.AddRange(RemediationOptionsValidator.Errors(options.Remediation));
        errors.AddRange(options.Retraining.Errors());
        return errors;
    }
}
