using System.Net;

namespace FleetCast.Simulator.Streaming;

/// <summary>A batch the remote server would not take: rejected outright (4xx other than 408/429), or
/// still failing after every retry. The batch was not acknowledged; nothing after it was sent.</summary>
public sealed class RemoteIngestException : Exception
{
    public RemoteIngestException(string message, HttpStatusCode? statusCode, string? responseBody, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ResponseBody = responseBody;
    }

    /// <summary>The last HTTP status, or null when the server could not be reached.</summary>
    public HttpStatusCode? StatusCode { get; }

    public string? ResponseBody { get; }
}
