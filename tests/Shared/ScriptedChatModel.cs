using System.Collections.Concurrent;
using SecureGen.Core.Generation;

namespace SecureGen.Tests.Shared;

/// <summary>An IChatModel that answers from a script and records every request it got.</summary>
public sealed class ScriptedChatModel(Func<ChatRequest, ChatReply> answer) : IChatModel
{
    public ConcurrentQueue<ChatRequest> Requests { get; } = new();

    public static ScriptedChatModel Always(string content, bool simulated = true) =>
        new(_ => new ChatReply(content, "scripted-model", 10, 20, 5, simulated));

    public static ScriptedChatModel Failing(string message) => new(_ => throw new LlmEndpointException(message));

    public Task<ChatReply> CompleteAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        var reply = answer(request);

        // Like an endpoint that honours n: one choice per requested sample.
        return Task.FromResult(request.Samples <= 1 || reply.Choices.Count >= request.Samples
            ? reply
            : reply with { Choices = [.. Enumerable.Range(0, request.Samples).Select(i => new ChatChoice(i, reply.Content, reply.FinishReason))] });
    }
}
