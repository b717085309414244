using FleetCast.Core.Metrics;
using FleetCast.Server.Integrations.Sources;

namespace FleetCast.Server.Tests.Integrations.Sources;

public sealed class PrometheusQuerySourceTests
{
    [Fact]
    public void ReadVector_InstantVector_LabelsAndValues()
    {
        const string Body = """
            {"status":"success","data":{"resultType":"vector","result":[
              {"metric":{"instance":"10.0.0.1:9100","profile":"database"},"value":[1700000000.5,"42.5"]},
              {"metric":{"instance":"10.0.0.2:9100"},"value":[1700000000.5,"NaN"]}]}}
            """;

        var results = PrometheusQuerySource.ReadVector(Body, 200).ToList();

        Assert.Equal(2, results.Count);
        Assert.Equal("10.0.0.1:9100", results[0].Labels["instance"]);
        Assert.Equal("database", results[0].Labels["profile"]);
        Assert.Equal(42.5, results[0].Value);
        Assert.True(double.IsNaN(results[1].Value));
    }

    [Fact]
    public void ReadVector_ErrorAnswer_ThrowsWithPrometheusText()
    {
        const string Body = """{"status":"error","errorType":"bad_data","error":"invalid parameter \"query\": parse error"}""";

        var ex = Assert.Throws<InvalidDataException>(() => PrometheusQuerySource.ReadVector(Body, 400).ToList());

        Assert.Equal("Prometheus answered 400: invalid parameter \"query\": parse error", ex.Message);
    }

    [Fact]
    public void Queries_Selector_AppearsInEverySeriesAndAggregatesByNameAndProfile()
    {
        var queries = new PrometheusQueries("{job=\"node\"}", "instance", "/", 60);

        Assert.Equal(12, queries.All.Count);
        Assert.DoesNotContain(queries.All, q => q.Metric is Metric.JavaCpuPct or Metric.FrontCloseWait);
        var load = queries.All.Single(q => q.Metric == Metric.LoadAverage).Expression;
        Assert.Equal("max by (instance, profile) (node_load1{job=\"node\"})", load);
        var user = queries.All.Single(q => q.Metric == Metric.CpuUserPct).Expression;
        Assert.Contains("node_cpu_seconds_total{job=\"node\",mode=~\"user|nice\"}[60s]", user, StringComparison.Ordinal);
    }
}
