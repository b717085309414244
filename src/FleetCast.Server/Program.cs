namespace FleetCast.Server;

internal static class AssemblyMarker;
