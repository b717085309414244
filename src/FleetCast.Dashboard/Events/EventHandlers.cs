using Microsoft.AspNetCore.Components;

namespace FleetCast.Dashboard.Events;

/// <summary>The dashboard's own DOM events (Razor finds them on a public class of exactly this name). The
/// browser side registers each one when Blazor's script has loaded and before it starts the circuit
/// (App.razor).</summary>
[EventHandler("onopenserver", typeof(OpenServerEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers
{
}
