using SecureGen.Core.Strategies;

namespace SecureGen.UnitTests.Strategies;

public sealed class StrategyParametersTests
{
    [Fact]
    public void A_scoped_value_beats_a_global_one_which_beats_the_papers_default_and_every_read_is_recorded()
    {
        var parameters = new StrategyParameters(new Dictionary<string, string> { ["n"] = "4", ["securecoder.n"] = "7" });

        Assert.Equal(7, parameters.Number(SecureCoderStrategy.Samples));
        Assert.Equal(4, parameters.Number(FrancStrategy.Samples));
        Assert.Equal(3, parameters.Number(FdspStrategy.StrategyCount));
        Assert.Equal(new Dictionary<string, string> { ["fdsp.j"] = "3", ["franc.n"] = "4", ["securecoder.n"] = "7" }, parameters.Used);
    }

    [Fact]
    public void Unknown_keys_and_bad_values_are_one_line_problems()
    {
        var known = StrategyCatalog.Default.ParametersOf("fdsp");

        Assert.StartsWith("unknown parameter 'fdsp.x' for the chosen strategies (known: fdsp.j, fdsp.k", StrategyParameters.Validate(new Dictionary<string, string> { ["fdsp.x"] = "1" }, known), StringComparison.Ordinal);
        Assert.Equal("fdsp.k must be an integer (got 'three')", StrategyParameters.Validate(new Dictionary<string, string> { ["k"] = "three" }, known));
        Assert.Equal("fdsp.j must be at least 1 (got 0)", StrategyParameters.Validate(new Dictionary<string, string> { ["fdsp.j"] = "0" }, known));
        Assert.Equal("seccoder.retriever must be one of dense, bm25, random (got 'tfidf')",
            StrategyParameters.Validate(new Dictionary<string, string> { ["seccoder.retriever"] = "tfidf" }, StrategyCatalog.Default.ParametersOf("seccoder")));
        Assert.Null(StrategyParameters.Validate(new Dictionary<string, string> { ["K"] = "2" }, known));
    }
}
