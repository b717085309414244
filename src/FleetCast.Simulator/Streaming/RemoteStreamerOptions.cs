namespace FleetCast.Simulator.Streaming;

/// <summary>Where and how <see cref="RemoteStreamer"/> sends samples.</summary>
public sealed record RemoteStreamerOptions
{
    /// <summary>Base address of the remote FleetCast server (e.g. http://fleetcast:8080/); samples go
    /// to <c>api/v1/ingest</c> under it.</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>Sent as the X-API-Key header when set.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Largest number of samples in one POST; a larger step is split into several batches,
    /// sent in order.</summary>
    public int MaxBatchSize { get; init; } = 5000;

    /// <summary>Retries of one batch before giving up (the batch is then reported, never skipped).</summary>
    public int MaxRetryAttempts { get; init; } = 10;

    /// <summary>First backoff delay; it doubles per retry (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit for one POST attempt; an attempt that takes longer is retried.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public Uri IngestUri => new(BaseAddress, "api/v1/ingest");

    /// <summary>Every problem with these options, naming the field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!BaseAddress.IsAbsoluteUri || (BaseAddress.Scheme != Uri.UriSchemeHttp && BaseAddress.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{nameof(BaseAddress)} must be an absolute http or https address; got '{BaseAddress}'.");
        }

        if (MaxBatchSize < 1)
        {
            errors.Add($"{nameof(MaxBatchSize)} must be at least 1; got {MaxBatchSize}.");
        }

        if (MaxRetryAttempts < 0)
        {
            errors.Add($"{nameof(MaxRetryAttempts)} must not be negative; got {MaxRetryAttempts}.");
        }

        if (InitialRetryDelay <= TimeSpan.Zero || MaxRetryDelay < InitialRetryDelay)
        {
            errors.Add($"{nameof(InitialRetryDelay)} must be positive and at most {nameof(MaxRetryDelay)}; got {InitialRetryDelay} and {MaxRetryDelay}.");
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(RequestTimeout)} must be positive; got {RequestTimeout}.");
        }

        return errors;
    }
}
