namespace SecureGen.Core.Benchmarks.Download;

/// <summary>A dataset could not be fetched from its public source. The message names the URL and says how to work around it.</summary>
public sealed class DatasetDownloadException : Exception
{
    public DatasetDownloadException(string dataset, Uri url, string reason)
        : base($"cannot download dataset '{dataset}' from {url}: {reason} (pass --dataset-path with a local copy)")
    {
        Url = url;
    }

    public DatasetDownloadException()
    {
    }

    public DatasetDownloadException(string message) : base(message)
    {
    }

    public DatasetDownloadException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public Uri? Url { get; }
}
