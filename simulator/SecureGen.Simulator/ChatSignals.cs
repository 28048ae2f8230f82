using System.Text.RegularExpressions;

namespace SecureGen.Simulator;

/// <summary>What the prompt asks beyond the task: security instructions, analyzer findings.</summary>
internal static partial class ChatSignals
{
    public static bool AsksForSecurity(string conversation) => SecurityRegex().IsMatch(conversation);

    public static bool CarriesAnalyzerFindings(string conversation) => FindingRegex().IsMatch(conversation);

    [GeneratedRegex(@"\b(secure|security|vulnerab\w*|CWE-\d+|safe(ly)?|sanitiz\w*|injection)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SecurityRegex();

    [GeneratedRegex(@"\b(B\d{3}|SG-[A-Z]+-\d+|bandit|static analy[sz]er|finding|issue at line \d+|line \d+:)", RegexOptions.IgnoreCase)]
    private static partial Regex FindingRegex();
}
