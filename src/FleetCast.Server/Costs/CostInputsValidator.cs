using System.Globalization;
using FleetCast.Core.Costs;

namespace FleetCast.Server.Costs;

/// <summary>Checks cost inputs before anything is stored; every problem is reported at once, keyed by the field's JSON name.</summary>
public static class CostInputsValidator
{
    /// <summary>A billion an hour: far above any real outage, low enough that no estimate can overflow.</summary>
    public const double MaxCostPerHour = 1e9;
    public const double MaxOutageHours = 24 * 365;
    public const int MaxCurrencyLength = 8;

    /// <param name="inputs">The valid inputs (trimmed currency), or null when there are errors.</param>
    public static Dictionary<string, string[]> Errors(CostInputsRequest? request, out CostInputs? inputs)
    {
        inputs = null;
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            errors["body"] = ["A JSON body with 'costPerHour', 'outageHours' and 'shareActedOn' is required."];
            return errors;
        }

        Check(request.CostPerHour, "costPerHour", "the cost of one hour of outage", MaxCostPerHour, errors);
        Check(request.OutageHours, "outageHours", "the typical outage length in hours", MaxOutageHours, errors);
        Check(request.ShareActedOn, "shareActedOn", "the share of warnings acted on, between 0 and 1", 1, errors);
        var currency = string.IsNullOrWhiteSpace(request.Currency) ? null : request.Currency.Trim();
        if (currency is not null && (currency.Length > MaxCurrencyLength || !currency.All(char.IsLetterOrDigit)))
        {
            errors["currency"] = [$"'currency' must be at most {MaxCurrencyLength} letters or digits (e.g. EUR); got '{Shorten(currency)}'."];
        }

        if (errors.Count == 0)
        {
            inputs = new CostInputs(request.CostPerHour!.Value, request.OutageHours!.Value, request.ShareActedOn!.Value, currency);
        }

        return errors;
    }

    private static void Check(double? value, string field, string meaning, double max, Dictionary<string, string[]> errors)
    {
        if (value is not { } v)
        {
            errors[field] = [$"'{field}' is required: {meaning}."];
        }
        else if (!double.IsFinite(v) || v < 0)
        {
            errors[field] = [string.Create(CultureInfo.InvariantCulture, $"'{field}' must be a number of at least 0; got {v:G6}.")];
        }
        else if (v > max)
        {
            errors[field] = [string.Create(CultureInfo.InvariantCulture, $"'{field}' must be at most {max:#,0.##}; got {v:G6}.")];
        }
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
