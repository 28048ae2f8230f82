using SecureGen.Core.Generation;

namespace SecureGen.Core.Strategies;

/// <summary>
/// Builds the messages a strategy starts from. Prompt strategies (prompted, cwe-aware, one-shot,
/// seccoder) are decorators over another source, which is how "seccoder+securecoder" is composed.
/// </summary>
public interface IPromptSource
{
    Task<IReadOnlyList<ChatTurn>> BuildAsync(ISessionContext context, CancellationToken cancellationToken);
}
