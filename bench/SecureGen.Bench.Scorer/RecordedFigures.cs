namespace SecureGen.Bench.Scorer;

/// <summary>
/// What the hand-written C API binding (ONNX Runtime 1.30 from the npm package) measured with this bench on the shared
/// 2-core VM, 2026-11-21 (docs/scorer.md): printed beside each run so the official package is judged against it.
/// </summary>
internal static class RecordedFigures
{
    public static readonly string[] Lines =
    [
        "| old C API binding (ORT 1.30, npm), 2 cores, 2026-11-21 | one at a time | 258,541-419,122 tokens/s (noisy neighbours) |",
        "| old C API binding | batched (best: batch 128, 2 threads) | about 1.0 M tokens/s (997,681) |",
        "| old C API binding | batched vs one at a time, end to end | 2.4-3.0x over four runs |",
        "| old C API binding | ONNX Runtime alone, best rows and concurrency vs one row | 3.1-3.4x |",
    ];
}
