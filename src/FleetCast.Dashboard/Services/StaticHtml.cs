using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FleetCast.Dashboard.Services;

/// <summary>Renders a read-only component (no event handlers) to HTML once, for markup that many sessions
/// show unchanged (a table of one snapshot's history): each session's render tree then holds one string
/// instead of a frame per element and attribute, and the browser inserts it with one HTML parse instead
/// of creating every element from script. The component's scoped CSS still applies (its scope attribute
/// is part of the HTML).</summary>
public sealed class StaticHtml(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    private readonly ConcurrentDictionary<Type, Lazy<Task<MarkupString>>> _constant = new();

    /// <summary>A component without parameters whose output never changes while the server runs (it
    /// renders from singletons such as the threshold table): rendered once, then shared.</summary>
    public Task<MarkupString> GetOrRenderAsync<TComponent>()
        where TComponent : IComponent =>
        _constant.GetOrAdd(typeof(TComponent), _ => new Lazy<Task<MarkupString>>(() => RenderAsync<TComponent>(new Dictionary<string, object?>()))).Value;

    public async Task<MarkupString> RenderAsync<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        // A renderer keeps every root component it rendered until it is disposed: one per render, in a
        // scope of its own (a renderer resolves scoped services). Continuations do not come back to the
        // caller's context, so Render can wait for them from a session's dispatcher.
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
            await using (renderer.ConfigureAwait(false))
            {
                var html = await renderer.Dispatcher.InvokeAsync(async () =>
                    (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString()).ConfigureAwait(false);
                return new MarkupString(html);
            }
        }
    }

    /// <summary>For a component that renders synchronously (no async lifecycle methods), from code that
    /// cannot wait asynchronously (a tab building its view): the render itself finishes before this
    /// returns.</summary>
    public MarkupString Render<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent =>
        RenderAsync<TComponent>(parameters).GetAwaiter().GetResult();
}
