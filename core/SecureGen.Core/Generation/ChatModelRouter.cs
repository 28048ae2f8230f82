namespace SecureGen.Core.Generation;

/// <summary>Sends each request to the endpoint that serves its model; a model no endpoint lists goes to the first.</summary>
public sealed class ChatModelRouter : IChatModel
{
    private readonly IReadOnlyList<(LlmEndpointOptions Endpoint, IChatModel Model)> _routes;

    public ChatModelRouter(IReadOnlyList<(LlmEndpointOptions Endpoint, IChatModel Model)> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        if (routes.Count == 0)
        {
            throw new ArgumentException("at least one endpoint is needed", nameof(routes));
        }

        _routes = routes;
    }

    public Task<ChatReply> CompleteAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var route = _routes.FirstOrDefault(r => r.Endpoint.Serves(request.Model));
        return (route.Model ?? _routes[0].Model).CompleteAsync(request, cancellationToken);
    }
}
