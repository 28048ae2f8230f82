using System.Diagnostics;
using SecureGen.Core.Scoring;

namespace SecureGen.IntegrationTests.Scoring;

/// <summary>The training side of the scorer: Debian's torch, gensim and onnx for /usr/bin/python3, and models/train.py.</summary>
internal static class TrainingTools
{
    private static readonly Lazy<string?> TorchProblem = new(() =>
    {
        if (!File.Exists("/usr/bin/python3"))
        {
            return "/usr/bin/python3 is not installed";
        }

        var (code, _, _) = Run("/usr/bin/python3", ["-c", "import torch, gensim, onnx"], TimeSpan.FromMinutes(2));
        return code == 0 ? null : "python3-torch, python3-gensim or python3-onnx is missing (run models/install.sh or scripts/install-deps.sh --test)";
    });

    public static string RepositoryRoot =>
        ScorerPaths.FindRepositoryRoot() ?? throw new InvalidOperationException("repository root (SecureGenCluster.sln) not found above the test folder");

    public static string TrainScript => Path.Combine(RepositoryRoot, "models", "train.py");

    public static void RequireTorch()
    {
        if (TorchProblem.Value is { } problem)
        {
            Assert.Skip(problem);
        }
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, stdout.Result, stderr.Result + $"\n(killed after {timeout})");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
