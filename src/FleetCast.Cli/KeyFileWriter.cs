using System.Security.Cryptography;

namespace FleetCast.Cli;

/// <summary>Creates an API key file: 32 random bytes as URL-safe base64 on one line, created with mode
/// 0600 so the key is never readable by others, not even for a moment.</summary>
public static class KeyFileWriter
{
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <exception cref="IOException">The file exists and <paramref name="force"/> is false.</exception>
    public static string Write(string path, bool force)
    {
        if (File.Exists(path) && !force)
        {
            throw new IOException($"{path} already exists; pass --force to replace it.");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var key = NewKey();
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(key + "\n");
        }

        return key;
    }
}
