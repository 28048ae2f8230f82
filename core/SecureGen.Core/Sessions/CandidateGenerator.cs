using SecureGen.Core.Analysis;
using SecureGen.Core.Generation;
using SecureGen.Core.Telemetry;

namespace SecureGen.Core.Sessions;

/// <summary>
/// Samples completions from the LLM in one request (n = Count, choice i reproducible from the seed and i),
/// extracts and repairs the code of each, and checks that it parses. A reply without parsable code becomes
/// an unparsable candidate; an endpoint that finally fails is an <see cref="InfrastructureFailureException"/>
/// carrying the failed call. A request naming an endpoint (a tenant's) goes to the model <paramref name="endpoints"/> resolves
/// for it, never to <paramref name="model"/>: without a resolver such a request fails.
/// </summary>
public sealed class CandidateGenerator(IChatModel model, ISyntaxChecker syntax, IChatEndpointResolver? endpoints = null)
{
    /// <exception cref="InfrastructureFailureException">The endpoint finally failed, or returned fewer completions than asked.</exception>
    public async Task<GeneratedCandidates> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Count < 1)
        {
            return new GeneratedCandidates([], []);
        }

        var chat = new ChatRequest(request.Messages, request.Model, request.Temperature, MaxTokens: request.MaxTokens, Seed: request.Seed, Samples: request.Count);
        ChatReply reply;
        using (var activity = SecureGenTelemetry.Source.StartActivity(SecureGenTelemetry.LlmCallSpan, System.Diagnostics.ActivityKind.Client))
        {
            activity?.SetTag("gen_ai.request.model", request.Model);
            activity?.SetTag("securegen.llm.purpose", request.Purpose);
            activity?.SetTag("securegen.llm.samples", request.Count);
            try
            {
                var target = request.Endpoint is null ? model : await ResolveAsync(request.Endpoint, cancellationToken);
                reply = await target.CompleteAsync(chat, cancellationToken);
            }
            catch (LlmEndpointException e)
            {
                LlmTelemetry.RecordFailure(activity, request.Model, e);
                var failed = new LlmCall(request.Purpose, request.Model, 0, 0, 0, Simulated: false, Error: e.Message, Retries: e.Retries, Samples: request.Count);
                throw new InfrastructureFailureException(e.Message, [failed]);
            }

            LlmTelemetry.RecordReply(activity, reply);
        }

        var call = new LlmCall(request.Purpose, reply.Model, reply.PromptTokens, reply.CompletionTokens, reply.LatencyMs, reply.Simulated,
            CostUsd: reply.CostUsd, Retries: reply.Retries, Cached: reply.Cached, Samples: request.Count);
        var choices = reply.Choices.OrderBy(c => c.Index).Take(request.Count).ToList();
        if (choices.Count < request.Count)
        {
            var reason = $"the endpoint returned {choices.Count} completion(s) for {request.Count} requested";
            throw new InfrastructureFailureException(reason, [call with { Error = reason }]);
        }

        var candidates = await Task.WhenAll(choices.Select((c, i) => ToCandidateAsync(request, request.FirstIndex + i, c, cancellationToken)));
        return new GeneratedCandidates(candidates, [call]);
    }

    private Task<IChatModel> ResolveAsync(string endpoint, CancellationToken cancellationToken) => endpoints is null
        ? throw new LlmEndpointException($"{endpoint}: this process cannot resolve endpoint references, and the call does not go to its default endpoint instead")
        : endpoints.ResolveAsync(endpoint, cancellationToken);

    private async Task<Candidate> ToCandidateAsync(GenerationRequest request, int index, ChatChoice choice, CancellationToken cancellationToken)
    {
        var extracted = CodeExtractor.Extract(choice.Content, request.PromptCode, request.EntryPoint);
        string? syntaxError;
        if (extracted.IsEmpty)
        {
            syntaxError = "no code found in the reply";
        }
        else
        {
            try
            {
                syntaxError = await syntax.FindSyntaxErrorAsync(extracted.Code, cancellationToken);
            }
            catch (WorkerFailedException e)
            {
                // Unchecked code goes on to analysis, which reports Unknown if the worker is still failing.
                syntaxError = null;
                extracted = extracted with { Repairs = [.. extracted.Repairs, $"syntax not checked: {e.Message}"] };
            }
        }

        if (syntaxError is not null && choice.FinishReason == "length")
        {
            syntaxError += " (the reply was cut at the token limit)";
        }

        return new Candidate(
            CandidateIds.For(request.SessionId, index), index, extracted.Code, choice.Content, extracted.Method, extracted.Repairs, syntaxError,
            Origin: request.ParentId is null ? "sample" : "refined", ParentId: request.ParentId);
    }
}
