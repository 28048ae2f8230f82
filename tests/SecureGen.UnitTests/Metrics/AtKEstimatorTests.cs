using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using SecureGen.Core.Metrics;

namespace SecureGen.UnitTests.Metrics;

public sealed class AtKEstimatorTests
{
    [Theory]
    // n=10, c=3, k=1: 3/10.
    [InlineData(10, 3, 1, 0.3)]
    // n=10, c=3, k=2: 1 - C(7,2)/C(10,2) = 1 - 21/45.
    [InlineData(10, 3, 2, 24.0 / 45)]
    // n=5, c=1, k=5: the one correct sample is always drawn.
    [InlineData(5, 1, 5, 1.0)]
    // n=5, c=0: never.
    [InlineData(5, 0, 3, 0.0)]
    // n=4, c=2, k=3: n-c < k, so at least one is certain.
    [InlineData(4, 2, 3, 1.0)]
    public void At_least_one_matches_hand_computed_values(int n, int c, int k, double expected) =>
        Assert.Equal(expected, AtKEstimator.AtLeastOne(n, c, k)!.Value, 12);

    [Theory]
    // n=10, s=7, k=2: C(7,2)/C(10,2) = 21/45.
    [InlineData(10, 7, 2, 21.0 / 45)]
    // n=10, s=7, k=1: 7/10.
    [InlineData(10, 7, 1, 0.7)]
    // s < k: cannot draw k secure samples.
    [InlineData(10, 2, 3, 0.0)]
    // all secure.
    [InlineData(6, 6, 6, 1.0)]
    public void All_matches_hand_computed_values(int n, int s, int k, double expected) =>
        Assert.Equal(expected, AtKEstimator.All(n, s, k)!.Value, 12);

    [Fact]
    public void K_larger_than_n_is_undefined_rather_than_a_number()
    {
        Assert.Null(AtKEstimator.AtLeastOne(3, 1, 5));
        Assert.Null(AtKEstimator.All(3, 3, 4));
    }

    [Fact]
    public void Large_n_stays_finite_and_close_to_the_exact_rational_value()
    {
        var estimate = AtKEstimator.AtLeastOne(2000, 37, 100)!.Value;
        Assert.Equal(Exact(2000, 37, 100), estimate, 10);
        Assert.InRange(estimate, 0, 1);
    }

    [Fact]
    public void Counts_outside_0_to_n_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AtKEstimator.AtLeastOne(5, 6, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => AtKEstimator.All(5, -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => AtKEstimator.All(5, 1, 0));
    }

    [Fact]
    public void Both_estimators_stay_within_0_and_1_and_agree_with_the_binomial_formula() =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var atLeastOne = AtKEstimator.AtLeastOne(c.N, c.Count, c.K)!.Value;
            var all = AtKEstimator.All(c.N, c.Count, c.K)!.Value;
            return atLeastOne is >= 0 and <= 1
                && all is >= 0 and <= 1
                && Math.Abs(atLeastOne - Exact(c.N, c.Count, c.K)) < 1e-9
                && Math.Abs(all - ((double)Binomial(c.Count, c.K) / (double)Binomial(c.N, c.K))) < 1e-9;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void At_least_one_never_falls_and_all_never_rises_as_k_grows() =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var ks = Enumerable.Range(1, c.N).ToList();
            var atLeastOne = ks.Select(k => AtKEstimator.AtLeastOne(c.N, c.Count, k)!.Value).ToList();
            var all = ks.Select(k => AtKEstimator.All(c.N, c.Count, k)!.Value).ToList();
            return atLeastOne.Zip(atLeastOne.Skip(1)).All(p => p.Second >= p.First - 1e-12)
                && all.Zip(all.Skip(1)).All(p => p.Second <= p.First + 1e-12);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void More_successes_never_lower_the_estimate() =>
        Prop.ForAll(Cases().Where(c => c.Count < c.N).ToArbitrary(), c =>
            AtKEstimator.AtLeastOne(c.N, c.Count + 1, c.K) >= AtKEstimator.AtLeastOne(c.N, c.Count, c.K)
            && AtKEstimator.All(c.N, c.Count + 1, c.K) >= AtKEstimator.All(c.N, c.Count, c.K)).QuickCheckThrowOnFailure();

    public sealed record Case(int N, int Count, int K);

    private static Gen<Case> Cases() =>
        from n in Gen.Choose(1, 60)
        from count in Gen.Choose(0, n)
        from k in Gen.Choose(1, n)
        select new Case(n, count, k);

    private static double Exact(int n, int c, int k) =>
        1 - (double)(new BigRational(Binomial(n - c, k), Binomial(n, k)).Value);

    private static BigInteger Binomial(int n, int k)
    {
        if (k < 0 || k > n)
        {
            return BigInteger.Zero;
        }

        var result = BigInteger.One;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }

    private readonly record struct BigRational(BigInteger Numerator, BigInteger Denominator)
    {
        public decimal Value => Denominator.IsZero ? 0 : (decimal)(Numerator * BigInteger.Pow(10, 28) / Denominator) / 1e28m;
    }
}
