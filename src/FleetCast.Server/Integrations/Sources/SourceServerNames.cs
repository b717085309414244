using System.Text;
using FleetCast.Server.Ingest;

namespace FleetCast.Server.Integrations.Sources;

/// <summary>Server names taken from URLs and labels, made acceptable to ingest (<see cref="SampleValidator.ServerNameRule"/>).</summary>
public static class SourceServerNames
{
    public static bool IsValid(string name) => SampleValidator.ServerNameProblem(name) is null;

    /// <summary>Replaces every other character by '_' (an IPv6 host "[::1]:9100" becomes "_::1_:9100"), and a leading
    /// '-' or a name of only dots too.</summary>
    public static string Sanitize(string name)
    {
        var builder = new StringBuilder(Math.Min(name.Length, SampleValidator.MaxServerNameLength));
        foreach (var c in name.AsSpan(0, Math.Min(name.Length, SampleValidator.MaxServerNameLength)))
        {
            builder.Append(IsAllowed(c) ? c : '_');
        }

        if (builder.Length > 0 && builder[0] == '-')
        {
            builder[0] = '_';
        }

        return builder.ToString().AsSpan().IndexOfAnyExcept('.') < 0 ? builder.Replace('.', '_').ToString() : builder.ToString();
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-';
}
