using SecureGen.Core.Analysis.External;

namespace SecureGen.Cli.Analyze;

/// <summary>Reads one `--external NAME=COMMAND` value.</summary>
internal static class ExternalToolArgument
{
    /// <exception cref="AnalyzeInputException">No '=' or an empty name or command.</exception>
    public static ExternalToolOptions Parse(string value, TimeSpan timeout)
    {
        var separator = value.IndexOf('=', StringComparison.Ordinal);
        if (separator <= 0 || string.IsNullOrWhiteSpace(value[(separator + 1)..]))
        {
            throw new AnalyzeInputException($"--external '{value}' must be NAME=COMMAND, e.g. \"semgrep=semgrep --sarif --config auto {CommandTemplate.FilePlaceholder}\"");
        }

        return new ExternalToolOptions { Name = value[..separator].Trim(), Command = value[(separator + 1)..].Trim(), Timeout = timeout };
    }
}
