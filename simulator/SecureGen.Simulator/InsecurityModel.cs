namespace SecureGen.Simulator;

/// <summary>
/// The probability of an insecure answer as a log-odds model: start from the plain-prompt rate and
/// multiply its odds by one configured odds ratio per signal present. Independent evidence adds in
/// log-odds, the probability stays in (0, 1), and each knob reads as "this signal makes an insecure
/// answer k times as likely, in odds".
/// </summary>
internal static class InsecurityModel
{
    public static double Probability(SimulatorOptions options, PromptSignals signals)
    {
        var p = options.InsecureRate;
        if (p is <= 0 or >= 1)
        {
            return p; // 0 and 1 are absolute: no evidence moves them.
        }

        var odds = p / (1 - p);
        if (signals.SecurityInstruction)
        {
            odds *= options.SecurityInstructionOddsRatio;
        }

        if (signals.SecureDemonstration)
        {
            odds *= options.SecureDemonstrationOddsRatio;
        }

        if (signals.AnalyzerFindings)
        {
            odds *= options.AnalyzerFindingsOddsRatio;
        }

        if (signals.FindingsOnSameCode)
        {
            odds *= options.FindingsOnSameCodeOddsRatio;
        }

        return odds / (1 + odds);
    }
}
