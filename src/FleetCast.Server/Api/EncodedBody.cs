using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FleetCast.Server.Api;

/// <summary>Serves a body that was serialised and compressed ahead of time: picks brotli, gzip or
/// identity from Accept-Encoding, answers If-None-Match with 304, and never re-serialises.</summary>
public sealed class EncodedBody(byte[] json, byte[]? gzip, byte[]? brotli, string etag, string contentType = "application/json; charset=utf-8") : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        var response = httpContext.Response;
        response.Headers.ETag = etag;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.Headers.CacheControl = "no-cache";
        if (Matches(request.Headers.IfNoneMatch.ToString(), etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var encoding = ContentEncodingNegotiator.Choose(request.Headers.AcceptEncoding.ToString(), brotli is not null, gzip is not null);
        var body = encoding switch
        {
            "br" => brotli!,
            "gzip" => gzip!,
            _ => json,
        };
        if (encoding is not null)
        {
            response.Headers.ContentEncoding = encoding;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            await response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }

    private static bool Matches(string ifNoneMatch, string etag)
    {
        if (string.IsNullOrEmpty(ifNoneMatch))
        {
            return false;
        }

        foreach (var candidate in ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var tag = candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate;
            if (tag == "*" || tag == etag)
            {
                return true;
            }
        }

        return false;
    }
}
