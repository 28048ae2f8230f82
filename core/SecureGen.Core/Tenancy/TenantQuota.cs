using System.Globalization;

namespace SecureGen.Core.Tenancy;

/// <summary>What one tenant may use: runs at once, sessions and LLM tokens per UTC day.</summary>
public sealed record TenantQuota(int ConcurrentRuns, int SessionsPerDay, long TokensPerDay)
{
    public static TenantQuota Default { get; } = new(2, 1000, 2_000_000);

    /// <summary>Reads "concurrent-runs=2,sessions-per-day=1000,tokens-per-day=2000000"; names left out keep the defaults.</summary>
    /// <exception cref="FormatException">An unknown name or a value that is not a positive number.</exception>
    public static TenantQuota Parse(string? text)
    {
        var quota = Default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return quota;
        }

        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !long.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                throw new FormatException($"quota '{part}' is not name=positive-number");
            }

            quota = pair[0].ToLowerInvariant() switch
            {
                "concurrent-runs" => quota with { ConcurrentRuns = checked((int)value) },
                "sessions-per-day" => quota with { SessionsPerDay = checked((int)value) },
                "tokens-per-day" => quota with { TokensPerDay = value },
                _ => throw new FormatException($"unknown quota '{pair[0]}' (known: concurrent-runs, sessions-per-day, tokens-per-day)"),
            };
        }

        return quota;
    }

    public override string ToString() => FormattableString.Invariant($"concurrent-runs={ConcurrentRuns},sessions-per-day={SessionsPerDay},tokens-per-day={TokensPerDay}");
}
