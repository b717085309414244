using System.Text;
using System.Text.Json;

namespace FleetCast.Server.Alerting.Receivers;

/// <summary>Writes a JSON body with a <see cref="Utf8JsonWriter"/>.</summary>
internal static class JsonBody
{
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
