using System.CommandLine;
using System.Globalization;
using SecureGen.Cli.Eval;

namespace SecureGen.Cli.Commands;

/// <summary>The eval options for choosing tasks and resuming a run, kept apart from the rest of `eval`.</summary>
internal sealed class EvalRunOptions
{
    private readonly Option<string[]> _cwe = new("--cwe") { Description = "Use only tasks of these CWEs, e.g. 78,89 (repeatable).", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string[]> _taskId = new("--task-id") { Description = "Use only this task (repeatable).", AllowMultipleArgumentsPerToken = true };
    private readonly Option<bool> _resume = new("--resume") { Description = "Continue the run in --out: completed sessions are skipped, settings must match." };
    private readonly Option<int> _simulatorLatency = new("--simulator-latency-ms") { Hidden = true, Description = "Latency the in-process simulator adds to every completion." };

    public static EvalRunOptions AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var options = new EvalRunOptions();
        command.Options.Add(options._cwe);
        command.Options.Add(options._taskId);
        command.Options.Add(options._resume);
        command.Options.Add(options._simulatorLatency);
        return options;
    }

    /// <summary>The settings with these options applied, or a one-line problem with them.</summary>
    public (EvalSettings? Settings, string? Problem) Apply(ParseResult parse, EvalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var cwes = new List<int>();
        foreach (var item in (parse.GetValue(_cwe) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var digits = item.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase) ? item[4..] : item;
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var cwe) || cwe < 1)
            {
                return (null, $"--cwe '{item}' is not a CWE number (e.g. 78 or CWE-78)");
            }

            cwes.Add(cwe);
        }

        var latency = parse.GetValue(_simulatorLatency);
        if (latency < 0)
        {
            return (null, $"--simulator-latency-ms must not be negative (got {latency})");
        }

        return (settings with
        {
            Cwes = cwes.Distinct().Order().ToList(),
            TaskIds = (parse.GetValue(_taskId) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToList(),
            Resume = parse.GetValue(_resume),
            SimulatorLatencyMs = latency,
        }, null);
    }
}
