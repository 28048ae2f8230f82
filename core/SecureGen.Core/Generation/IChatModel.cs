namespace SecureGen.Core.Generation;

/// <summary>
/// The one thing strategies need from an LLM. Throws <see cref="LlmEndpointException"/> when the
/// endpoint finally fails, so that callers can record an infrastructure failure, not bad code.
/// </summary>
public interface IChatModel
{
    Task<ChatReply> CompleteAsync(ChatRequest request, CancellationToken cancellationToken);
}
