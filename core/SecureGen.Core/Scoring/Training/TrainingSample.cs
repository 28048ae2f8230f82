namespace SecureGen.Core.Scoring.Training;

/// <summary>
/// One line of train/val/test.jsonl: the token ids of a piece of code (from <see cref="PythonTokenizer"/> and the
/// data version's vocabulary), a 0/1 label and the source line of every token.
/// </summary>
public sealed record TrainingSample(
    string Id,
    string Source,
    string Group,
    string Split,
    int? Cwe,
    string? PairId,
    string Role,
    int[] Ids,
    int[] Labels,
    int[] Lines);
