using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace FleetCast.Server.Api;

/// <summary>Refuses a request that gives one of its route handler's query parameters more than once
/// (<c>?server=a&amp;server=b</c>) with a 400 naming it: minimal-API binding would read a string parameter as
/// "a,b" and an <c>int</c> one as not a valid value. A middleware rather than an endpoint filter, because binding
/// runs before filters.</summary>
public static class SingleQueryValues
{
    private static readonly ConcurrentDictionary<Endpoint, string[]> NamesByEndpoint = new();

    public static IApplicationBuilder UseSingleQueryValues(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var query = context.Request.Query;
            if (query.Count == 0 || context.GetEndpoint() is not { } endpoint)
            {
                return next(context);
            }

            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var name in NamesByEndpoint.GetOrAdd(endpoint, QueryParameterNames))
            {
                if (query.TryGetValue(name, out var values) && values.Count > 1)
                {
                    errors[name] = [$"'{name}' is given more than once ({values.Count} times); give it once."];
                }
            }

            return errors.Count == 0
                ? next(context)
                : Problems.Validation(errors, $"{string.Join(" ", errors.Values.Select(m => m[0]))} Nothing was changed.").ExecuteAsync(context);
        });

    /// <summary>The names of the handler's parameters that minimal APIs bind from the query string: simple values
    /// (strings, numbers, booleans, enums, anything with a static TryParse) that are not route values, or any
    /// parameter marked [FromQuery].</summary>
    internal static string[] QueryParameterNames(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } method)
        {
            return [];
        }

        var pattern = (endpoint as RouteEndpoint)?.RoutePattern;
        var names = new List<string>();
        foreach (var parameter in method.GetParameters())
        {
            var attributes = parameter.GetCustomAttributes(inherit: true);
            if (attributes.OfType<IFromQueryMetadata>().FirstOrDefault() is { } fromQuery)
            {
                names.Add(fromQuery.Name ?? parameter.Name!);
            }
            else if (parameter.Name is { } name && pattern?.GetParameter(name) is null && IsSimple(parameter.ParameterType)
                && !attributes.Any(a => a is IFromRouteMetadata or IFromBodyMetadata or IFromHeaderMetadata or IFromServiceMetadata or IFromFormMetadata))
            {
                names.Add(name);
            }
        }

        return [.. names];
    }

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) || type.IsPrimitive || type.IsEnum
            || type.GetMethods(BindingFlags.Public | BindingFlags.Static).Any(m => m.Name == "TryParse" && m.ReturnType == typeof(bool)
                && m.GetParameters() is [var text, .., var result] && text.ParameterType == typeof(string) && result.IsOut);
    }
}
