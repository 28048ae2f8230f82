using SecureGen.Core.Sessions;

namespace SecureGen.Grains.Interfaces;

/// <summary>Feedback for a candidate: regenerate it with these messages. Travels on the candidate's refinement-feedback stream.</summary>
/// <param name="RefinementId">Unique per refinement: the refined candidate's id.</param>
[GenerateSerializer, Immutable]
public sealed record RefinementRequested(
    [property: Id(0)] string RefinementId,
    [property: Id(1)] GenerationRequest Request);
