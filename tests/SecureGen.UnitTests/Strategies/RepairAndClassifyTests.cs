using SecureGen.Core.Analysis;
using SecureGen.Core.Sessions;
using SecureGen.Core.Strategies;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Strategies;

public sealed class RepairAndClassifyTests
{
    private static readonly SessionTask WithReferences = Samples.Task with { SecureReference = Code.Secure, InsecureReference = Code.ShellTrue };

    [Fact]
    public async Task Repair_gives_the_model_the_insecure_reference_and_judges_its_fix()
    {
        var context = new FakeSessionContext(Samples.Input("repair", null, WithReferences), Code.Secure);

        var outcome = await StrategyCatalog.Default.Create("repair").RunAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(["generate repair 1", "analyze 1", "score 1"], context.Calls);
        var text = context.Generations[0].Text;
        Assert.Contains("shell=True", text, StringComparison.Ordinal);
        Assert.DoesNotContain("CWE", text, StringComparison.Ordinal);
        Assert.Equal(Verdict.Secure, outcome.Chosen!.Analysis.Verdict);
    }

    [Fact]
    public async Task Repair_explained_also_names_the_flaw_from_the_tasks_cwe()
    {
        var context = new FakeSessionContext(Samples.Input("repair-explained", null, WithReferences), Code.Secure);

        await StrategyCatalog.Default.Create("repair-explained").RunAsync(context, TestContext.Current.CancellationToken);

        Assert.Contains("It has CWE-78 (OS Command Injection)", context.Generations[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repair_without_an_insecure_reference_is_not_applicable()
    {
        var context = new FakeSessionContext(Samples.Input("repair"), Code.Secure);

        await Assert.ThrowsAsync<StrategyNotApplicableException>(() => StrategyCatalog.Default.Create("repair").RunAsync(context, TestContext.Current.CancellationToken));
        Assert.Empty(context.Calls);
    }

    [Fact]
    public async Task Classify_asks_about_the_insecure_then_the_secure_reference_and_records_labelled_answers()
    {
        var context = new FakeSessionContext(Samples.Input("classify", null, WithReferences), Code.Secure);
        context.Answers.Enqueue("VULNERABLE: yes\nCWE: CWE-78");
        context.Answers.Enqueue("VULNERABLE: no\nCWE: none");

        var outcome = await StrategyCatalog.Default.Create("classify").RunAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(["ask classify-insecure", "ask classify-secure"], context.Calls);
        Assert.Contains("shell=True", context.Generations[0].Text, StringComparison.Ordinal);
        Assert.Null(outcome.Chosen);
        Assert.Equal(
            [new ClassificationOutcome("t1", "insecure", true, 78, true, 78, "VULNERABLE: yes\nCWE: CWE-78"), new ClassificationOutcome("t1", "secure", false, null, false, null, "VULNERABLE: no\nCWE: none")],
            outcome.Classifications!);
    }

    [Theory]
    [InlineData("VULNERABLE: yes\nCWE: CWE-89", true, 89)]
    [InlineData("**Vulnerable:** No\n**CWE:** none", false, null)]
    [InlineData("Yes. It is an SQL injection (CWE 89).", true, 89)]
    [InlineData("The code is not vulnerable.", false, null)]
    [InlineData("This function contains a vulnerability: CWE-22 path traversal.", true, 22)]
    [InlineData("```python\ndef f(): pass\n```", null, null)]
    public void Classification_answers_are_read_in_the_asked_format_and_in_plain_prose(string answer, bool? vulnerable, int? cwe)
    {
        Assert.Equal((vulnerable, cwe), ClassificationAnswerParser.Parse(answer));
    }
}
