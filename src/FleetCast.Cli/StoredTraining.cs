using System.CommandLine;
using FleetCast.Core.Datasets;
using FleetCast.Server.Storage;

namespace FleetCast.Cli;

/// <summary><c>fleetcast train --data-dir</c>: the checks of its options and reading the stored samples.</summary>
internal static class StoredTraining
{
    public const int DefaultMinServers = 2;

    public const double DefaultMinDays = 3;

    /// <summary>Adds a message per bad option to <paramref name="problems"/>.</summary>
    public static void Check(ParseResult parse, Option<FileInfo?> data, Option<DirectoryInfo?> dataDir, Option<decimal> maxDays, Option<int> minServers,
        Option<decimal> minDays, List<string> problems)
    {
        if (parse.GetValue(dataDir) is not { } directory)
        {
            return;
        }

        if (parse.GetValue(data) is not null)
        {
            problems.Add("--data and --data-dir exclude each other: train on a dataset file or on a data directory's stored samples.");
        }

        if (!File.Exists(Path.Combine(directory.FullName, SqliteDatabase.FileName)))
        {
            problems.Add($"--data-dir: '{directory.FullName}' holds no {SqliteDatabase.FileName} (the directory a FleetCast server was run with, --data-dir).");
        }

        if (parse.GetValue(maxDays) <= 0)
        {
            problems.Add("--max-days must be positive.");
        }

        if (parse.GetValue(minServers) < 1)
        {
            problems.Add("--min-servers must be at least 1.");
        }

        if (parse.GetValue(minDays) <= 0)
        {
            problems.Add("--min-days must be positive.");
        }
    }

    /// <summary>The newest <paramref name="maxDays"/> days of stored samples; null (with the reason on
    /// <paramref name="error"/>) when they are not enough.</summary>
    public static FleetDataset? Read(DirectoryInfo directory, decimal maxDays, DataSufficiency sufficiency, TextWriter error)
    {
        SqliteDatabase opened;
        try
        {
            opened = new SqliteDatabase(new SqliteStorageOptions(directory.FullName));
        }
        catch (DataDirectoryInUseException exception)
        {
            // Opening it would also inspect and recover the running server's write-ahead log.
            error.WriteLine($"--data-dir: {exception.Message} To train while it runs, use its retraining (POST /api/v1/admin/models/retrain), "
                + $"or train on a copy: sqlite3 {Path.Combine(directory.FullName, SqliteDatabase.FileName)} \".backup COPY_DIR/{SqliteDatabase.FileName}\".");
            return null;
        }

        using var database = opened;
        var latest = new SampleStore(database).LatestTimestamp();
        var dataset = StoredFleetDataset.Read(database, SimulatedData.StepSeconds, latest?.AddDays(-(double)maxDays));
        if (sufficiency.Check(dataset) is { } problem)
        {
            error.WriteLine($"--data-dir: {problem}");
            return null;
        }

        error.WriteLine($"Read {dataset.Servers.Count} servers × {dataset.Steps} steps of stored samples from {database.FilePath}.");
        return dataset;
    }
}
