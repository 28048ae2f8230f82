namespace SecureGen.Cli.Eval;

/// <summary>Checks before a run starts that the LLM endpoint answers at all, so a typo fails in a second, not after a thousand retries.</summary>
internal static class EndpointProbe
{
    /// <summary>Null when the endpoint answered (any HTTP status); otherwise why it could not be reached.</summary>
    public static async Task<string?> FindProblemAsync(Uri baseUrl, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await http.GetAsync(new Uri(baseUrl.ToString().TrimEnd('/') + "/models"), cancellationToken);
            return null;
        }
        catch (HttpRequestException e)
        {
            return $"cannot reach LLM endpoint {baseUrl}: {e.Message}";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"LLM endpoint {baseUrl} did not answer within 10 s";
        }
    }
}
