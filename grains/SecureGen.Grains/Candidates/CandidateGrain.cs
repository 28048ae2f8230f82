using Orleans.Concurrency;
using Orleans.Streams;
using Orleans.Streams.Core;
using SecureGen.Core.Sessions;
using SecureGen.Grains.Interfaces;
using SecureGen.Grains.Placement;

namespace SecureGen.Grains.Candidates;

/// <summary>
/// One candidate: a thin adapter over core's <see cref="CandidateGenerator"/>. Samples a round when asked
/// (as the round's first candidate), and refines itself when feedback arrives on its refinement-feedback stream,
/// publishing the refined candidate on the session's stream. Refinements are kept by id, so the direct re-ask
/// of a session that lost the event joins the same work instead of calling the model again.
/// </summary>
[Reentrant]
[ImplicitStreamSubscription(StreamNames.RefinementFeedback)]
[RequiredRole(SiloRole.Candidate)]
public sealed class CandidateGrain(CandidateGenerator generator) : Grain, ICandidateGrain, IStreamSubscriptionObserver
{
    private readonly Dictionary<string, Task<GeneratedCandidates>> _refinements = new(StringComparer.Ordinal);

    public Task<GeneratedCandidates> GenerateAsync(GenerationRequest request) => GenerateCoreAsync(request);

    public Task<GeneratedCandidates> RefineAsync(RefinementRequested request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_refinements.TryGetValue(request.RefinementId, out var refinement))
        {
            refinement = GenerateCoreAsync(request.Request);
            _refinements[request.RefinementId] = refinement;
        }

        return refinement;
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        await handleFactory.Create<RefinementRequested>().ResumeAsync((feedback, _) => RefineAndAnswerAsync(feedback));
    }

    private async Task RefineAndAnswerAsync(RefinementRequested feedback)
    {
        CandidateRefined answer;
        try
        {
            answer = new CandidateRefined(feedback.RefinementId, await RefineAsync(feedback), null, []);
        }
        catch (LlmEndpointFailedException e)
        {
            answer = new CandidateRefined(feedback.RefinementId, null, e.Message, e.Calls);
        }

        await this.GetStreamProvider(StreamNames.Provider)
            .GetStream<CandidateRefined>(StreamNames.RefinedCandidates, feedback.Request.SessionId)
            .OnNextAsync(answer);
    }

    private async Task<GeneratedCandidates> GenerateCoreAsync(GenerationRequest request)
    {
        try
        {
            return await generator.GenerateAsync(request, CancellationToken.None);
        }
        catch (InfrastructureFailureException e)
        {
            throw new LlmEndpointFailedException(e.Message, e.Calls);
        }
    }
}
