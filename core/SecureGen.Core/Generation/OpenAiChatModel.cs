using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using OpenAI;
using OpenAI.Chat;

namespace SecureGen.Core.Generation;

/// <summary>Chat completions through the OpenAI .NET SDK against any OpenAI-compatible endpoint.</summary>
public sealed class OpenAiChatModel : IChatModel
{
    /// <summary>The simulator stamps this into system_fingerprint so results can never pass it off as a model.</summary>
    public const string SimulatorFingerprint = "securegen-simulator";

    private readonly OpenAIClient _client;
    private readonly LlmEndpointOptions _options;

    public OpenAiChatModel(LlmEndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _client = new OpenAIClient(new ApiKeyCredential(options.ApiKey), new OpenAIClientOptions
        {
            Endpoint = options.BaseUrl,
            NetworkTimeout = options.Timeout,
            RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
        });
    }

    public async Task<ChatReply> CompleteAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chat = _client.GetChatClient(string.IsNullOrEmpty(request.Model) ? _options.Model : request.Model);
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

        var messages = request.Messages.Select(ToSdkMessage).ToList();
        var started = Stopwatch.GetTimestamp();
        ChatCompletion completion;
        try
        {
            completion = (await chat.CompleteChatAsync(messages, options, cancellationToken)).Value;
        }
        catch (ClientResultException e)
        {
            throw new LlmEndpointException($"LLM endpoint {_options.BaseUrl} answered HTTP {e.Status}: {e.Message}", e);
        }
        catch (HttpRequestException e)
        {
            throw new LlmEndpointException($"LLM endpoint {_options.BaseUrl} is unreachable: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LlmEndpointException($"LLM endpoint {_options.BaseUrl} timed out after {_options.Timeout.TotalSeconds:0} s", e);
        }

        var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        return new ChatReply(
            text,
            completion.Model ?? request.Model,
            completion.Usage?.InputTokenCount ?? 0,
            completion.Usage?.OutputTokenCount ?? 0,
            latency,
            Simulated: completion.SystemFingerprint == SimulatorFingerprint,
            FinishReason: completion.FinishReason.ToString());
    }

    private static OpenAI.Chat.ChatMessage ToSdkMessage(ChatTurn turn) => turn.Role switch
    {
        "system" => new SystemChatMessage(turn.Content),
        "assistant" => new AssistantChatMessage(turn.Content),
        "user" => new UserChatMessage(turn.Content),
        _ => throw new ArgumentException($"unknown chat role '{turn.Role}'", nameof(turn)),
    };
}
