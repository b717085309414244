using System.Text.RegularExpressions;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Samples;

namespace FleetCast.Server.Ingest;

/// <summary>
/// The ingest rules on typed samples: server name, timestamp (future skew against the caller's "now",
/// retention), profile and metric values. Errors are keyed by the paths of a <c>POST /api/v1/ingest</c>
/// body (<c>samples[i].metrics.cpu_user_pct</c>, <c>samples[i].timestamp</c>, ...) with the messages the
/// HTTP routes give, so the in-process simulator and the polled sources need no JSON round trip.
/// <see cref="IngestRequestParser"/> keeps the rules about JSON shape and calls these for the rest.
/// </summary>
public sealed partial class SampleValidator
{
    public const int MaxServerNameLength = 128;

    /// <summary>The server-name rule in one line, for messages elsewhere (sources, options, the command line).</summary>
    public const string ServerNameRule = "letters, digits, '.', '_', ':' and '-' (at most 128), not starting with '-' and not only dots";

    private const string ServerNameCharacters = "may contain only letters, digits, '.', '_', ':' and '-'";

    internal static readonly string KnownMetrics = string.Join(", ", MetricCatalog.All.Select(d => d.WireName));

    private readonly Func<DateTimeOffset?>? _oldestAccepted;

    /// <param name="oldestAccepted">The oldest timestamp storage keeps (retention counts back from the newest
    /// data time); older samples are rejected instead of being stored and deleted at the next cleanup.
    /// Null (or returning null) accepts any age.</param>
    public SampleValidator(IngestOptions? options = null, Func<DateTimeOffset?>? oldestAccepted = null)
    {
        Options = options ?? new IngestOptions();
        _oldestAccepted = oldestAccepted;
    }

    public IngestOptions Options { get; }

    /// <summary>Validates a batch as one <c>POST /api/v1/ingest</c> body would be: either every sample
    /// (timestamps normalised to UTC), or every error keyed by path (the batch is then rejected whole).</summary>
    public IngestParseResult Validate(IReadOnlyList<MetricSample> samples, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var errors = new IngestErrors(Options.MaxReportedErrors);
        if (!CheckCount(samples.Count, "samples", "sample", errors))
        {
            return IngestParseResult.Failure(errors.ToDictionary());
        }

        now = now.ToUniversalTime();
        var valid = new List<MetricSample>(samples.Count);
        for (var i = 0; i < samples.Count; i++)
        {
            if (ValidateSample(samples[i], $"samples[{i}]", now, errors) is { } sample)
            {
                valid.Add(sample);
            }
        }

        return errors.Any ? IngestParseResult.Failure(errors.ToDictionary()) : IngestParseResult.Success(valid);
    }

    private MetricSample? ValidateSample(MetricSample? sample, string path, DateTimeOffset now, IngestErrors errors)
    {
        if (sample is null)
        {
            errors.Add(path, "must be an object; got null");
            return null;
        }

        var time = sample.Timestamp.ToUniversalTime();
        var valid = CheckServer(sample.Server, $"{path}.server", errors);
        valid &= CheckTimestamp(time, $"{path}.timestamp", now, errors);
        valid &= sample.Profile is not { } profile || CheckProfile(profile, $"{path}.profile", errors);

        var metricsPath = $"{path}.metrics";
        if (sample.Values is not { } values)
        {
            errors.Add(metricsPath, "required");
            return null;
        }

        if (values.Length != MetricCatalog.Count)
        {
            errors.Add(metricsPath, $"must hold one value per catalog metric ({MetricCatalog.Count}); got {values.Length}");
            return null;
        }

        var present = 0;
        var metricsValid = true;
        foreach (var definition in MetricCatalog.All)
        {
            var value = values[definition.Index];
            if (!double.IsNaN(value))
            {
                // NaN is an absent metric, as a JSON null is.
                metricsValid &= CheckValue(definition, value, $"{metricsPath}.{definition.WireName}", errors);
                present++;
            }
        }

        valid &= metricsValid;
        if (present == 0)
        {
            errors.Add(metricsPath, $"must contain at least one metric; known: {KnownMetrics}");
            valid = false;
        }

        return !valid ? null : time == sample.Timestamp && time.Offset == sample.Timestamp.Offset ? sample : sample with { Timestamp = time };
    }

    /// <summary>The batch-size rule: at least one, at most <see cref="IngestOptions.MaxSamplesPerBatch"/>.</summary>
    internal bool CheckCount(int count, string listName, string itemName, IngestErrors errors)
    {
        if (count == 0)
        {
            errors.Add(listName, $"must contain at least one {itemName}");
            return false;
        }

        if (count > Options.MaxSamplesPerBatch)
        {
            errors.Add(listName, $"at most {Options.MaxSamplesPerBatch} per request; got {count}");
            return false;
        }

        return true;
    }

    /// <summary>A present value: finite, in range, plausible, whole where the metric counts things.</summary>
    internal static bool CheckValue(MetricDefinition definition, double value, string path, IngestErrors errors)
    {
        if (definition.Validate(value) is { } problem)
        {
            errors.Add(path, problem);
            return false;
        }

        return true;
    }

    internal static bool CheckServer(string? name, string path, IngestErrors errors)
    {
        if (name is null)
        {
            errors.Add(path, "required");
            return false;
        }

        if (ServerNameProblem(name) is { } problem)
        {
            errors.Add(path, problem);
            return false;
        }

        return true;
    }

    /// <summary>What is wrong with a server name, or null for a good one: 1–128 of letters, digits, '.', '_', ':' and
    /// '-', not starting with '-' (a CSV formula to a spreadsheet) and not only dots ('.' and '..' are path segments, so
    /// GET /api/v1/servers/{name} could never reach them).</summary>
    public static string? ServerNameProblem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            return "must not be empty";
        }

        if (name.Length > MaxServerNameLength)
        {
            return $"must be at most {MaxServerNameLength} characters; got {name.Length}";
        }

        if (!ServerNamePattern().IsMatch(name))
        {
            return ServerNameCharacters;
        }

        if (name[0] == '-')
        {
            return "must not start with '-'";
        }

        return name.AsSpan().IndexOfAnyExcept('.') < 0 ? "must not be only dots" : null;
    }

    /// <summary>A UTC timestamp against the caller's UTC "now" (future skew) and the retention window.</summary>
    internal bool CheckTimestamp(DateTimeOffset time, string path, DateTimeOffset now, IngestErrors errors)
    {
        var ahead = (time - now).TotalSeconds;
        if (ahead > Options.MaxFutureSkewSeconds)
        {
            errors.Add(path,
                $"{time:yyyy-MM-ddTHH:mm:ssZ} is {ahead:0} s ahead of the server clock ({now:yyyy-MM-ddTHH:mm:ssZ}); at most {Options.MaxFutureSkewSeconds} s is allowed");
            return false;
        }

        if (_oldestAccepted?.Invoke() is { } oldest && time < oldest)
        {
            errors.Add(path,
                $"{time:yyyy-MM-ddTHH:mm:ssZ} is older than the retention window: samples before {oldest.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} (Retention:Days before the newest data) are deleted");
            return false;
        }

        return true;
    }

    internal static bool CheckProfile(ServerProfile profile, string path, IngestErrors errors)
    {
        if (!Enum.IsDefined(profile))
        {
            errors.Add(path, $"unknown profile '{(int)profile}'; known: {string.Join(", ", ProfileNames.All.Select(ProfileNames.ToWire))}");
            return false;
        }

        return true;
    }

    // \z, not $: $ also matches before a final "\n".
    [GeneratedRegex(@"^[A-Za-z0-9._:-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex ServerNamePattern();
}
