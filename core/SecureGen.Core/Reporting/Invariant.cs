using System.Globalization;

namespace SecureGen.Core.Reporting;

/// <summary>Number formatting for reports: invariant culture, fixed decimals, "n/a" for missing values.</summary>
internal static class Invariant
{
    public static string Num(double value, int decimals = 3) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Num(double? value, int decimals = 3) => value is { } v ? Num(v, decimals) : string.Empty;

    public static string Percent(double value) => (value * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
