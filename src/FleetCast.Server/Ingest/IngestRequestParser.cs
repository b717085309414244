using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Samples;

namespace FleetCast.Server.Ingest;

/// <summary>
/// Turns an ingest body (either shape, see <see cref="IngestShape"/>) into validated samples, or into
/// every validation error keyed by JSON path. Absent (or null) metrics stay NaN, never 0. Timestamps are
/// ISO 8601 with an offset or Z, or unix seconds, normalised to UTC. This class keeps the rules about JSON
/// shape (malformed or non-UTF-8 bodies, duplicate or unknown properties, value kinds, size limits); the
/// rules about the values (server names, future skew against the caller's "now", retention, metric ranges)
/// are <see cref="SampleValidator"/>'s, which typed callers use directly.
/// </summary>
public sealed class IngestRequestParser
{
    private static readonly string KnownMetrics = SampleValidator.KnownMetrics;
    private static readonly string KnownProfiles = string.Join(", ", ProfileNames.All.Select(ProfileNames.ToWire));
    // A repeated property is an error, not "the last one wins": a body with two "samples" arrays would
    // otherwise drop the first without a word.
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16, AllowDuplicateProperties = false };
    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private readonly SampleValidator _validator;

    /// <param name="oldestAccepted">The oldest timestamp storage keeps (retention counts back from the newest
    /// data time); older samples are rejected instead of being stored and deleted at the next cleanup.
    /// Null (or returning null) accepts any age.</param>
    public IngestRequestParser(IngestOptions? options = null, Func<DateTimeOffset?>? oldestAccepted = null)
        : this(new SampleValidator(options, oldestAccepted))
    {
    }

    public IngestRequestParser(SampleValidator validator)
    {
        _validator = validator ?? throw new ArgumentNullException(nameof(validator));
    }

    public IngestOptions Options => _validator.Options;

    /// <summary>Reads at most <see cref="IngestOptions.MaxBodyBytes"/> from <paramref name="body"/> and parses it.</summary>
    public async Task<IngestParseResult> ParseAsync(Stream body, IngestShape shape, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        while (true)
        {
            var memory = buffer.GetMemory(64 * 1024);
            var read = await body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > Options.MaxBodyBytes)
            {
                return IngestParseResult.TooLarge(Options.MaxBodyBytes);
            }
        }

        return Parse(buffer.WrittenMemory, shape, now);
    }

    public IngestParseResult Parse(ReadOnlyMemory<byte> utf8Json, IngestShape shape, DateTimeOffset now)
    {
        if (utf8Json.Length > Options.MaxBodyBytes)
        {
            return IngestParseResult.TooLarge(Options.MaxBodyBytes);
        }

        // RFC 8259 lets a parser ignore a byte order mark, which some clients (PowerShell, Windows editors) write.
        if (utf8Json.Span.StartsWith(Utf8ByteOrderMark))
        {
            utf8Json = utf8Json[Utf8ByteOrderMark.Length..];
        }

        var errors = new IngestErrors(Options.MaxReportedErrors);
        if (utf8Json.IsEmpty)
        {
            errors.Add("$", "request body is empty; expected a JSON object");
            return IngestParseResult.Failure(errors.ToDictionary());
        }

        // JsonDocument checks UTF-8 only where it reads a string, by throwing a non-JSON exception then.
        if (!Utf8.IsValid(utf8Json.Span))
        {
            errors.Add("$", "request body is not valid UTF-8");
            return IngestParseResult.Failure(errors.ToDictionary());
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            errors.Add("$", DescribeMalformed(ex));
            return IngestParseResult.Failure(errors.ToDictionary());
        }

        using (document)
        {
            var samples = ParseRoot(document.RootElement, shape, now.ToUniversalTime(), errors);
            return errors.Any ? IngestParseResult.Failure(errors.ToDictionary()) : IngestParseResult.Success(samples);
        }
    }

    private List<MetricSample> ParseRoot(JsonElement root, IngestShape shape, DateTimeOffset now, IngestErrors errors)
    {
        var listName = shape == IngestShape.Samples ? "samples" : "records";
        var samples = new List<MetricSample>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", $"expected a JSON object with a '{listName}' array; got {Describe(root.ValueKind)}");
            return samples;
        }

        JsonElement? list = null;
        foreach (var property in root.EnumerateObject())
        {
            if (property.NameEquals(listName))
            {
                list = property.Value;
            }
            else
            {
                errors.Add(property.Name, $"unknown field '{property.Name}'; expected '{listName}'");
            }
        }

        if (list is not { } items)
        {
            errors.Add(listName, "required");
            return samples;
        }

        if (items.ValueKind != JsonValueKind.Array)
        {
            errors.Add(listName, $"must be an array; got {Describe(items.ValueKind)}");
            return samples;
        }

        var count = items.GetArrayLength();
        if (!_validator.CheckCount(count, listName, shape == IngestShape.Samples ? "sample" : "record", errors))
        {
            return samples;
        }

        samples.Capacity = count;
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var path = $"{listName}[{index}]";
            var sample = shape == IngestShape.Samples
                ? ParseSample(item, path, now, errors)
                : ParseRecord(item, path, now, errors);
            if (sample is not null)
            {
                samples.Add(sample);
            }

            index++;
        }

        return samples;
    }

    private MetricSample? ParseSample(JsonElement item, string path, DateTimeOffset now, IngestErrors errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"must be an object; got {Describe(item.ValueKind)}");
            return null;
        }

        JsonElement? server = null, timestamp = null, profile = null, metrics = null;
        foreach (var property in item.EnumerateObject())
        {
            switch (property.Name)
            {
                case "server": server = property.Value; break;
                case "timestamp": timestamp = property.Value; break;
                case "profile": profile = property.Value; break;
                case "metrics": metrics = property.Value; break;
                default:
                    errors.Add($"{path}.{property.Name}", $"unknown field '{property.Name}'; expected server, timestamp, profile, metrics");
                    break;
            }
        }

        var valid = TryParseServer(server, $"{path}.server", errors, out var serverName);
        valid &= TryParseTimestamp(timestamp, $"{path}.timestamp", now, errors, out var time);
        valid &= TryParseProfile(profile, $"{path}.profile", errors, out var serverProfile);

        var values = MetricSample.EmptyValues();
        var metricsPath = $"{path}.metrics";
        if (metrics is not { } metricsObject || metricsObject.ValueKind == JsonValueKind.Null)
        {
            errors.Add(metricsPath, "required");
            valid = false;
        }
        else if (metricsObject.ValueKind != JsonValueKind.Object)
        {
            errors.Add(metricsPath, $"must be an object of metric name to number; got {Describe(metricsObject.ValueKind)}");
            valid = false;
        }
        else
        {
            var present = 0;
            var metricsValid = true;
            foreach (var property in metricsObject.EnumerateObject())
            {
                metricsValid &= TryParseMetric(property, $"{metricsPath}.{property.Name}", values, errors, ref present);
            }

            valid &= metricsValid;
            if (present == 0 && metricsValid)
            {
                errors.Add(metricsPath, $"must contain at least one metric; known: {KnownMetrics}");
                valid = false;
            }
        }

        return valid ? new MetricSample(serverName!, time, serverProfile, values) : null;
    }

    private MetricSample? ParseRecord(JsonElement item, string path, DateTimeOffset now, IngestErrors errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"must be an object; got {Describe(item.ValueKind)}");
            return null;
        }

        JsonElement? server = null, timestamp = null, profile = null;
        var values = MetricSample.EmptyValues();
        var present = 0;
        var metricsValid = true;
        foreach (var property in item.EnumerateObject())
        {
            switch (property.Name)
            {
                case "server_name": server = property.Value; break;
                case "timestamp": timestamp = property.Value; break;
                case "profile": profile = property.Value; break;
                default:
                    metricsValid &= TryParseMetric(property, $"{path}.{property.Name}", values, errors, ref present);
                    break;
            }
        }

        var valid = metricsValid;
        valid &= TryParseServer(server, $"{path}.server_name", errors, out var serverName);
        valid &= TryParseTimestamp(timestamp, $"{path}.timestamp", now, errors, out var time);
        valid &= TryParseProfile(profile, $"{path}.profile", errors, out var serverProfile);
        if (present == 0 && metricsValid)
        {
            errors.Add(path, $"must contain at least one metric; known: {KnownMetrics}");
            valid = false;
        }

        return valid ? new MetricSample(serverName!, time, serverProfile, values) : null;
    }

    private static bool TryParseMetric(JsonProperty property, string path, double[] values, IngestErrors errors, ref int present)
    {
        if (!MetricCatalog.TryGet(property.Name, out var definition))
        {
            errors.Add(path, $"unknown metric '{property.Name}'; known: {KnownMetrics}");
            return false;
        }

        var value = property.Value;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        double number;
        if (value.ValueKind == JsonValueKind.Number)
        {
            number = value.TryGetDouble(out var parsed) ? parsed : double.PositiveInfinity;
        }
        else if (value.ValueKind == JsonValueKind.String && IsNonFiniteLiteral(value.GetString()))
        {
            number = double.NaN;
        }
        else
        {
            errors.Add(path, $"{definition.WireName} must be a JSON number; got {Describe(value.ValueKind)}");
            return false;
        }

        if (!double.IsNaN(values[definition.Index]))
        {
            errors.Add(path, $"{definition.WireName} appears more than once");
            return false;
        }

        if (!SampleValidator.CheckValue(definition, number, path, errors))
        {
            return false;
        }

        values[definition.Index] = number;
        present++;
        return true;
    }

    private static bool TryParseServer(JsonElement? element, string path, IngestErrors errors, out string? server)
    {
        server = null;
        if (element is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(path, "required");
            return false;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(path, $"must be a string; got {Describe(value.ValueKind)}");
            return false;
        }

        var name = value.GetString()!;
        if (!SampleValidator.CheckServer(name, path, errors))
        {
            return false;
        }

        server = name;
        return true;
    }

    private bool TryParseTimestamp(JsonElement? element, string path, DateTimeOffset now, IngestErrors errors, out DateTimeOffset time)
    {
        time = default;
        if (element is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(path, "required");
            return false;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            if (!value.TryGetDouble(out var seconds) || !double.IsFinite(seconds) || seconds < 0 || seconds > MaxUnixSeconds)
            {
                errors.Add(path, $"unix seconds must be a number between 0 and {MaxUnixSeconds}; got {value.GetRawText()}");
                return false;
            }

            time = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
        }
        else if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (!IsoTimestamp.TryParse(text, out time))
            {
                errors.Add(path, $"must be ISO 8601 with an offset or Z (e.g. {IsoTimestamp.Example}) or unix seconds; got '{Truncate(text)}'");
                return false;
            }
        }
        else
        {
            errors.Add(path, $"must be an ISO 8601 string or unix seconds; got {Describe(value.ValueKind)}");
            return false;
        }

        return _validator.CheckTimestamp(time, path, now, errors);
    }

    private static bool TryParseProfile(JsonElement? element, string path, IngestErrors errors, out ServerProfile? profile)
    {
        profile = null;
        if (element is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(path, $"must be a string; got {Describe(value.ValueKind)}");
            return false;
        }

        if (!ProfileNames.TryParse(value.GetString(), out var parsed))
        {
            errors.Add(path, $"unknown profile '{Truncate(value.GetString()!)}'; known: {KnownProfiles}");
            return false;
        }

        profile = parsed;
        return true;
    }

    private const double MaxUnixSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z

    private static bool IsNonFiniteLiteral(string? text) =>
        text is "NaN" or "Infinity" or "-Infinity" or "+Infinity" or "nan" or "inf" or "-inf" or "+inf";

    private static string DescribeMalformed(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        return ex.LineNumber is { } line && ex.BytePositionInLine is { } position
            ? $"malformed JSON at line {line + 1}, byte {position + 1}: {message}"
            : $"malformed JSON: {message}";
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
