namespace SecureGen.Core.Metrics;

/// <summary>
/// The unbiased estimators of "at k" metrics for one task with n samples (Chen et al. 2021 form).
/// Products of k factors in [0, 1] replace the binomial coefficients, so nothing overflows or
/// cancels for large n. When k &gt; n the estimate is not defined and the result is null:
/// reports show "n&lt;k" instead of a number rather than extrapolating.
/// </summary>
public static class AtKEstimator
{
    /// <summary>1 - C(n-c,k)/C(n,k): the chance that at least one of k samples drawn from the n is among the c (pass@k, vulnerable@k, func-sec@k).</summary>
    public static double? AtLeastOne(int n, int c, int k)
    {
        Validate(n, c, k);
        if (k > n)
        {
            return null;
        }

        if (n - c < k)
        {
            return 1.0;
        }

        var noneAmongK = 1.0;
        for (var i = 0; i < k; i++)
        {
            noneAmongK *= (double)(n - c - i) / (n - i);
        }

        return 1.0 - noneAmongK;
    }

    /// <summary>C(s,k)/C(n,k): the chance that all k samples drawn from the n are among the s (secure@k).</summary>
    public static double? All(int n, int s, int k)
    {
        Validate(n, s, k);
        if (k > n)
        {
            return null;
        }

        if (s < k)
        {
            return 0.0;
        }

        var all = 1.0;
        for (var i = 0; i < k; i++)
        {
            all *= (double)(s - i) / (n - i);
        }

        return all;
    }

    private static void Validate(int n, int count, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, n);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
    }
}
