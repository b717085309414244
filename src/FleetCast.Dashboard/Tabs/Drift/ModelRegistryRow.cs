using System.Globalization;
using FleetCast.Dashboard.Shared;
using FleetCast.Server.Retraining;

namespace FleetCast.Dashboard.Tabs.Drift;

/// <summary>One registered model as the registry table shows it.</summary>
public sealed record ModelRegistryRow(long Id, string Name, string Created, string Source, string Decision, string Pinball, string Coverage, string ServingPinball,
    string? Reason, bool Active)
{
    public static IReadOnlyList<ModelRegistryRow> From(IReadOnlyList<RegisteredModel> models) =>
    [
        .. models.Select(m => new ModelRegistryRow(
            m.Id,
            m.Name,
            DisplayFormat.DataTime(m.CreatedAt),
            m.Report?.Source ?? "–",
            m.Report?.Decision ?? "–",
            Number(m.Report?.HeldOut?.PinballMean),
            m.Report?.HeldOut is { } held ? DisplayFormat.Percent(held.Coverage80) : "–",
            Number(m.Report?.CurrentHeldOut?.PinballMean),
            m.Report?.Reason,
            m.Active)),
    ];

    private static string Number(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "–";
}
