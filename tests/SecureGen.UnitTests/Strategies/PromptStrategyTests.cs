using SecureGen.Core.Sessions;
using SecureGen.Core.Strategies;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Strategies;

public sealed class PromptStrategyTests
{
    private static readonly SessionTask Untagged = Samples.Task with { Id = "t2", Cwe = null };

    [Fact]
    public async Task Prompted_adds_the_security_instruction_and_a_user_template_replaces_it_verbatim()
    {
        var context = new FakeSessionContext(Samples.Input("prompted"), Code.Secure);
        await StrategyCatalog.Default.Create("prompted").RunAsync(context, TestContext.Current.CancellationToken);
        Assert.Contains("The code must be secure", context.Generations[0].Text, StringComparison.Ordinal);

        var custom = new FakeSessionContext(Samples.Input("prompted", new Dictionary<string, string> { ["prompted.template"] = "Generate secure code. {prompt} (paper wording)" }), Code.Secure);
        await StrategyCatalog.Default.Create("prompted").RunAsync(custom, TestContext.Current.CancellationToken);
        var text = custom.Generations[0].Text;
        Assert.StartsWith("Generate secure code. Complete the function `ping_host`", text, StringComparison.Ordinal);
        Assert.EndsWith("(paper wording)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cwe_aware_names_the_tasks_own_cwe_without_any_extra_call()
    {
        var context = new FakeSessionContext(Samples.Input("cwe-aware"), Code.Secure);

        await StrategyCatalog.Default.Create("cwe-aware").RunAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(["generate sample 1", "analyze 1", "score 1"], context.Calls);
        Assert.Contains("prone to CWE-78 (OS Command Injection)", context.Generations[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cwe_aware_infers_an_untagged_tasks_cwe_from_the_analyzers_findings_on_a_plain_sample()
    {
        var context = new FakeSessionContext(Samples.Input("cwe-aware", null, Untagged), Code.Vulnerable("High", cwe: 89, rule: "B608"), Code.Secure);

        var outcome = await StrategyCatalog.Default.Create("cwe-aware").RunAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(["generate cwe-probe 1", "analyze 1", "generate sample 1", "analyze 1", "score 1"], context.Calls);
        Assert.DoesNotContain("CWE", context.Generations[0].Text, StringComparison.Ordinal);
        Assert.Contains("prone to CWE-89 (SQL Injection)", context.Generations[1].Text, StringComparison.Ordinal);
        Assert.Equal("c1", outcome.Chosen!.Candidate.Id);
    }

    [Fact]
    public async Task Cwe_aware_falls_back_to_the_keyword_catalogue_then_to_a_generic_hint()
    {
        var keywords = new FakeSessionContext(Samples.Input("cwe-aware", new Dictionary<string, string> { ["cwe-aware.inference"] = "keywords" }, Untagged with { Prompt = "Run the ping command for a host with subprocess." }), Code.Secure);
        await StrategyCatalog.Default.Create("cwe-aware").RunAsync(keywords, TestContext.Current.CancellationToken);
        Assert.Equal(["generate sample 1", "analyze 1", "score 1"], keywords.Calls);
        Assert.Contains("CWE-78", keywords.Generations[0].Text, StringComparison.Ordinal);

        var none = new FakeSessionContext(Samples.Input("cwe-aware", new Dictionary<string, string> { ["inference"] = "none" }, Untagged), Code.Secure);
        await StrategyCatalog.Default.Create("cwe-aware").RunAsync(none, TestContext.Current.CancellationToken);
        Assert.Contains("no weakness from the CWE catalogue", none.Generations[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_shot_puts_another_tasks_prompt_and_secure_solution_first_preferring_the_same_cwe_and_never_the_task_itself()
    {
        var context = new FakeSessionContext(Samples.Input("one-shot"), Code.Secure);
        await Corpus.FillAsync(context.CodeBase);

        await StrategyCatalog.Default.Create("one-shot").RunAsync(context, TestContext.Current.CancellationToken);

        var text = context.Generations[0].Text;
        Assert.Contains(Corpus.Disk.Code.TrimEnd(), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Corpus.OwnTask.Code.TrimEnd(), text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("disk_usage", StringComparison.Ordinal) < text.IndexOf("Complete the function `ping_host`", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seccoder_puts_the_most_similar_secure_demonstration_of_another_task_before_the_prompt()
    {
        foreach (var retriever in new[] { "bm25", "dense" })
        {
            var context = new FakeSessionContext(Samples.Input("seccoder", new Dictionary<string, string> { ["seccoder.retriever"] = retriever }), Code.Secure);
            await Corpus.FillAsync(context.CodeBase);

            await StrategyCatalog.Default.Create("seccoder").RunAsync(context, TestContext.Current.CancellationToken);

            Assert.Equal(["retrieve " + retriever, "generate sample 1", "analyze 1", "score 1"], context.Calls);
            Assert.Equal("disk", Assert.Single(context.Retrieved).Example.TaskId);
            var text = context.Generations[0].Text;
            Assert.StartsWith("Here is secure code for a similar task:\n\n```python\nimport subprocess\n\ndef disk_usage", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Seccoder_with_an_empty_base_leaves_the_prompt_unchanged_and_says_so()
    {
        var context = new FakeSessionContext(Samples.Input("seccoder", new Dictionary<string, string> { ["seccoder.retriever"] = "bm25" }), Code.Secure);
        await Corpus.FillAsync(context.CodeBase, Corpus.OwnTask);

        await StrategyCatalog.Default.Create("seccoder").RunAsync(context, TestContext.Current.CancellationToken);

        Assert.StartsWith("Complete the function", context.Generations[0].Text, StringComparison.Ordinal);
        Assert.Contains(context.Notes, n => n.Contains("prompt is unchanged", StringComparison.Ordinal));
    }
}
