using System.IO.Compression;

namespace SecureGen.Core.Benchmarks.Download;

/// <summary>
/// Fetches a dataset from its public source into a cache folder (one folder per dataset) and
/// returns the local path to load. A folder counts as cached only once its download finished,
/// so an interrupted download is fetched again rather than half-read.
/// </summary>
public sealed class DatasetDownloader : IDisposable
{
    private const string CompleteMarker = ".complete";
    private readonly HttpClient _http;
    private readonly string _cacheRoot;

    /// <param name="handler">The HTTP stack; tests pass a fake one. Null uses the platform default.</param>
    public DatasetDownloader(string? cacheRoot = null, HttpMessageHandler? handler = null, TimeSpan? timeout = null)
    {
        _cacheRoot = cacheRoot ?? DefaultCacheRoot();
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = timeout ?? TimeSpan.FromMinutes(5);
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("securegen-dataset-loader");
    }

    /// <summary>~/.cache/securegen/datasets, or under $XDG_CACHE_HOME when set.</summary>
    public static string DefaultCacheRoot()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var cache = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
            : xdg;
        return Path.Combine(cache, "securegen", "datasets");
    }

    public async Task<string> EnsureAsync(string dataset, DatasetSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var folder = Path.Combine(_cacheRoot, dataset);
        var target = Path.Combine(folder, source.PathInside);
        if (File.Exists(Path.Combine(folder, CompleteMarker)))
        {
            return target;
        }

        byte[] payload;
        try
        {
            using var response = await _http.GetAsync(source.Url, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new DatasetDownloadException(dataset, source.Url, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            payload = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new DatasetDownloadException(dataset, source.Url, FirstLine(e.Message));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DatasetDownloadException(dataset, source.Url, $"no answer within {_http.Timeout.TotalSeconds:0} s");
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        if (source.IsZipArchive)
        {
            try
            {
                using var archive = new ZipArchive(new MemoryStream(payload), ZipArchiveMode.Read);
                archive.ExtractToDirectory(folder, overwriteFiles: true);
            }
            catch (InvalidDataException e)
            {
                throw new DatasetDownloadException(dataset, source.Url, $"not a zip archive ({FirstLine(e.Message)})");
            }
        }
        else
        {
            await File.WriteAllBytesAsync(target, payload, cancellationToken);
        }

        await File.WriteAllTextAsync(Path.Combine(folder, CompleteMarker), source.Url + "\n", cancellationToken);
        return target;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    public void Dispose() => _http.Dispose();
}
