using Microsoft.Extensions.Logging;
using SecureGen.Onnx;

namespace SecureGen.UnitTests.Scoring;

/// <summary>The C API wrapper against the real native library: errors must be exceptions with ORT's message, never crashes.</summary>
public sealed class OnnxRuntimeTests : IDisposable
{
    private static readonly long[] OneByThree = [1, 3];
    private static readonly string[] ZlibPaths = ["/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1"];

    private readonly string _dir = Directory.CreateTempSubdirectory("sg-onnx-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static TensorInput[] Inputs(long[] ids, long[] shape, long[] lengths) =>
        [TensorInput.FromInt64Buffer("token_ids", ids, shape), TensorInput.FromInt64Buffer("lengths", lengths, lengths.Length)];

    [Fact]
    public void The_library_loads_through_the_c_api_and_reports_its_version_and_providers()
    {
        var runtime = OnnxTestAssets.Runtime;

        Assert.Equal("1.30.0", runtime.Version);
        Assert.Contains(OnnxRuntime.CpuProvider, runtime.AvailableProviders);
        Assert.Same(runtime, OnnxRuntime.Load(OnnxTestAssets.LibraryPath));
    }

    [Fact]
    public void A_session_describes_its_inputs_and_outputs_with_dynamic_axes()
    {
        using var session = OnnxTestAssets.Runtime.OpenSession(OnnxTestAssets.CommittedModel, new SessionSettings());

        Assert.Equal(OnnxRuntime.CpuProvider, session.ExecutionProvider);
        Assert.Equal([new TensorInfo("token_ids", TensorElementType.Int64, [-1, -1]), new TensorInfo("lengths", TensorElementType.Int64, [-1])],
            session.Inputs.Select(i => i with { Shape = i.Shape.ToList() }), new TensorInfoComparer());
        var output = Assert.Single(session.Outputs);
        Assert.Equal(("probabilities", TensorElementType.Float, 2), (output.Name, output.ElementType, output.Shape.Count));
    }

    [Fact]
    public void A_missing_model_file_is_a_file_not_found_error_naming_the_path()
    {
        var path = Path.Combine(_dir, "absent.onnx");

        var error = Assert.Throws<FileNotFoundException>(() => OnnxTestAssets.Runtime.OpenSession(path, new SessionSettings()));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_model_gives_onnx_runtimes_own_error()
    {
        var path = Path.Combine(_dir, "garbage.onnx");
        File.WriteAllText(path, "this is not a protobuf model");

        var error = Assert.Throws<OnnxRuntimeException>(() => OnnxTestAssets.Runtime.OpenSession(path, new SessionSettings()));
        Assert.NotEqual(OrtErrorCode.Ok, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.OrtMessage));
        Assert.Contains(error.OrtMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_input_rank_is_an_exception_that_names_the_input()
    {
        using var session = OnnxTestAssets.Runtime.OpenSession(OnnxTestAssets.CommittedModel, new SessionSettings());

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run(Inputs([5, 6, 7], [3], [3])));

        Assert.Equal(OrtErrorCode.InvalidArgument, error.Code);
        Assert.Contains("token_ids", error.OrtMessage, StringComparison.Ordinal);
        Assert.Contains("rank", error.OrtMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_wrong_input_name_or_type_is_an_exception_not_a_crash()
    {
        using var session = OnnxTestAssets.Runtime.OpenSession(OnnxTestAssets.CommittedModel, new SessionSettings());

        var badName = Assert.Throws<OnnxRuntimeException>(() => session.Run([TensorInput.FromInt64Buffer("ids", [5], 1, 1), TensorInput.FromInt64Buffer("lengths", [1], 1)]));
        Assert.Contains("ids", badName.OrtMessage, StringComparison.Ordinal);
        var badType = Assert.Throws<OnnxRuntimeException>(() => session.Run([TensorInput.FromFloatBuffer("token_ids", [5f], 1, 1), TensorInput.FromInt64Buffer("lengths", [1], 1)]));
        Assert.Contains("input data type", badType.OrtMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_buffer_that_does_not_match_its_shape_is_refused_before_any_native_call()
    {
        var error = Assert.Throws<ArgumentException>(() => TensorInput.FromInt64Buffer("token_ids", [1, 2, 3], 2, 2));
        Assert.Contains("needs 4 elements but the buffer has 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Asking_for_cuda_where_its_library_is_absent_falls_back_to_cpu_with_a_warning()
    {
        var logger = new ListLogger<OnnxRuntimeTests>();

        using var session = OnnxTestAssets.Runtime.OpenSession(OnnxTestAssets.CommittedModel, new SessionSettings { Provider = ExecutionProvider.Cuda }, logger);

        Assert.Equal(OnnxRuntime.CpuProvider, session.ExecutionProvider);
        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("CUDA execution provider unavailable", warning.Message, StringComparison.Ordinal);
        Assert.Contains("falling back to CPU", warning.Message, StringComparison.Ordinal);
        var output = session.Run(Inputs([5, 6, 7], [1, 3], [3]));
        Assert.Equal(OneByThree, output[0].Shape);
    }

    [Fact]
    public void A_missing_native_library_is_a_file_not_found_error()
    {
        var path = Path.Combine(_dir, "libonnxruntime.so.1");

        var error = Assert.Throws<FileNotFoundException>(() => OnnxRuntime.Load(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_library_that_is_not_onnx_runtime_is_refused_with_a_clear_error()
    {
        var other = ZlibPaths.FirstOrDefault(File.Exists);
        if (other is null)
        {
            Assert.Skip("no libz.so.1 to load as a non-ONNX library");
        }

        var error = Assert.Throws<OnnxRuntimeException>(() => OnnxRuntime.Load(other));
        Assert.Contains("no OrtGetApiBase export", error.Message, StringComparison.Ordinal);
    }

    private sealed class TensorInfoComparer : IEqualityComparer<TensorInfo>
    {
        public bool Equals(TensorInfo? x, TensorInfo? y) =>
            x is not null && y is not null && x.Name == y.Name && x.ElementType == y.ElementType && x.Shape.SequenceEqual(y.Shape);

        public int GetHashCode(TensorInfo obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
