"""Token-level, line-level and pair-level quality numbers for the model card."""


def prf(tp, fp, fn):
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "tp": tp, "fp": fp, "fn": fn}


def token_counts(samples, probabilities, threshold):
    tp = fp = fn = 0
    for sample, probs in zip(samples, probabilities):
        for label, p in zip(sample["labels"], probs):
            predicted = p >= threshold
            tp += int(predicted and label == 1)
            fp += int(predicted and label == 0)
            fn += int(not predicted and label == 1)
    return tp, fp, fn


def token_prf(samples, probabilities, threshold):
    return prf(*token_counts(samples, probabilities, threshold))


def line_prf(samples, probabilities, threshold):
    """A line is vulnerable when any of its tokens is labeled so; predicted when its highest token score passes the threshold."""
    tp = fp = fn = 0
    for sample, probs in zip(samples, probabilities):
        truth, best = {}, {}
        for line, label, p in zip(sample["lines"], sample["labels"], probs):
            truth[line] = max(truth.get(line, 0), label)
            best[line] = max(best.get(line, 0.0), p)
        for line, label in truth.items():
            predicted = best[line] >= threshold
            tp += int(predicted and label == 1)
            fp += int(predicted and label == 0)
            fn += int(not predicted and label == 1)
    return prf(tp, fp, fn)


def best_threshold(samples, probabilities):
    """The token threshold with the best F1 on the given (validation) samples."""
    best = (0.5, -1.0)
    for step in range(5, 96):
        threshold = step / 100
        f1 = prf(*token_counts(samples, probabilities, threshold))["f1"]
        if f1 > best[1]:
            best = (threshold, f1)
    return best[0]


def auc(positives, negatives):
    """Probability that a random positive outscores a random negative (ties count half)."""
    if not positives or not negatives:
        return None
    wins = 0.0
    for p in positives:
        for n in negatives:
            wins += 1.0 if p > n else 0.5 if p == n else 0.0
    return round(wins / (len(positives) * len(negatives)), 4)


def pair_metrics(samples, probabilities):
    """Vulnerable versus fixed functions of held-out pairs, by mean token score: AUC and how often the
    vulnerable version of a pair scores higher than its own fix."""
    means = {}
    for sample, probs in zip(samples, probabilities):
        if sample.get("pair_id") and probs:
            means.setdefault(sample["pair_id"], {})[sample["role"]] = sum(probs) / len(probs)
    pairs = [m for m in means.values() if "vulnerable" in m and "fixed" in m]
    vulnerable = [m["vulnerable"] for m in pairs]
    fixed = [m["fixed"] for m in pairs]
    ordered = sum(1 for m in pairs if m["vulnerable"] > m["fixed"])
    return {
        "pairs": len(pairs),
        "auc": auc(vulnerable, fixed),
        "pair_accuracy": round(ordered / len(pairs), 4) if pairs else None,
    }
