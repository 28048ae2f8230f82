using SecureGen.Core.Generation;
using SecureGen.Core.Sessions;

namespace SecureGen.UnitTests.Sessions;

/// <summary>Where the generator sends a request: its own model, or the model resolved for the request's endpoint reference.</summary>
public sealed class CandidateGeneratorTests
{
    private const string Reply = "```python\ndef add(a, b):\n    return a + b\n```";

    private static GenerationRequest Request(string? endpoint) =>
        new("session-1", [ChatTurn.User("Write add(a, b).")], 1, "sample", 1, "m", 0.8f, 256, null, "add", 0, Endpoint: endpoint);

    [Fact]
    public async Task A_request_without_an_endpoint_goes_to_the_default_model()
    {
        var model = ScriptedChatModel.Always(Reply);
        var resolver = new Resolver(ScriptedChatModel.Always(Reply));

        var generated = await new CandidateGenerator(model, new KeywordAnalyzer(), resolver).GenerateAsync(Request(null), TestContext.Current.CancellationToken);

        Assert.Single(generated.Candidates);
        Assert.Single(model.Requests);
        Assert.Empty(resolver.Asked);
    }

    [Fact]
    public async Task A_request_naming_an_endpoint_goes_to_the_resolved_model_only()
    {
        var model = ScriptedChatModel.Always(Reply);
        var tenants = ScriptedChatModel.Always(Reply);
        var resolver = new Resolver(tenants);

        await new CandidateGenerator(model, new KeywordAnalyzer(), resolver).GenerateAsync(Request("tenant:acme"), TestContext.Current.CancellationToken);

        Assert.Equal(["tenant:acme"], resolver.Asked);
        Assert.Single(tenants.Requests);
        Assert.Empty(model.Requests);
    }

    [Fact]
    public async Task A_failing_resolution_is_an_infrastructure_failure_and_never_calls_the_default_model()
    {
        var model = ScriptedChatModel.Always(Reply);
        var generator = new CandidateGenerator(model, new KeywordAnalyzer(), new Resolver(null));

        var failure = await Assert.ThrowsAsync<InfrastructureFailureException>(() => generator.GenerateAsync(Request("tenant:gone"), TestContext.Current.CancellationToken));

        Assert.Contains("tenant:gone", failure.Message, StringComparison.Ordinal);
        Assert.Contains("tenant:gone", Assert.Single(failure.Calls).Error, StringComparison.Ordinal);
        Assert.Empty(model.Requests);
    }

    [Fact]
    public async Task Without_a_resolver_a_request_naming_an_endpoint_fails_instead_of_going_to_the_default_model()
    {
        var model = ScriptedChatModel.Always(Reply);

        var failure = await Assert.ThrowsAsync<InfrastructureFailureException>(() => new CandidateGenerator(model, new KeywordAnalyzer()).GenerateAsync(Request("tenant:acme"), TestContext.Current.CancellationToken));

        Assert.Contains("tenant:acme", failure.Message, StringComparison.Ordinal);
        Assert.Empty(model.Requests);
    }

    /// <summary>Answers every reference with one model, or fails as an unknown tenant when there is none.</summary>
    private sealed class Resolver(IChatModel? model) : IChatEndpointResolver
    {
        public List<string> Asked { get; } = [];

        public Task<IChatModel> ResolveAsync(string endpoint, CancellationToken cancellationToken)
        {
            Asked.Add(endpoint);
            return model is null ? throw new LlmEndpointException($"{endpoint}: no such tenant") : Task.FromResult(model);
        }
    }
}
