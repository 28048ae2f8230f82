using System.IO.Compression;
using System.Net;
using SecureGen.Core.Benchmarks;
using SecureGen.Core.Benchmarks.Download;
using SecureGen.Core.Benchmarks.Loaders;

namespace SecureGen.UnitTests.Benchmarks;

public sealed class DatasetDownloaderTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("sg-cache-").FullName;

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    [Fact]
    public async Task An_unreachable_source_is_a_one_line_error_naming_the_url()
    {
        using var handler = new FakeHandler(_ => throw new HttpRequestException("Name or service not known (raw.githubusercontent.com:443)"));
        using var downloader = new DatasetDownloader(_cache, handler);

        var error = await Assert.ThrowsAsync<DatasetDownloadException>(() =>
            DatasetCatalog.Default.LoadAsync("securityeval", null, downloader, TestContext.Current.CancellationToken));

        Assert.Equal(
            "cannot download dataset 'securityeval' from https://raw.githubusercontent.com/s2e-lab/SecurityEval/main/dataset.jsonl: Name or service not known (raw.githubusercontent.com:443) (pass --dataset-path with a local copy)",
            error.Message);
        Assert.False(Directory.Exists(Path.Combine(_cache, "securityeval")));
    }

    [Fact]
    public async Task An_http_error_status_is_reported_with_the_url()
    {
        using var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound) { ReasonPhrase = "Not Found" });
        using var downloader = new DatasetDownloader(_cache, handler);

        var error = await Assert.ThrowsAsync<DatasetDownloadException>(() =>
            downloader.EnsureAsync("cweval", new CwevalLoader().Source!, TestContext.Current.CancellationToken));

        Assert.Contains("from https://github.com/Co1lin/CWEval/archive/refs/heads/main.zip: HTTP 404 Not Found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_downloaded_file_is_cached_and_not_fetched_again()
    {
        var body = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Benchmarks", "Fixtures", "securityeval", "dataset.jsonl"), TestContext.Current.CancellationToken);
        using var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) });
        using var downloader = new DatasetDownloader(_cache, handler);

        var first = await DatasetCatalog.Default.LoadAsync("securityeval", null, downloader, TestContext.Current.CancellationToken);
        var second = await DatasetCatalog.Default.LoadAsync("securityeval", null, downloader, TestContext.Current.CancellationToken);

        Assert.Equal(3, first.Count);
        Assert.Equal(first.Select(t => t.Id), second.Select(t => t.Id));
        Assert.Equal(1, handler.Calls);
        Assert.True(File.Exists(Path.Combine(_cache, "securityeval", "dataset.jsonl")));
    }

    [Fact]
    public async Task A_zip_archive_is_unpacked_and_the_loader_reads_the_folder_inside_it()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in new[] { ("1", "Write a function that deletes a user file."), ("2", "Write a function that renders a greeting.") })
            {
                await using var entry = archive.CreateEntry($"LLM-code-refine-main/data/PythonSecurityEval/{name}/text.txt").Open();
                await entry.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), TestContext.Current.CancellationToken);
            }
        }

        using var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(zip.ToArray()) });
        using var downloader = new DatasetDownloader(_cache, handler);

        var tasks = await DatasetCatalog.Default.LoadAsync("pythonsecurityeval", null, downloader, TestContext.Current.CancellationToken);

        Assert.Equal(["pse_1", "pse_2"], tasks.Select(t => t.Id));
    }

    [Fact]
    public async Task A_local_path_never_touches_the_network()
    {
        using var handler = new FakeHandler(_ => throw new InvalidOperationException("no network expected"));
        using var downloader = new DatasetDownloader(_cache, handler);

        var tasks = await DatasetCatalog.Default.LoadAsync("securityeval", Path.Combine(AppContext.BaseDirectory, "Benchmarks", "Fixtures", "securityeval"), downloader, TestContext.Current.CancellationToken);

        Assert.Equal(3, tasks.Count);
        Assert.Equal(0, handler.Calls);
    }

    private sealed class FakeHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(answer(request));
        }
    }
}
