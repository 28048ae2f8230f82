using MassTransit;
using SecureGen.Contracts;
using SecureGen.Core.Analysis;
using SecureGen.Core.Generation;
using SecureGen.Core.Sessions;

namespace SecureGen.Grains.Candidates;

/// <summary>Samples completions from the LLM, extracts and repairs the code, and checks that it parses.</summary>
public sealed class CandidateGrain(IChatModel model, ISyntaxChecker syntax) : IConsumer<GenerateCandidates>
{
    public async Task Consume(ConsumeContext<GenerateCandidates> context)
    {
        var request = context.Message;
        var cancellationToken = context.CancellationToken;
        var attempts = Enumerable.Range(0, request.Count).Select(i => SampleAsync(request, i, cancellationToken)).ToList();
        var samples = await Task.WhenAll(attempts);

        var calls = samples.Select(s => s.Call).ToList();
        var failure = samples.Select(s => s.Call.Error).FirstOrDefault(e => e is not null);
        var candidates = failure is null ? samples.Select(s => s.Candidate!).ToList() : [];
        await context.RespondAsync(new CandidatesGenerated(request.SessionId, candidates, calls, failure));
    }

    private async Task<(Candidate? Candidate, LlmCall Call)> SampleAsync(GenerateCandidates request, int i, CancellationToken cancellationToken)
    {
        var chat = new ChatRequest(request.Messages, request.Model, request.Temperature, MaxTokens: request.MaxTokens, Seed: request.Seed + i);
        ChatReply reply;
        try
        {
            reply = await model.CompleteAsync(chat, cancellationToken);
        }
        catch (LlmEndpointException e)
        {
            return (null, new LlmCall(request.Purpose, request.Model, 0, 0, 0, Simulated: false, Error: e.Message));
        }

        var call = new LlmCall(request.Purpose, reply.Model, reply.PromptTokens, reply.CompletionTokens, reply.LatencyMs, reply.Simulated);
        var extracted = CodeExtractor.Extract(reply.Content, request.PromptCode, request.EntryPoint);
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

        var index = request.FirstIndex + i;
        var candidate = new Candidate(
            $"{request.SessionId}-c{index}", index, extracted.Code, reply.Content, extracted.Method, extracted.Repairs, syntaxError,
            Origin: request.ParentId is null ? "sample" : "refined", ParentId: request.ParentId);
        return (candidate, call);
    }
}
