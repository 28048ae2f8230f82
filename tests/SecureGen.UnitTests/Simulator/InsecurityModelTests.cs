using SecureGen.Core.Benchmarks;
using SecureGen.Core.Generation;
using SecureGen.Simulator;

namespace SecureGen.UnitTests.Simulator;

public sealed class InsecurityModelTests
{
    private static readonly CompletionBook Book = new(new BuiltinDatasetLoader().Load(null));

    private static BookEntry Task(string id) => Book.Entries.Single(e => e.Task.Id == id);

    private static string TaskMessage(BookEntry entry) =>
        $"Complete the function `{entry.Task.EntryPoint}`.\n\n```python\n{entry.Task.PromptCode}\n```";

    [Fact]
    public void Each_signal_multiplies_the_odds_of_an_insecure_answer_by_its_ratio()
    {
        var options = new SimulatorOptions { InsecureRate = 0.5, SecurityInstructionOddsRatio = 0.5, AnalyzerFindingsOddsRatio = 0.25, FindingsOnSameCodeOddsRatio = 0.5 };

        Assert.Equal(0.5, InsecurityModel.Probability(options, new PromptSignals(false, false, false, false)), 9);
        Assert.Equal(1.0 / 3, InsecurityModel.Probability(options, new PromptSignals(true, false, false, false)), 9);
        // odds 1 * 0.5 * 0.25 * 0.5 = 1/16 -> p = 1/17
        Assert.Equal(1.0 / 17, InsecurityModel.Probability(options, new PromptSignals(true, false, true, true)), 9);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void A_rate_of_zero_or_one_is_absolute(double rate)
    {
        var options = new SimulatorOptions { InsecureRate = rate };
        Assert.Equal(rate, InsecurityModel.Probability(options, new PromptSignals(true, true, true, true)));
    }

    [Fact]
    public void A_plain_task_prompt_carries_no_signal()
    {
        var entry = Task("sg_cwe078_ping_host");

        var signals = ChatSignals.Read([ChatTurn.User(TaskMessage(entry))], entry, Book);

        Assert.Empty(signals.Names());
    }

    [Fact]
    public void Asking_for_secure_code_is_a_security_instruction()
    {
        var entry = Task("sg_cwe078_ping_host");

        var signals = ChatSignals.Read([ChatTurn.System("You write secure code that avoids CWE-78."), ChatTurn.User(TaskMessage(entry))], entry, Book);

        Assert.Equal(["security_instruction"], signals.Names());
    }

    [Fact]
    public void Another_tasks_secure_code_in_the_prompt_is_a_secure_demonstration()
    {
        var entry = Task("sg_cwe078_ping_host");
        var demo = Book.Entries.First(e => e != entry && e.SecureOnlyLines.Count > 0);

        var signals = ChatSignals.Read([ChatTurn.User($"```python\n{demo.Task.SecureReference}\n```\n\n" + TaskMessage(entry))], entry, Book);

        Assert.Contains("secure_demonstration", signals.Names());
    }

    [Fact]
    public void Findings_about_this_tasks_insecure_code_count_as_feedback_on_the_same_code()
    {
        var entry = Task("sg_cwe078_ping_host");
        var messages = new[]
        {
            ChatTurn.User(TaskMessage(entry)),
            ChatTurn.Assistant($"```python\n{entry.Task.InsecureReference}\n```"),
            ChatTurn.User("Bandit reported B602 at line 14: subprocess call with shell=True identified. Fix the code."),
        };

        var signals = ChatSignals.Read(messages, entry, Book);

        Assert.Contains("analyzer_findings", signals.Names());
        Assert.Contains("findings_on_same_code", signals.Names());
    }

    [Fact]
    public void The_share_of_insecure_answers_follows_the_model_over_many_seeds()
    {
        var entry = Task("sg_cwe078_ping_host");
        var options = new SimulatorOptions { InsecureRate = 0.6, AnalyzerFindingsOddsRatio = 0.2, FindingsOnSameCodeOddsRatio = 0.5 };
        var engine = new SimulatorEngine(Book, options, new FaultInjector(options, new SimulatorRandom(1)));
        var plain = new[] { ChatTurn.User(TaskMessage(entry)) };
        var feedback = new[] { plain[0], ChatTurn.Assistant(entry.Task.InsecureReference!), ChatTurn.User("bandit finding B602 at line 14") };

        double Share(ChatTurn[] messages) => Enumerable.Range(0, 2000).Count(s => engine.Complete(messages, s, 0).Label == "insecure") / 2000.0;

        Assert.InRange(Share(plain), 0.56, 0.64);
        // odds 1.5 * 0.2 * 0.5 = 0.15 -> p = 0.1304
        Assert.InRange(Share(feedback), 0.11, 0.155);
    }

    [Fact]
    public void The_same_seed_and_index_give_the_same_completion()
    {
        var entry = Task("sg_cwe089_find_user");
        var options = new SimulatorOptions();
        var engine = new SimulatorEngine(Book, options, new FaultInjector(options, new SimulatorRandom(1)));
        var messages = new[] { ChatTurn.User(TaskMessage(entry)) };

        var (a, b) = (engine.Complete(messages, 5, 2), engine.Complete(messages, 5, 2));
        Assert.Equal((a.Content, a.Label, a.TaskId), (b.Content, b.Label, b.TaskId));
        Assert.Equal("sg_cwe089_find_user", a.TaskId);
        Assert.NotEqual(a.Content, engine.Complete(messages, 5, 3).Content);
    }
}
