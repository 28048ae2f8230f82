using System.Collections.Concurrent;
using SecureGen.Core.Analysis.Sandbox;
using SecureGen.Core.Benchmarks;

namespace SecureGen.IntegrationTests.Sandbox;

/// <summary>
/// The built-in benchmark's self-check, run in the real sandbox: for every task that exists,
/// the secure reference passes test_functional.py and test_security.py, and the insecure
/// reference passes test_functional.py and fails at least one test in test_security.py.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class BenchmarkReferenceSandboxTests
{
    private const int Parallelism = 4;
    private static readonly SandboxLimits Limits = new() { WallClock = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Every_builtin_task_has_a_secure_reference_that_passes_and_an_insecure_one_that_fails_a_security_test()
    {
        Sandboxes.Require();
        var tasks = Directory.GetDirectories(BuiltinDatasetLoader.LocateTasksFolder()).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(tasks);
        var problems = new ConcurrentBag<string>();

        await Parallel.ForEachAsync(
            tasks.SelectMany(t => new[] { (Task: t, Secure: true), (Task: t, Secure: false) }),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = TestContext.Current.CancellationToken },
            async (item, cancellationToken) =>
            {
                var problem = await CheckAsync(item.Task, item.Secure, cancellationToken);
                if (problem is not null)
                {
                    problems.Add(problem);
                }
            });

        Assert.True(problems.IsEmpty, $"{problems.Count} of {tasks.Count * 2} reference checks failed:\n" + string.Join("\n\n", problems.Order(StringComparer.Ordinal)));
    }

    private static async Task<string?> CheckAsync(string taskFolder, bool secure, CancellationToken cancellationToken)
    {
        var name = $"{Path.GetFileName(taskFolder)} ({(secure ? "secure" : "insecure")})";
        var job = new SandboxJob(
            await File.ReadAllTextAsync(Path.Combine(taskFolder, secure ? "secure.py" : "insecure.py"), cancellationToken),
            new Dictionary<string, string>
            {
                ["test_functional.py"] = await File.ReadAllTextAsync(Path.Combine(taskFolder, "test_functional.py"), cancellationToken),
                ["test_security.py"] = await File.ReadAllTextAsync(Path.Combine(taskFolder, "test_security.py"), cancellationToken),
            },
            TestFramework.Unittest,
            Limits);

        var result = await Sandboxes.Runner.RunTestsAsync(job, cancellationToken);

        var functional = result.Tests.Where(t => t.Id.StartsWith("test_functional.py", StringComparison.Ordinal)).ToList();
        var security = result.Tests.Where(t => t.Id.StartsWith("test_security.py", StringComparison.Ordinal)).ToList();
        var ok = result.Status == SandboxRunStatus.Completed
            && functional.Count > 0 && functional.All(t => t.Outcome == TestOutcome.Passed)
            && security.Count > 0
            && (secure
                ? security.All(t => t.Outcome == TestOutcome.Passed)
                : security.Any(t => t.Outcome == TestOutcome.Failed));
        return ok ? null : $"{name}: {Sandboxes.Describe(result)}";
    }
}
