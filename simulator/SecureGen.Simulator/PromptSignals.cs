namespace SecureGen.Simulator;

/// <summary>What a prompt carries beyond the task itself; each signal lowers the odds of an insecure answer.</summary>
internal sealed record PromptSignals(bool SecurityInstruction, bool SecureDemonstration, bool AnalyzerFindings, bool FindingsOnSameCode)
{
    public IEnumerable<string> Names()
    {
        if (SecurityInstruction)
        {
            yield return "security_instruction";
        }

        if (SecureDemonstration)
        {
            yield return "secure_demonstration";
        }

        if (AnalyzerFindings)
        {
            yield return "analyzer_findings";
        }

        if (FindingsOnSameCode)
        {
            yield return "findings_on_same_code";
        }
    }
}
