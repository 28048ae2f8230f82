namespace SecureGen.Core.Scoring;

/// <summary>
/// model.json of a model version, written by models/train.py: what the ONNX file expects and how it
/// was made. <see cref="Window"/> is the training sequence length; longer code is scored in windows of it.
/// <see cref="Threshold"/> is the token probability that gave the best F1 on the validation split.
/// </summary>
public sealed record ModelManifest(
    string Format,
    string Version,
    string Tokenizer,
    int VocabularySize,
    int Window,
    int EmbeddingSize,
    int HiddenSize,
    string InputIds,
    string InputLengths,
    string Output,
    string? TrainingData,
    string? CreatedAt,
    double? Threshold = null)
{
    public const string CurrentFormat = "securegen-vudenc-1";
    public const string FileName = "model.json";
    public const string OnnxFile = "model.onnx";
    public const string VocabularyFile = "vocab.json";
    public const string ParityFile = "parity.json";
}
