namespace SecureGen.Core.Benchmarks;

/// <summary>The public location a dataset is downloaded from when the user gives no local path.</summary>
/// <param name="Url">A single file, or a zip archive of a repository.</param>
/// <param name="IsZipArchive">True when <paramref name="Url"/> is a zip to unpack into the cache.</param>
/// <param name="PathInside">The file or folder to hand to the loader, relative to the unpacked archive (or the file name for a single file).</param>
public sealed record DatasetSource(Uri Url, bool IsZipArchive, string PathInside);
