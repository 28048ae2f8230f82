namespace SecureGen.Grains;

/// <summary>Which grains a silo hosts, so that expensive pools scale apart from cheap ones.</summary>
[Flags]
public enum GrainRoles
{
    None = 0,
    Session = 1,
    Candidate = 2,
    Analyzer = 4,
    Scorer = 8,
    All = Session | Candidate | Analyzer | Scorer,
}
