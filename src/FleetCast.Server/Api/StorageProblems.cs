using System.Globalization;
using FleetCast.Server.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FleetCast.Server.Api;

/// <summary>Problem details for a storage fault: on a refused write (with Retry-After) and on <c>/readyz</c>.
/// They name the reason, never the file: the path is in the server's log.</summary>
public static class StorageProblems
{
    /// <summary>A full disk needs a person to free space; an I/O error may pass by itself.</summary>
    public static int RetryAfterSeconds(StorageFault fault) => fault.Kind == StorageFaultKind.Full ? 60 : 10;

    public static ProblemHttpResult WriteFailed(HttpResponse response, StorageFault fault)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(fault);
        var retry = RetryAfterSeconds(fault);
        response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
        return Problems.Of(fault.Kind == StorageFaultKind.Full ? ProblemTypes.StorageFull : ProblemTypes.StorageIoError,
            $"The batch was not stored: {fault.Summary}. Nothing of it was applied; send it again after Retry-After "
            + "(FleetCast takes data again as soon as a write succeeds).",
            new Dictionary<string, object?> { ["reason"] = fault.Reason, ["retryAfterSeconds"] = retry });
    }

    public static ProblemHttpResult NotReady(StorageFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return Problems.Of(ProblemTypes.StorageNotWritable,
            $"Not ready: storage cannot be written ({fault.Summary}) since {fault.At.ToString("O", CultureInfo.InvariantCulture)}.",
            new Dictionary<string, object?> { ["component"] = "storage", ["reason"] = fault.Reason, ["since"] = fault.At });
    }
}
