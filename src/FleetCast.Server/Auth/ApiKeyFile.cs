using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace FleetCast.Server.Auth;

/// <summary>Writes key files for <c>fleetcast keygen --out FILE</c>.</summary>
public static class ApiKeyFile
{
    public const int KeyBytes = 32;

    /// <summary>Writes one new random 256-bit key (base64url, 43 characters) and a newline to
    /// <paramref name="path"/>. The file is created with mode 0600, so it is never readable by others,
    /// not even for a moment; with <paramref name="force"/> an existing file is replaced atomically.</summary>
    /// <returns>The key written.</returns>
    /// <exception cref="IOException">The file exists and <paramref name="force"/> is false.</exception>
    public static string Generate(string path, bool force = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!force && File.Exists(fullPath))
        {
            throw new IOException($"'{path}' already exists; pass --force to replace it.");
        }

        var key = NewKey();
        var bytes = Encoding.ASCII.GetBytes(key + "\n");
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        if (!force)
        {
            WriteNew(fullPath, bytes);
            return key;
        }

        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            WriteNew(temporary, bytes);
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return key;
    }

    public static string NewKey() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(KeyBytes));

    private static void WriteNew(string path, byte[] bytes)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }
}
