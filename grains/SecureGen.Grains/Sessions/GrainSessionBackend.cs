using System.Collections.Concurrent;
using Orleans.Streams;
using SecureGen.Core.Analysis;
using SecureGen.Core.Benchmarks;
using SecureGen.Core.Benchmarks.Judging;
using SecureGen.Core.Sessions;
using SecureGen.Grains.Interfaces;

namespace SecureGen.Grains.Sessions;

/// <summary>
/// A session's backend in the cluster: generation, analysis, scoring and judging are calls to other grains.
/// A refinement goes out as feedback on the parent candidate's stream and comes back on the session's stream;
/// if the refined candidate does not arrive in time (a lost or late event), the session asks the candidate grain
/// directly, which answers from the same refinement by id: the loss costs time, never a result or a second call.
/// </summary>
internal sealed class GrainSessionBackend(IGrainFactory grains, IStreamProvider streams, string sessionId, GrainOptions options) : ISessionBackend
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<CandidateRefined>> _refinements = new(StringComparer.Ordinal);

    public async Task<GeneratedCandidates> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await grains.GetGrain<ICandidateGrain>(request.FirstCandidateId).GenerateAsync(request);
        }
        catch (LlmEndpointFailedException e)
        {
            throw e.ToInfrastructureFailure();
        }
    }

    public async Task<GeneratedCandidates> RefineAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parentId = request.ParentId ?? throw new ArgumentException("a refinement names its parent candidate", nameof(request));
        var feedback = new RefinementRequested(request.FirstCandidateId, request);
        var arrival = _refinements.GetOrAdd(feedback.RefinementId, _ => new TaskCompletionSource<CandidateRefined>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            CandidateRefined? refined = null;
            try
            {
                await streams.GetStream<RefinementRequested>(StreamNames.RefinementFeedback, parentId).OnNextAsync(feedback);
                refined = await arrival.Task.WaitAsync(options.RefinementEventTimeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                // The event (or its answer) was lost or is late: ask directly; the grain answers the same refinement.
            }

            if (refined is null)
            {
                return await AskDirectlyAsync(parentId, feedback);
            }

            return refined.Result ?? throw new InfrastructureFailureException(refined.Failure ?? "refinement failed", refined.FailedCalls);
        }
        finally
        {
            _refinements.TryRemove(feedback.RefinementId, out _);
        }
    }

    public Task<IReadOnlyList<AnalysisReport>> AnalyzeAsync(IReadOnlyList<CandidateCode> candidates, CancellationToken cancellationToken) =>
        grains.GetGrain<IAnalyzerGrain>(0).AnalyzeAsync(candidates);

    public async Task<IReadOnlyList<CandidateScore>> ScoreAsync(IReadOnlyList<CandidateCode> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var key = (uint)StringComparer.Ordinal.GetHashCode(sessionId) % (uint)Math.Max(1, options.ScorerGrains);
        try
        {
            return await grains.GetGrain<IScorerGrain>(key).ScoreAsync(candidates);
        }
        catch (OrleansException e) when (e.Message.Contains("compatible", StringComparison.OrdinalIgnoreCase))
        {
            // No scorer silo in the cluster: fail closed, the ranking goes on without scores.
            return Enumerable.Repeat(CandidateScore.Unscored($"no scorer silo in the cluster: {e.Message}"), candidates.Count).ToList();
        }
    }

    public Task<TestJudgement> JudgeAsync(TaskTestSuite suite, string code, CancellationToken cancellationToken) =>
        grains.GetGrain<ITestJudgeGrain>(0).JudgeAsync(suite, code);

    /// <summary>A refined candidate arrived on the session's stream.</summary>
    public void OnRefined(CandidateRefined refined)
    {
        ArgumentNullException.ThrowIfNull(refined);
        if (_refinements.TryGetValue(refined.RefinementId, out var waiting))
        {
            waiting.TrySetResult(refined);
        }
    }

    private async Task<GeneratedCandidates> AskDirectlyAsync(string parentId, RefinementRequested feedback)
    {
        try
        {
            return await grains.GetGrain<ICandidateGrain>(parentId).RefineAsync(feedback);
        }
        catch (LlmEndpointFailedException e)
        {
            throw e.ToInfrastructureFailure();
        }
    }
}
