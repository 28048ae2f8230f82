using System.Diagnostics;
using SecureGen.Core.Generation;

namespace SecureGen.Core.Telemetry;

/// <summary>What one LLM call adds to its span and to the LLM instruments (tokens, cost, latency, retries).</summary>
internal static class LlmTelemetry
{
    public static void RecordReply(Activity? activity, ChatReply reply)
    {
        var model = new KeyValuePair<string, object?>("model", reply.Model);
        var cached = new KeyValuePair<string, object?>("cached", reply.Cached);
        SecureGenMeters.LlmTokens.Add(reply.PromptTokens, model, new("type", "input"), cached);
        SecureGenMeters.LlmTokens.Add(reply.CompletionTokens, model, new("type", "output"), cached);
        SecureGenMeters.LlmCost.Add(reply.CostUsd, model);
        SecureGenMeters.LlmDuration.Record(reply.LatencyMs, model, new("outcome", reply.Cached ? "cached" : "ok"));
        if (reply.Retries > 0)
        {
            SecureGenMeters.LlmRetries.Add(reply.Retries, model);
        }

        if (activity is null)
        {
            return;
        }

        activity.SetTag("gen_ai.response.model", reply.Model);
        activity.SetTag("gen_ai.usage.input_tokens", reply.PromptTokens);
        activity.SetTag("gen_ai.usage.output_tokens", reply.CompletionTokens);
        activity.SetTag("securegen.llm.cost_usd", reply.CostUsd);
        activity.SetTag("securegen.llm.retries", reply.Retries);
        activity.SetTag("securegen.llm.cached", reply.Cached);
        activity.SetTag("securegen.llm.endpoint", reply.Endpoint);
    }

    public static void RecordFailure(Activity? activity, string model, LlmEndpointException failure)
    {
        var tag = new KeyValuePair<string, object?>("model", model);
        if (failure.Retries > 0)
        {
            SecureGenMeters.LlmRetries.Add(failure.Retries, tag);
        }

        activity?.SetTag("securegen.llm.retries", failure.Retries);
        activity?.SetStatus(ActivityStatusCode.Error, failure.Message);
    }
}
