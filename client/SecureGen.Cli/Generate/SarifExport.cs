using SecureGen.Core.Reporting;
using SecureGen.Core.Sessions;

namespace SecureGen.Cli.Generate;

/// <summary>The one place `generate --sarif` writes its report: SARIF 2.1.0 for the chosen candidate.</summary>
internal static class SarifExport
{
    public static Task WriteAsync(SessionResult result, string path, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(path, SessionSarifWriter.Serialize([result]), cancellationToken);
}
