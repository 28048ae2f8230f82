using MassTransit;
using SecureGen.Contracts;
using SecureGen.Grains.Analyzers;
using SecureGen.Grains.Candidates;
using SecureGen.Grains.Scorers;
using SecureGen.Grains.Sessions;

namespace SecureGen.Grains;

/// <summary>Adds the grains of the chosen roles, and the request clients sessions use, to a MassTransit bus.</summary>
public static class GrainRegistration
{
    public static IBusRegistrationConfigurator AddSecureGenGrains(this IBusRegistrationConfigurator bus, GrainRoles roles, GrainOptions options)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(options);
        if (roles.HasFlag(GrainRoles.Session))
        {
            bus.AddConsumer<SessionGrain, SessionGrainDefinition>();
            bus.AddConsumer<SessionFaultRecorder>();
        }

        if (roles.HasFlag(GrainRoles.Candidate))
        {
            bus.AddConsumer<CandidateGrain, CandidateGrainDefinition>();
        }

        if (roles.HasFlag(GrainRoles.Analyzer))
        {
            bus.AddConsumer<AnalyzerGrain, AnalyzerGrainDefinition>();
            bus.AddConsumer<TestJudgeGrain, TestJudgeGrainDefinition>();
        }

        if (roles.HasFlag(GrainRoles.Scorer))
        {
            bus.AddConsumer<ScorerGrain, ScorerGrainDefinition>();
        }

        var timeout = RequestTimeout.After(ms: (int)options.RequestTimeout.TotalMilliseconds);
        bus.AddRequestClient<GenerateCandidates>(timeout);
        bus.AddRequestClient<AnalyzeCandidates>(timeout);
        bus.AddRequestClient<ScoreCandidates>(timeout);
        bus.AddRequestClient<JudgeCandidate>(timeout);
        return bus;
    }
}
