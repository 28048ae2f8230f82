using SecureGen.Core.Sessions;

namespace SecureGen.Cli.Generate;

/// <summary>
/// The one place `generate --sarif` writes its report. The SARIF 2.1.0 writer is built on another
/// branch (issue 3); until it is merged this says so instead of writing something that only looks
/// like SARIF. To connect it: set <see cref="IsAvailable"/> to true and call the writer in <see cref="WriteAsync"/>.
/// </summary>
internal static class SarifExport
{
    public const string NotAvailable = "--sarif: SARIF output is not available yet in this build (the SARIF writer comes with issue 3)";

    public static bool IsAvailable => false;

    public static Task WriteAsync(SessionResult result, string path, CancellationToken cancellationToken) =>
        throw new NotSupportedException(NotAvailable);
}
