namespace SecureGen.Cli.Analyze;

/// <summary>Bad input to `analyze` (a missing path, an unknown analyzer...): reported as one line with exit code 2.</summary>
internal sealed class AnalyzeInputException : Exception
{
    public AnalyzeInputException(string message) : base(message)
    {
    }

    public AnalyzeInputException(string message, Exception inner) : base(message, inner)
    {
    }

    public AnalyzeInputException()
    {
    }
}
