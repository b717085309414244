using System.CommandLine;

namespace FleetCast.Cli.Tests;

public sealed class KeygenCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "fleetcast-cli-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Keygen_NewFile_WritesOneKeyWithMode0600()
    {
        var path = Path.Combine(_directory, "api.key");

        var exit = FleetCastCli.CreateRootCommand().Parse(["keygen", "--out", path]).Invoke(new InvocationConfiguration { Output = new StringWriter() });

        Assert.Equal(0, exit);
        var lines = File.ReadAllLines(path);
        Assert.Single(lines);
        Assert.True(lines[0].Length >= 40);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void Keygen_ExistingFileWithoutForce_FailsAndKeepsTheOldKey()
    {
        var path = Path.Combine(_directory, "api.key");
        Directory.CreateDirectory(_directory);
        File.WriteAllText(path, "old\n");
        var error = new StringWriter();

        var exit = FleetCastCli.CreateRootCommand().Parse(["keygen", "--out", path]).Invoke(new InvocationConfiguration { Output = new StringWriter(), Error = error });
        var forced = FleetCastCli.CreateRootCommand().Parse(["keygen", "--out", path, "--force"]).Invoke(new InvocationConfiguration { Output = new StringWriter() });

        Assert.Equal(1, exit);
        Assert.Contains("--force", error.ToString());
        Assert.Equal(0, forced);
        Assert.NotEqual("old", File.ReadAllText(path).Trim());
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
