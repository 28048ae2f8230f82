using SecureGen.Core.Generation;

namespace SecureGen.Core.Strategies;

/// <summary>The plain task prompt: one user message, as the baseline sends it.</summary>
public sealed class TaskPrompt : IPromptSource
{
    public static TaskPrompt Instance { get; } = new();

    public Task<IReadOnlyList<ChatTurn>> BuildAsync(ISessionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult<IReadOnlyList<ChatTurn>>([ChatTurn.User(PromptTemplates.TaskMessage(context.Input.Task))]);
    }
}
