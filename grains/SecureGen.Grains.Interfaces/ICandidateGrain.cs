using SecureGen.Core.Sessions;

namespace SecureGen.Grains.Interfaces;

/// <summary>
/// One candidate, keyed by candidate id. The grain of a round's first candidate samples the whole round in one
/// LLM request (n completions, each reproducible from seed and index); a candidate's own grain refines it when
/// feedback arrives on its refinement-feedback stream, and publishes the refined candidate on the session's
/// refined-candidates stream. <see cref="RefineAsync"/> is the direct way to the same work: idempotent by
/// refinement id, so a session whose event was lost or late re-asks without paying for a second LLM call.
/// </summary>
public interface ICandidateGrain : IGrainWithStringKey
{
    /// <exception cref="LlmEndpointFailedException">The endpoint finally failed.</exception>
    Task<GeneratedCandidates> GenerateAsync(GenerationRequest request);

    /// <exception cref="LlmEndpointFailedException">The endpoint finally failed.</exception>
    Task<GeneratedCandidates> RefineAsync(RefinementRequested request);
}
