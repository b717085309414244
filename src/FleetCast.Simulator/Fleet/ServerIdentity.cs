using FleetCast.Core.Profiles;

namespace FleetCast.Simulator.Fleet;

/// <summary>Who a simulated server is: its place in the fleet, name, profile and temperament.</summary>
/// <param name="Index">Position in the fleet (0-based, fleet order).</param>
/// <param name="IsProblemChild">More likely to go critical and, once critical, offline.</param>
internal sealed record ServerIdentity(int Index, string Name, ServerProfile Profile, bool IsProblemChild);
