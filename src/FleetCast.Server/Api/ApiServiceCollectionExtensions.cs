using FleetCast.Core.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FleetCast.Server.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>What the endpoints share: problem details, FleetCast's JSON settings, response compression,
    /// the OpenAPI document and the compat predictions cache.</summary>
    public static IServiceCollection AddFleetCastApi(this IServiceCollection services)
    {
        services.TryAddSingleton<CompatPredictionsCache>();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(CopyJsonOptions);
        services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
            compression.MimeTypes = ["application/json", "application/problem+json", "text/csv", "text/html"];
        });
        services.AddOpenApi();
        return services;
    }

    private static void CopyJsonOptions(JsonOptions json)
    {
        var source = FleetJson.Options;
        json.SerializerOptions.PropertyNamingPolicy = source.PropertyNamingPolicy;
        json.SerializerOptions.DictionaryKeyPolicy = source.DictionaryKeyPolicy;
        json.SerializerOptions.DefaultIgnoreCondition = source.DefaultIgnoreCondition;
        json.SerializerOptions.Encoder = source.Encoder;
        json.SerializerOptions.NumberHandling = source.NumberHandling;
        foreach (var converter in source.Converters)
        {
            json.SerializerOptions.Converters.Add(converter);
        }
    }
}
