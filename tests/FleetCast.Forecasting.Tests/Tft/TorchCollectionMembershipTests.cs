namespace FleetCast.Forecasting.Tests.Tft;

/// <summary>A test class that seeds or draws from TorchSharp's process-wide generator while another runs
/// in parallel makes both flaky (a trainer's "same seed, same losses" failed in CI that way), so every
/// test file that touches TorchSharp must join the serial collection.</summary>
public sealed class TorchCollectionMembershipTests
{
    private static readonly string[] TorchUses = ["TftModel.Create(", "new TftTrainer(", "TftModel.Load(", "new TftForecaster(", "torch."];

    [Fact]
    public void EveryTestFileThatUsesTorchSharp_IsInTheTorchCollection()
    {
        var testDirectory = FindTestProjectDirectory();
        var offenders = Directory.EnumerateFiles(testDirectory, "*Tests.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => (Path: path, Text: File.ReadAllText(path)))
            .Where(file => TorchUses.Any(use => file.Text.Contains(use, StringComparison.Ordinal)))
            .Where(file => !file.Text.Contains("[Collection(TorchCollection.Name)]", StringComparison.Ordinal)
                && !file.Text.Contains("[Collection(NativeHeapCollection.Name)]", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(testDirectory, file.Path))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void TheScan_SeesTheKnownTorchTestFiles()
    {
        var testDirectory = FindTestProjectDirectory();
        var trainerTests = File.ReadAllText(Path.Combine(testDirectory, "Tft", "TftTrainerTests.cs"));

        Assert.Contains(TorchUses, use => trainerTests.Contains(use, StringComparison.Ordinal));
    }

    private static string FindTestProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FleetCast.Forecasting.Tests.csproj")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("FleetCast.Forecasting.Tests.csproj not found above " + AppContext.BaseDirectory);
    }
}
