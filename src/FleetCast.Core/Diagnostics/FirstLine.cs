using System.Diagnostics.CodeAnalysis;

namespace FleetCast.Core.Diagnostics;

/// <summary>The first line of an error message for a response. A native (libtorch) message runs on with stack frames
/// and source paths: nothing a client can act on, and a map of the installation for anyone else. The full message
/// stays in the logs.</summary>
public static class FirstLine
{
    /// <returns>The first line that is not blank, trimmed; a one-line message as it is; null for null.</returns>
    [return: NotNullIfNotNull(nameof(message))]
    public static string? Of(string? message)
    {
        if (message is null)
        {
            return null;
        }

        foreach (var line in message.AsSpan().EnumerateLines())
        {
            var trimmed = line.Trim();
            if (!trimmed.IsEmpty)
            {
                return trimmed.Length == message.Length ? message : trimmed.ToString();
            }
        }

        return message.Trim();
    }
}
