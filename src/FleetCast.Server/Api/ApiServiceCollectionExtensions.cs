using System.Text.Json.Serialization;
using FleetCast.Core.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FleetCast.Server.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>What the endpoints share: problem details (binding failures included), FleetCast's JSON settings, response compression,
    /// the OpenAPI document and the compat predictions cache.</summary>
    public static IServiceCollection AddFleetCastApi(this IServiceCollection services)
    {
        services.TryAddSingleton<CompatPredictionsCache>();
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = RequireJsonFilter.Customize);
        services.ConfigureHttpJsonOptions(CopyJsonOptions);
        // A body that does not bind throws, so BadRequestProblemHandler can say which property or parameter was wrong.
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestProblemHandler>();
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
        // {"who":"alice","who":"mallory"} is refused, as ingest does, rather than read as whichever comes last.
        json.SerializerOptions.AllowDuplicateProperties = false;
        // {"server":"a","severity":"critical"} on a silence is refused: ignored, it would silence all of server a.
        json.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        foreach (var converter in source.Converters)
        {
            json.SerializerOptions.Converters.Add(converter);
        }
    }
}
