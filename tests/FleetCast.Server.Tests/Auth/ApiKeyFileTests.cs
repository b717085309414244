using FleetCast.Server.Auth;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Auth;

public sealed class ApiKeyFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Generate_NewFile_OneLineKeyWithOwnerOnlyMode()
    {
        var path = _directory.Combine("fleetcast.key");

        var key = ApiKeyFile.Generate(path);

        Assert.Equal(key + "\n", File.ReadAllText(path));
        Assert.Equal(43, key.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", key);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.Equal([key], ApiKeyOptions.Load(path, null).Keys);
    }

    [Fact]
    public void Generate_FileExists_RefusesAndLeavesItUnchanged()
    {
        var path = _directory.Combine("fleetcast.key");
        File.WriteAllText(path, "existing\n");

        Assert.Throws<IOException>(() => ApiKeyFile.Generate(path));

        Assert.Equal("existing\n", File.ReadAllText(path));
    }

    [Fact]
    public void Generate_FileExistsWithForce_ReplacesWithNewKeyAndOwnerOnlyMode()
    {
        var path = _directory.Combine("fleetcast.key");
        File.WriteAllText(path, "existing\n");

        var key = ApiKeyFile.Generate(path, force: true);

        Assert.Equal(key + "\n", File.ReadAllText(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.Single(Directory.GetFiles(_directory.Path));
    }

    [Fact]
    public void Generate_TwoFiles_DifferentKeys()
    {
        Assert.NotEqual(ApiKeyFile.Generate(_directory.Combine("a")), ApiKeyFile.Generate(_directory.Combine("b")));
    }
}
