using System.CommandLine;

namespace FleetCast.Cli.Tests;

/// <summary>Trains one tiny TFT with `fleetcast train` into a temp directory, shared by a test class.</summary>
public sealed class TinyModelFixture : IDisposable
{
    public TinyModelFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "fleetcast-cli-tests", Guid.NewGuid().ToString("N"), "model");
        var output = new StringWriter();
        Error = new StringWriter();
        ExitCode = FleetCastCli.CreateRootCommand().Parse(
            [
                "train", "--seed", "3", "--days", "3", "--servers", "2", "--epochs", "1", "--windows-per-epoch", "32",
                "--validation-windows", "8", "--hidden-size", "8", "--batch-size", "16", "--threads", "1", "--out", Directory,
            ])
            .Invoke(new InvocationConfiguration { Output = output, Error = Error });
        Output = output.ToString();
    }

    public string Directory { get; }

    public int ExitCode { get; }

    public string Output { get; }

    public StringWriter Error { get; }

    public void Dispose()
    {
        var root = Path.GetDirectoryName(Directory)!;
        if (System.IO.Directory.Exists(root))
        {
            System.IO.Directory.Delete(root, recursive: true);
        }
    }
}
