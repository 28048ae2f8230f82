using System.Runtime.InteropServices;
using SecureGen.Onnx.Native;

namespace SecureGen.Onnx;

/// <summary>An open ONNX Runtime inference session. <see cref="Run"/> may be called from several threads at once.</summary>
public sealed class OnnxSession : IDisposable
{
    private readonly OnnxRuntime _runtime;
    private readonly OrtSessionHandle _handle;
    private readonly string[] _outputNames;

    internal OnnxSession(OnnxRuntime runtime, OrtSessionHandle handle, string modelPath, string executionProvider)
    {
        _runtime = runtime;
        _handle = handle;
        ModelPath = modelPath;
        ExecutionProvider = executionProvider;
        var api = runtime.Api;
        Inputs = Enumerable.Range(0, api.GetInputCount(handle)).Select(i => Describe(api.GetInputName(handle, i), api.GetInputOrOutputTensorInfo(handle, i, input: true))).ToList();
        Outputs = Enumerable.Range(0, api.GetOutputCount(handle)).Select(i => Describe(api.GetOutputName(handle, i), api.GetInputOrOutputTensorInfo(handle, i, input: false))).ToList();
        _outputNames = Outputs.Select(o => o.Name).ToArray();
    }

    public string ModelPath { get; }

    /// <summary>The provider the session was created with: CPUExecutionProvider or CUDAExecutionProvider.</summary>
    public string ExecutionProvider { get; }

    public IReadOnlyList<TensorInfo> Inputs { get; }

    public IReadOnlyList<TensorInfo> Outputs { get; }

    /// <summary>Runs the model on the given inputs and returns every output (float tensors), in model order.</summary>
    /// <exception cref="OnnxRuntimeException">ORT rejected the inputs (wrong name, rank, type or shape), with its message.</exception>
    public unsafe IReadOnlyList<TensorOutput> Run(IReadOnlyList<TensorInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var api = _runtime.Api;
        var pins = new List<GCHandle>(inputs.Count);
        var values = new List<OrtValueHandle>(inputs.Count);
        OrtValueHandle[] outputs = [];
        try
        {
            foreach (var input in inputs)
            {
                var pin = GCHandle.Alloc(input.Data, GCHandleType.Pinned);
                pins.Add(pin);
                values.Add(api.CreateTensorOverBuffer(_runtime.CpuMemory, (void*)pin.AddrOfPinnedObject(), input.Data.LongLength * input.ElementSize, input.Shape.ToArray(), input.ElementType));
            }

            outputs = api.Run(_handle, inputs.Select(i => i.Name).ToList(), values, _outputNames);
            var results = new List<TensorOutput>(outputs.Length);
            for (var i = 0; i < outputs.Length; i++)
            {
                var (type, shape) = api.GetTensorTypeAndShape(outputs[i]);
                if (type != TensorElementType.Float)
                {
                    throw new NotSupportedException($"output '{_outputNames[i]}' is {type}; only float outputs are read");
                }

                var count = checked((int)shape.Aggregate(1L, (a, d) => a * d));
                var data = new float[count];
                new ReadOnlySpan<float>(api.GetTensorData(outputs[i]), count).CopyTo(data);
                results.Add(new TensorOutput(_outputNames[i], shape, data));
            }

            return results;
        }
        finally
        {
            foreach (var output in outputs)
            {
                output.Dispose();
            }

            foreach (var value in values)
            {
                value.Dispose();
            }

            foreach (var pin in pins)
            {
                pin.Free();
            }
        }
    }

    public void Dispose() => _handle.Dispose();

    private static TensorInfo Describe(string name, (TensorElementType Type, long[] Shape)? info) =>
        info is { } i ? new TensorInfo(name, i.Type, i.Shape) : new TensorInfo(name, TensorElementType.Undefined, []);
}
