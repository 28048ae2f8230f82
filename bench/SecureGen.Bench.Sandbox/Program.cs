// Per-run overhead of the sandbox: the same trivial unittest job run N times through
// BubblewrapSandboxRunner and as a bare `python3 -m unittest` in a temp folder, interleaved
// so both see the same machine load. Prints medians, p90s, the difference and the ratio.
using System.Diagnostics;
using SecureGen.Core.Analysis.Sandbox;

var iterations = args.Length > 0 ? int.Parse(args[0]) : 20;
const string Candidate = "def add(a, b):\n    return a + b\n";
const string Test = "import unittest\nimport solution\n\n\nclass T(unittest.TestCase):\n    def test_add(self):\n        self.assertEqual(solution.add(1, 2), 3)\n";

using var runner = new BubblewrapSandboxRunner(new SandboxOptions());
if (runner.Problem is { } problem)
{
    Console.Error.WriteLine($"sandbox unavailable: {problem}");
    return 1;
}

var bareFolder = Directory.CreateTempSubdirectory("sg-bench-bare-").FullName;
await File.WriteAllTextAsync(Path.Combine(bareFolder, "solution.py"), Candidate);
await File.WriteAllTextAsync(Path.Combine(bareFolder, "test_probe.py"), Test);
var job = new SandboxJob(Candidate, new Dictionary<string, string> { ["test_probe.py"] = Test });

var sandboxed = new List<double>();
var bare = new List<double>();
for (var i = -2; i < iterations; i++)
{
    var clock = Stopwatch.StartNew();
    var result = await runner.RunTestsAsync(job, CancellationToken.None);
    var sandboxMs = clock.Elapsed.TotalMilliseconds;
    if (!result.AllPassed)
    {
        Console.Error.WriteLine($"sandbox run did not pass: {result.Status} {result.Message}");
        return 1;
    }

    clock.Restart();
    using (var process = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-I", "-B", "-m", "unittest", "-q", "test_probe"])
    {
        WorkingDirectory = bareFolder,
        RedirectStandardError = true,
        UseShellExecute = false,
    })!)
    {
        await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
    }

    var bareMs = clock.Elapsed.TotalMilliseconds;
    if (i >= 0)
    {
        sandboxed.Add(sandboxMs);
        bare.Add(bareMs);
    }
}

Directory.Delete(bareFolder, recursive: true);
var sandboxMedian = Percentile(sandboxed, 0.5);
var bareMedian = Percentile(bare, 0.5);
Console.WriteLine($"{iterations} trivial runs each, interleaved, {Environment.ProcessorCount} cores");
Console.WriteLine($"bare python3 -m unittest : median {bareMedian,7:0.0} ms  p90 {Percentile(bare, 0.9),7:0.0} ms");
Console.WriteLine($"sandboxed (bwrap+harness): median {sandboxMedian,7:0.0} ms  p90 {Percentile(sandboxed, 0.9),7:0.0} ms");
Console.WriteLine($"overhead per run         : {sandboxMedian - bareMedian:0.0} ms (ratio {sandboxMedian / bareMedian:0.00}x)");
return 0;

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
}
