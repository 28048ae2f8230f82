using System.Diagnostics;
using System.Text.Json;
using OpenAI;
using OpenAI.Chat;

namespace SecureGen.Core.Generation;

/// <summary>
/// One HTTP attempt of a chat completion through the OpenAI .NET SDK against any OpenAI-compatible endpoint.
/// No retries here: <see cref="Resilience.ResilientChatModel"/> wraps it. The SDK does not model the API's
/// <c>n</c>, so it is set through the request's JsonPatch and every choice is read from the raw response.
/// </summary>
public sealed class OpenAiChatModel : IChatModel
{
    /// <summary>The simulator stamps this into system_fingerprint so results can never pass it off as a model.</summary>
    public const string SimulatorFingerprint = "securegen-simulator";

    private readonly OpenAIClient _client;
    private readonly LlmEndpointOptions _options;
    private readonly TimeProvider _clock;

    public OpenAiChatModel(LlmEndpointOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _clock = clock ?? TimeProvider.System;
        _client = OpenAiClientFactory.Create(options);
    }

    public async Task<ChatReply> CompleteAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chat = _client.GetChatClient(string.IsNullOrEmpty(request.Model) ? _options.Model : request.Model);
        var options = ToSdkOptions(request);
        var messages = request.Messages.Select(ToSdkMessage).ToList();

        using var attempt = new CancellationTokenSource(_options.Timeout, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attempt.Token);
        var started = _clock.GetTimestamp();
        try
        {
            var result = await chat.CompleteChatAsync(messages, options, linked.Token);
            var completion = result.Value;
            var choices = ReadChoices(result.GetRawResponse().Content.ToMemory(), completion);
            return new ChatReply(
                choices[0].Content,
                completion.Model ?? request.Model,
                completion.Usage?.InputTokenCount ?? 0,
                completion.Usage?.OutputTokenCount ?? 0,
                _clock.GetElapsedTime(started).TotalMilliseconds,
                Simulated: completion.SystemFingerprint == SimulatorFingerprint,
                FinishReason: choices[0].FinishReason)
            {
                Choices = choices,
                Endpoint = _options.Name,
            };
        }
        catch (Exception e) when (e is not LlmEndpointException && !cancellationToken.IsCancellationRequested)
        {
            throw EndpointFailures.Classify(e, _options, attempt.IsCancellationRequested, _clock);
        }
    }

    private static ChatCompletionOptions ToSdkOptions(ChatRequest request)
    {
        var options = new ChatCompletionOptions
        {
            Temperature = request.Temperature,
            TopP = request.TopP,
            MaxOutputTokenCount = request.MaxTokens,
        };
#pragma warning disable OPENAI001 // Seed is marked experimental in the SDK; every endpoint we target accepts it.
        options.Seed = request.Seed;
#pragma warning restore OPENAI001
        foreach (var stop in request.Stop ?? [])
        {
            options.StopSequences.Add(stop);
        }

        if (request.Samples > 1)
        {
#pragma warning disable SCME0001 // JsonPatch is the SDK's documented way to send fields it does not model, such as n.
            options.Patch.Set("$.n"u8, request.Samples);
#pragma warning restore SCME0001
        }

        return options;
    }

    /// <summary>All choices from the raw JSON (the SDK's ChatCompletion exposes only the first), in index order.</summary>
    private static List<ChatChoice> ReadChoices(ReadOnlyMemory<byte> body, ChatCompletion completion)
    {
        var choices = new List<ChatChoice>();
        using var document = JsonDocument.Parse(body);
        if (document.RootElement.TryGetProperty("choices", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var choice in array.EnumerateArray())
            {
                var index = choice.TryGetProperty("index", out var i) && i.ValueKind == JsonValueKind.Number ? i.GetInt32() : choices.Count;
                var content = choice.TryGetProperty("message", out var message) && message.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String
                    ? c.GetString()!
                    : string.Empty;
                var finish = choice.TryGetProperty("finish_reason", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
                choices.Add(new ChatChoice(index, content, finish));
            }
        }

        if (choices.Count == 0)
        {
            var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
            choices.Add(new ChatChoice(0, text, completion.FinishReason.ToString()));
        }

        return [.. choices.OrderBy(c => c.Index)];
    }

    private static OpenAI.Chat.ChatMessage ToSdkMessage(ChatTurn turn) => turn.Role switch
    {
        "system" => new SystemChatMessage(turn.Content),
        "assistant" => new AssistantChatMessage(turn.Content),
        "user" => new UserChatMessage(turn.Content),
        _ => throw new ArgumentException($"unknown chat role '{turn.Role}'", nameof(turn)),
    };
}
