using SecureGen.Core.Generation;
using SecureGen.Core.Generation.Caching;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Generation.Caching;

public sealed class CachingChatModelTests : IAsyncLifetime
{
    private static readonly ChatRequest Request = new([ChatTurn.System("be brief"), ChatTurn.User("write code")], "model-x", Seed: 42, Samples: 3);

    private readonly string _dir = Directory.CreateTempSubdirectory("sg-cache-").FullName;
    private SqliteResponseCache _cache = null!;

    public async ValueTask InitializeAsync()
    {
        _cache = new SqliteResponseCache(Path.Combine(_dir, "cache.db"));
        await _cache.InitializeAsync(CancellationToken.None);
    }

    public ValueTask DisposeAsync()
    {
        _cache.Dispose();
        Directory.Delete(_dir, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_repeated_request_is_answered_from_the_cache_without_calling_the_endpoint()
    {
        var inner = new FlakyChatModel();
        var model = new CachingChatModel(inner, _cache, "ep");

        var first = await model.CompleteAsync(Request, TestContext.Current.CancellationToken);
        var second = await model.CompleteAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(1, inner.Calls);
        Assert.False(first.Cached);
        Assert.True(second.Cached);
        Assert.Equal(first.Choices.Select(c => c.Content), second.Choices.Select(c => c.Content));
        Assert.Equal((first.PromptTokens, first.CompletionTokens), (second.PromptTokens, second.CompletionTokens));
        Assert.Equal(0, second.CostUsd);
    }

    [Fact]
    public async Task The_cache_survives_a_new_process_on_the_same_file()
    {
        await new CachingChatModel(new FlakyChatModel(), _cache, "ep").CompleteAsync(Request, TestContext.Current.CancellationToken);
        using var reopened = new SqliteResponseCache(_cache.Path);
        await reopened.InitializeAsync(TestContext.Current.CancellationToken);
        var inner = new FlakyChatModel();

        var reply = await new CachingChatModel(inner, reopened, "ep").CompleteAsync(Request, TestContext.Current.CancellationToken);

        Assert.True(reply.Cached);
        Assert.Equal(0, inner.Calls);
        Assert.Equal(3, reopened.Hits);
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("temperature")]
    [InlineData("model")]
    [InlineData("message")]
    [InlineData("endpoint")]
    public async Task Any_change_to_the_request_or_endpoint_misses(string change)
    {
        var inner = new FlakyChatModel();
        await new CachingChatModel(inner, _cache, "ep").CompleteAsync(Request, TestContext.Current.CancellationToken);
        var (endpoint, request) = change switch
        {
            "seed" => ("ep", Request with { Seed = 43 }),
            "temperature" => ("ep", Request with { Temperature = 0.2f }),
            "model" => ("ep", Request with { Model = "model-y" }),
            "message" => ("ep", Request with { Messages = [ChatTurn.User("write other code")] }),
            _ => ("other-endpoint", Request),
        };

        var reply = await new CachingChatModel(inner, _cache, endpoint).CompleteAsync(request, TestContext.Current.CancellationToken);

        Assert.False(reply.Cached);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task Errors_are_never_cached()
    {
        var inner = new FlakyChatModel(new LlmEndpointException("HTTP 500") { IsTransient = true });
        var model = new CachingChatModel(inner, _cache, "ep");

        await Assert.ThrowsAsync<LlmEndpointException>(() => model.CompleteAsync(Request, TestContext.Current.CancellationToken));
        var reply = await model.CompleteAsync(Request, TestContext.Current.CancellationToken);

        Assert.False(reply.Cached);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task Asking_for_more_samples_reuses_the_known_ones_and_stores_the_new_ones()
    {
        var inner = new FlakyChatModel();
        var model = new CachingChatModel(inner, _cache, "ep");
        var two = await model.CompleteAsync(Request with { Samples = 2 }, TestContext.Current.CancellationToken);

        var four = await model.CompleteAsync(Request with { Samples = 4 }, TestContext.Current.CancellationToken);
        var again = await model.CompleteAsync(Request with { Samples = 4 }, TestContext.Current.CancellationToken);

        Assert.Equal(2, inner.Calls);
        Assert.Equal(two.Choices.Select(c => c.Content), four.Choices.Take(2).Select(c => c.Content));
        Assert.True(again.Cached);
        Assert.Equal(four.Choices.Select(c => c.Content), again.Choices.Select(c => c.Content));
    }

    [Fact]
    public void The_key_is_stable_and_depends_on_the_sample_index()
    {
        var a = CacheKey.For("ep", Request, 0);

        Assert.Equal(a, CacheKey.For("ep", Request with { }, 0));
        Assert.NotEqual(a, CacheKey.For("ep", Request, 1));
        Assert.Equal(64, a.Length);
    }
}
