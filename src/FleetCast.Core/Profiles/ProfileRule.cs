using System.Text.RegularExpressions;

namespace FleetCast.Core.Profiles;

/// <summary>A server whose name matches <see cref="Pattern"/> gets <see cref="Profile"/>.</summary>
public sealed record ProfileRule(Regex Pattern, ServerProfile Profile)
{
    public static ProfileRule Create(string pattern, ServerProfile profile) =>
        new(new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromMilliseconds(50)), profile);
}
