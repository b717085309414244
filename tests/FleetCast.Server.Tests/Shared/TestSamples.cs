using System.Globalization;
using System.Text;
using FleetCast.Core.Metrics;
using FleetCast.Core.Samples;

namespace FleetCast.Server.Tests.Shared;

/// <summary>Builds ingest bodies and aligned times for the API tests.</summary>
public static class TestSamples
{
    public const int StepSeconds = 300;

    /// <summary>An aligned step time <paramref name="stepsAgo"/> steps before now.</summary>
    public static DateTimeOffset StepsAgo(int stepsAgo)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return DateTimeOffset.FromUnixTimeSeconds((now / StepSeconds * StepSeconds) - ((long)stepsAgo * StepSeconds));
    }

    public static MetricSample Healthy(string server, DateTimeOffset at, double memory = 50, double idle = 70)
    {
        var values = MetricSample.EmptyValues();
        values[(int)Metric.CpuUserPct] = 20;
        values[(int)Metric.CpuSysPct] = 5;
        values[(int)Metric.CpuIowaitPct] = 2;
        values[(int)Metric.CpuIdlePct] = idle;
        values[(int)Metric.MemUsedPct] = memory;
        values[(int)Metric.SwapUsedPct] = 1;
        values[(int)Metric.DiskUsagePct] = 40;
        values[(int)Metric.LoadAverage] = 1.5;
        return new MetricSample(server, at, null, values);
    }

    /// <summary>An ingest body with the given servers over <paramref name="steps"/> steps ending at <paramref name="last"/>.</summary>
    public static string Body(IEnumerable<string> servers, DateTimeOffset last, int steps, double memory = 50)
    {
        var items = new List<string>();
        for (var s = steps - 1; s >= 0; s--)
        {
            var at = last.AddSeconds(-(double)s * StepSeconds).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            foreach (var server in servers)
            {
                items.Add($$$"""{"server":"{{{server}}}","timestamp":"{{{at}}}","metrics":{"cpu_user_pct":20,"cpu_sys_pct":5,"cpu_iowait_pct":2,"cpu_idle_pct":70,"mem_used_pct":{{{memory.ToString(CultureInfo.InvariantCulture)}}},"swap_used_pct":1,"disk_usage_pct":40,"load_average":1.5}}""");
            }
        }

        return "{\"samples\":[" + string.Join(",", items) + "]}";
    }

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
