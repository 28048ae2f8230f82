using SecureGen.Core.Sessions;

namespace SecureGen.Core.Metrics;

/// <summary>Scores the classify task's answers: detection accuracy/precision/recall/F1 and per-CWE precision/recall/F1.</summary>
public static class ClassificationScorer
{
    public static ClassificationMetrics Score(string strategy, IReadOnlyList<ClassificationOutcome> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var correct = items.Count(i => i.PredictedVulnerable == i.TrulyVulnerable);
        var tp = items.Count(i => i.TrulyVulnerable && i.PredictedVulnerable == true);
        var fp = items.Count(i => !i.TrulyVulnerable && i.PredictedVulnerable == true);
        var fn = items.Count(i => i.TrulyVulnerable && i.PredictedVulnerable != true);
        var (precision, recall, f1) = Prf(tp, fp, fn);

        // A class label per item: its CWE when (predicted) vulnerable, none otherwise.
        static int? Truth(ClassificationOutcome i) => i.TrulyVulnerable ? i.TrueCwe : null;
        static int? Predicted(ClassificationOutcome i) => i.PredictedVulnerable == true ? i.PredictedCwe : null;

        var cwes = items.Select(Truth).Concat(items.Select(Predicted)).OfType<int>().Distinct().Order().ToList();
        var perCwe = cwes.Select(c =>
        {
            var ctp = items.Count(i => Truth(i) == c && Predicted(i) == c);
            var cfp = items.Count(i => Truth(i) != c && Predicted(i) == c);
            var cfn = items.Count(i => Truth(i) == c && Predicted(i) != c);
            var (p, r, f) = Prf(ctp, cfp, cfn);
            return new CweClassMetrics(c, items.Count(i => Truth(i) == c), ctp, cfp, cfn, p, r, f);
        }).ToList();

        var withCwe = items.Where(i => i.TrulyVulnerable && i.TrueCwe is not null).ToList();
        var inTruth = perCwe.Where(m => m.Support > 0).ToList();
        return new ClassificationMetrics(
            strategy,
            items.Count,
            items.Count(i => i.PredictedVulnerable is null),
            Ratio(correct, items.Count),
            precision,
            recall,
            f1,
            Ratio(withCwe.Count(i => Predicted(i) == i.TrueCwe), withCwe.Count),
            inTruth.Count == 0 ? 0 : Math.Round(inTruth.Average(m => m.F1), 6),
            perCwe);
    }

    private static (double Precision, double Recall, double F1) Prf(int tp, int fp, int fn)
    {
        var precision = Ratio(tp, tp + fp);
        var recall = Ratio(tp, tp + fn);
        var f1 = precision + recall == 0 ? 0 : Math.Round(2 * precision * recall / (precision + recall), 6);
        return (precision, recall, f1);
    }

    private static double Ratio(int count, int total) => total == 0 ? 0 : Math.Round((double)count / total, 6);
}
