namespace SecureGen.Core.Sessions;

/// <summary>Candidate ids: the session id and the candidate's index in the session.</summary>
public static class CandidateIds
{
    public static string For(string sessionId, int index) => $"{sessionId}-c{index}";
}
