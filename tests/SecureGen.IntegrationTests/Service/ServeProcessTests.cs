using System.ClientModel;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OpenAI;
using OpenAI.Chat;

namespace SecureGen.IntegrationTests.Service;

/// <summary>
/// Against a real `securegen serve` process: the official OpenAI .NET SDK as the client of /v1, the key table over
/// every route, quotas under 20 parallel submissions, and a cancelled run that keeps what it stored.
/// </summary>
public sealed class ServeProcessTests(ServeProcessFixture serve) : IClassFixture<ServeProcessFixture>
{
    private const string Prompt = "Write a Python function ping_host(host) that pings a host once and returns the output.";
    private static readonly string[] Baseline = ["baseline"];
    private static readonly string[] Verdicts = ["secure", "vulnerable", "unknown"];

    private ChatClient Chat(string model, string? key = null) => new(model, new ApiKeyCredential(key ?? serve.OwnerKey), new OpenAIClientOptions { Endpoint = new Uri(serve.BaseAddress, "/v1") });

    [Fact]
    public async Task A_tenant_set_to_its_own_endpoint_gets_its_chat_completions_from_there_with_its_key()
    {
        var result = await Chat("securegen/baseline", serve.OwnEndpointKey).CompleteChatAsync([new UserChatMessage(Prompt)], cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(string.IsNullOrWhiteSpace(Assert.Single(result.Value.Content).Text));
        Assert.NotEmpty(serve.OwnEndpoint.Statistics.Requests);
        Assert.All(serve.OwnEndpoint.Statistics.Requests, r => Assert.Equal((200, ServeProcessFixture.OwnLlmKey), (r.Status, r.ApiKey)));
    }

    [Fact]
    public async Task The_OpenAI_SDK_gets_checked_code_with_its_verdict_from_a_chat_completion()
    {
        var result = await Chat("securegen/securecoder").CompleteChatAsync([new UserChatMessage(Prompt)], cancellationToken: TestContext.Current.CancellationToken);

        var code = Assert.Single(result.Value.Content).Text;
        Assert.False(string.IsNullOrWhiteSpace(code));
        Assert.Equal(ChatFinishReason.Stop, result.Value.FinishReason);
        Assert.Equal("securegen/securecoder", result.Value.Model);
        var extra = JsonDocument.Parse(result.GetRawResponse().Content.ToString()).RootElement.GetProperty("securegen");
        Assert.Contains(extra.GetProperty("verdict").GetString(), Verdicts);
        Assert.Equal("securecoder", extra.GetProperty("strategy").GetString());
        Assert.Equal("2.1.0", extra.GetProperty("sarif").GetProperty("version").GetString());
        Assert.Equal("chatcmpl-" + extra.GetProperty("session_id").GetString(), result.Value.Id);
        Assert.True(result.Value.Usage.TotalTokenCount > 0);
    }

    [Fact]
    public async Task The_OpenAI_SDK_streams_the_same_kind_of_answer_in_chunks()
    {
        var text = new StringBuilder();
        var chunks = 0;
        ChatFinishReason? finish = null;
        string? id = null;
        await foreach (var update in Chat("securegen/baseline").CompleteChatStreamingAsync([new UserChatMessage(Prompt)], cancellationToken: TestContext.Current.CancellationToken))
        {
            chunks++;
            id ??= update.CompletionId;
            finish = update.FinishReason ?? finish;
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }
        }

        Assert.True(chunks >= 3, $"{chunks} chunks");
        Assert.Equal(ChatFinishReason.Stop, finish);
        Assert.False(string.IsNullOrWhiteSpace(text.ToString()));
        // The streamed code is the session's stored final code, in full.
        using var client = serve.Client(serve.OwnerKey);
        var runs = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/runs", UriKind.Relative), TestContext.Current.CancellationToken)).RootElement;
        var found = false;
        foreach (var run in runs.EnumerateArray().Where(r => r.GetProperty("kind").GetString() == "chat"))
        {
            var lines = await client.GetStringAsync(new Uri($"/api/runs/{run.GetProperty("run_id").GetString()}/results.jsonl", UriKind.Relative), TestContext.Current.CancellationToken);
            foreach (var line in lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement))
            {
                if ("chatcmpl-" + line.GetProperty("session_id").GetString() == id)
                {
                    Assert.Equal(line.GetProperty("final_code").GetString(), text.ToString());
                    found = true;
                }
            }
        }

        Assert.True(found, $"no stored session for {id}");
    }

    [Fact]
    public async Task A_streamed_reply_ends_with_the_verdict_and_done_in_the_SSE_format()
    {
        using var client = serve.Client(serve.OwnerKey);
        using var response = await client.PostAsJsonAsync("/v1/chat/completions", new { model = "securegen/cwe-aware", stream = true, cwe = 78, messages = new[] { new { role = "user", content = Prompt } } }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(events, e => Assert.StartsWith("data: ", e, StringComparison.Ordinal));
        Assert.Equal("data: [DONE]", events[^1]);
        var last = JsonDocument.Parse(events[^2]["data: ".Length..]).RootElement;
        Assert.Equal("chat.completion.chunk", last.GetProperty("object").GetString());
        Assert.Equal("stop", last.GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Contains(last.GetProperty("securegen").GetProperty("verdict").GetString(), Verdicts);
    }

    [Fact]
    public async Task Bad_chat_requests_get_OpenAI_error_objects_not_server_errors()
    {
        var unknownModel = await Assert.ThrowsAsync<ClientResultException>(() => Chat("gpt-4o").CompleteChatAsync([new UserChatMessage(Prompt)], cancellationToken: TestContext.Current.CancellationToken));
        var hugePrompt = await Assert.ThrowsAsync<ClientResultException>(() => Chat("securegen/baseline").CompleteChatAsync([new UserChatMessage(new string('x', 1024 * 1024))], cancellationToken: TestContext.Current.CancellationToken));
        using var client = serve.Client(serve.OwnerKey);
        using var empty = await client.PostAsync(new Uri("/v1/chat/completions", UriKind.Relative), new StringContent("""{"model":"securegen/baseline","messages":[]}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        using var notJson = await client.PostAsync(new Uri("/v1/chat/completions", UriKind.Relative), new StringContent("{", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(404, unknownModel.Status);
        Assert.Equal(413, hugePrompt.Status);
        foreach (var (response, status) in new[] { (empty, HttpStatusCode.BadRequest), (notJson, HttpStatusCode.BadRequest) })
        {
            Assert.Equal(status, response.StatusCode);
            var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("error");
            Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
            Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        }

        Assert.Equal("model_not_found", JsonDocument.Parse(unknownModel.GetRawResponse()!.Content.ToString()).RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_models_list_names_the_strategies()
    {
        var models = await new OpenAIClient(new ApiKeyCredential(serve.OwnerKey), new OpenAIClientOptions { Endpoint = new Uri(serve.BaseAddress, "/v1") })
            .GetOpenAIModelClient().GetModelsAsync(TestContext.Current.CancellationToken);

        Assert.Contains(models.Value, m => m.Id == "securegen/baseline");
        Assert.Contains(models.Value, m => m.Id == "securegen/securecoder");
        Assert.DoesNotContain(models.Value, m => m.Id == "securegen/classify");
    }

    [Fact]
    public async Task Every_route_of_the_process_refuses_a_missing_or_wrong_key_and_hides_another_tenants_runs()
    {
        using var owner = serve.Client(serve.OwnerKey);
        var runId = await ServiceCalls.SubmitAsync(owner, new { strategies = Baseline, limit = 1 });

        var routes = await AuthorizationTable.CheckAsync(serve.Client, "owner", runId, serve.OtherKey);

        Assert.True(routes.Count >= 15, string.Join(", ", routes));
    }

    [Fact]
    public async Task Twenty_parallel_submissions_to_the_process_admit_exactly_the_concurrent_quota()
    {
        using var client = serve.Client(serve.BusyKey);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostAsJsonAsync("/api/runs", new { strategies = Baseline, samples = 5, limit = 3, max_in_flight = 1 })));

        var admitted = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.Equal(2, admitted.Count);
        Assert.Equal(18, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests && r.Headers.RetryAfter is not null));
        foreach (var response in admitted)
        {
            var runId = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("run_id").GetString();
            using var cancelled = await client.PostAsync(new Uri($"/api/runs/{runId}/cancel", UriKind.Relative), null, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        }
    }

    [Fact]
    public async Task A_run_cancelled_on_the_process_keeps_what_it_stored()
    {
        using var client = serve.Client(serve.OwnerKey);
        var runId = await ServiceCalls.SubmitAsync(client, new { strategies = Baseline, samples = 4, limit = 3, max_in_flight = 1 });
        await ServiceCalls.WaitForAsync(client, runId, s => s.GetProperty("completed").GetInt32() >= 1);

        using var cancel = await client.PostAsync(new Uri($"/api/runs/{runId}/cancel", UriKind.Relative), null, TestContext.Current.CancellationToken);
        var ended = await ServiceCalls.WaitForAsync(client, runId, s => ServiceCalls.State(s) == "cancelled");
        var stored = (await client.GetStringAsync(new Uri($"/api/runs/{runId}/results.jsonl", UriKind.Relative), TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.InRange(stored.Length, 1, 11);
        Assert.Equal(stored.Length, ended.GetProperty("completed").GetInt32());
        Assert.Equal(stored.Length, ended.GetProperty("sessions_stored").GetInt32());
    }

    [Fact]
    public async Task Eval_generate_and_report_with_server_write_their_usual_output_from_the_service()
    {
        var output = Directory.CreateTempSubdirectory("sg-eval-server-").FullName;
        var copy = Path.Combine(output, "copy");
        var prompt = Path.Combine(output, "prompt.txt");
        await File.WriteAllTextAsync(prompt, Prompt, TestContext.Current.CancellationToken);
        try
        {
            var server = serve.BaseAddress.ToString();
            var eval = await Support.CliProcess.RunAsync("eval", "--server", server, "--api-key", serve.OwnerKey, "--strategy", "baseline", "--tasks", "2", "--out", output);
            var lines = await File.ReadAllLinesAsync(Path.Combine(output, "results.jsonl"), TestContext.Current.CancellationToken);
            var runId = JsonDocument.Parse(lines[0]).RootElement.GetProperty("run_id").GetString()!;
            var report = await Support.CliProcess.RunAsync("report", copy, "--server", server, "--api-key", serve.OwnerKey, "--run", runId);
            var generate = await Support.CliProcess.RunAsync("generate", "--server", server, "--api-key", serve.OwnerKey, "--strategy", "securecoder", "--prompt-file", prompt);
            var refused = await Support.CliProcess.RunAsync("eval", "--server", server, "--api-key", AuthorizationTable.WrongKey, "--out", output);

            Assert.True(eval.ExitCode == 0, eval.Stderr + eval.Stdout);
            Assert.Equal(2, lines.Length);
            Assert.True(File.Exists(Path.Combine(output, "metrics.json")));
            Assert.True(File.Exists(Path.Combine(output, "report.html")));
            Assert.True(File.Exists(Path.Combine(output, "results.sarif")));
            Assert.True(report.ExitCode == 0, report.Stderr + report.Stdout);
            Assert.Equal(lines, await File.ReadAllLinesAsync(Path.Combine(copy, "results.jsonl"), TestContext.Current.CancellationToken));
            Assert.True(generate.ExitCode == 0, generate.Stderr);
            Assert.False(string.IsNullOrWhiteSpace(generate.Stdout));
            Assert.Contains("securecoder: ", generate.Stderr, StringComparison.Ordinal);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("401", refused.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
