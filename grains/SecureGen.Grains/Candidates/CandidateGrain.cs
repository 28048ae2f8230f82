using MassTransit;
using SecureGen.Contracts;
using SecureGen.Core.Analysis;
using SecureGen.Core.Generation;
using SecureGen.Core.Sessions;

namespace SecureGen.Grains.Candidates;

/// <summary>
/// Samples completions from the LLM in one request (n = Count, choice i reproducible from the seed and i),
/// extracts and repairs the code of each, and checks that it parses. An endpoint that finally fails is
/// reported as an infrastructure failure; a reply without parsable code becomes an unparsable candidate.
/// </summary>
public sealed class CandidateGrain(IChatModel model, ISyntaxChecker syntax) : IConsumer<GenerateCandidates>
{
    public async Task Consume(ConsumeContext<GenerateCandidates> context)
    {
        var request = context.Message;
        var cancellationToken = context.CancellationToken;
        if (request.Count < 1)
        {
            await context.RespondAsync(new CandidatesGenerated(request.SessionId, [], [], null));
            return;
        }

        var chat = new ChatRequest(request.Messages, request.Model, request.Temperature, MaxTokens: request.MaxTokens, Seed: request.Seed, Samples: request.Count);
        ChatReply reply;
        try
        {
            reply = await model.CompleteAsync(chat, cancellationToken);
        }
        catch (LlmEndpointException e)
        {
            var failed = new LlmCall(request.Purpose, request.Model, 0, 0, 0, Simulated: false, Error: e.Message, Retries: e.Retries, Samples: request.Count);
            await context.RespondAsync(new CandidatesGenerated(request.SessionId, [], [failed], e.Message));
            return;
        }

        var call = new LlmCall(request.Purpose, reply.Model, reply.PromptTokens, reply.CompletionTokens, reply.LatencyMs, reply.Simulated,
            CostUsd: reply.CostUsd, Retries: reply.Retries, Cached: reply.Cached, Samples: request.Count);
        var choices = reply.Choices.OrderBy(c => c.Index).Take(request.Count).ToList();
        if (choices.Count < request.Count)
        {
            var reason = $"the endpoint returned {choices.Count} completion(s) for {request.Count} requested";
            await context.RespondAsync(new CandidatesGenerated(request.SessionId, [], [call with { Error = reason }], reason));
            return;
        }

        var candidates = await Task.WhenAll(choices.Select((c, i) => ToCandidateAsync(request, request.FirstIndex + i, c, cancellationToken)));
        await context.RespondAsync(new CandidatesGenerated(request.SessionId, candidates, [call], null));
    }

    private async Task<Candidate> ToCandidateAsync(GenerateCandidates request, int index, ChatChoice choice, CancellationToken cancellationToken)
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
            $"{request.SessionId}-c{index}", index, extracted.Code, choice.Content, extracted.Method, extracted.Repairs, syntaxError,
            Origin: request.ParentId is null ? "sample" : "refined", ParentId: request.ParentId);
    }
}
