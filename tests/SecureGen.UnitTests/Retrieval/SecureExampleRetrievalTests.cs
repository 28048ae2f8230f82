using SecureGen.Core.Retrieval;
using SecureGen.Core.Sessions;
using SecureGen.UnitTests.Strategies;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Retrieval;

public sealed class SecureExampleRetrievalTests
{
    private static async Task<SecureExampleRetrieval> BaseAsync(EmbeddingHolder? embeddings = null)
    {
        var codeBase = new InMemorySecureCodeBase();
        await Corpus.FillAsync(codeBase);
        return new SecureExampleRetrieval(codeBase, embeddings?.Create());
    }

    [Theory]
    [InlineData("bm25")]
    [InlineData("dense")]
    [InlineData("random")]
    public async Task No_retriever_ever_returns_the_task_under_evaluation(string retriever)
    {
        var retrieval = await BaseAsync(new EmbeddingHolder());

        for (var seed = 0; seed < 20; seed++)
        {
            var found = await retrieval.RetrieveAsync(new RetrievalQuery(Corpus.OwnTask.Code, retriever, Count: 10, Seed: seed), Samples.Task, TestContext.Current.CancellationToken);
            Assert.Equal(3, found.Count);
            Assert.DoesNotContain(found, f => f.Example.TaskId == Samples.Task.Id);
        }
    }

    [Fact]
    public async Task The_same_task_under_another_id_is_left_out_by_its_identical_prompt()
    {
        var retrieval = await BaseAsync();
        var sameTaskElsewhere = new SessionTask("other-id", "securityeval", Corpus.Disk.Prompt, null, null, 78);

        var found = await retrieval.RetrieveAsync(new RetrievalQuery("subprocess du", "bm25", Count: 10), sameTaskElsewhere, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(found, f => f.Example.TaskId == "disk");
    }

    [Fact]
    public async Task Dense_retrieval_ranks_by_cosine_similarity_and_embeds_each_example_once()
    {
        var factory = new EmbeddingHolder();
        var retrieval = await BaseAsync(factory);

        var first = await retrieval.RetrieveAsync(new RetrievalQuery("cursor", "dense", Count: 3), Samples.Task, TestContext.Current.CancellationToken);
        await retrieval.RetrieveAsync(new RetrievalQuery("html escape", "dense", Count: 1), Samples.Task, TestContext.Current.CancellationToken);

        Assert.Equal("sql", first[0].Example.TaskId);
        Assert.Equal(1.0, first[0].Similarity, 6);
        Assert.Equal(4, factory.Model.Requests[0].Count);
        Assert.Single(factory.Model.Requests[1]);
    }

    [Fact]
    public async Task Random_retrieval_is_the_same_for_the_same_seed()
    {
        var retrieval = await BaseAsync();

        var draws = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var found = await retrieval.RetrieveAsync(new RetrievalQuery("q", "random", Count: 3, Seed: 42), Samples.Task, TestContext.Current.CancellationToken);
            draws.Add(string.Join(",", found.Select(f => f.Example.Id)));
        }

        Assert.Single(draws.Distinct());
    }

    [Fact]
    public async Task A_cwe_preference_narrows_the_corpus_only_when_that_cwe_is_present()
    {
        var retrieval = await BaseAsync();

        var sql = await retrieval.RetrieveAsync(new RetrievalQuery("q", "random", Count: 5, PreferCwe: 89), Samples.Task, TestContext.Current.CancellationToken);
        var missing = await retrieval.RetrieveAsync(new RetrievalQuery("q", "random", Count: 5, PreferCwe: 502), Samples.Task, TestContext.Current.CancellationToken);

        Assert.Equal("sql", Assert.Single(sql).Example.TaskId);
        Assert.Equal(3, missing.Count);
    }

    [Fact]
    public async Task Dense_without_an_embedding_endpoint_fails_with_a_clear_message()
    {
        var retrieval = await BaseAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => retrieval.RetrieveAsync(new RetrievalQuery("q", "dense"), Samples.Task, TestContext.Current.CancellationToken));

        Assert.Contains("needs an embedding endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_in_memory_base_takes_concurrent_additions_and_keeps_duplicate_code_once()
    {
        var codeBase = new InMemorySecureCodeBase();

        await Parallel.ForAsync(0, 200, TestContext.Current.CancellationToken, async (i, ct) =>
            await codeBase.AddAsync(new SecureExample($"e{i}", $"t{i % 50}", "d", null, "p", $"code {i % 100}\n", SecureExample.FixedSource), ct));

        Assert.Equal(100, (await codeBase.ListAsync(TestContext.Current.CancellationToken)).Count);
        Assert.False(await codeBase.AddAsync(new SecureExample("again", "t", "d", null, "p", "  code 7  ", SecureExample.FixedSource), TestContext.Current.CancellationToken));
    }

    /// <summary>Builds the bag-of-words embedding and keeps hold of it so tests can count its requests.</summary>
    private sealed class EmbeddingHolder
    {
        public BagOfWordsEmbedding Model { get; } = new();

        public BagOfWordsEmbedding Create() => Model;
    }
}
