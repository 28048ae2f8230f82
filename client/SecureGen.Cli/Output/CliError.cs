namespace SecureGen.Cli.Output;

/// <summary>Prints the one-line error a user gets for bad input, and gives the exit code for it.</summary>
internal static class CliError
{
    public const int ExitCode = 2;

    public static int Report(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return ExitCode;
    }
}
