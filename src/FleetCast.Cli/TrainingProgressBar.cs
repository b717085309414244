using FleetCast.Forecasting.Tft.Training;

namespace FleetCast.Cli;

/// <summary>Draws training progress on one stderr line (rewritten in place on a terminal; one line
/// per report when redirected to a file).</summary>
internal sealed class TrainingProgressBar(TextWriter writer, bool redirected)
{
    private const int Width = 20;
    private bool _open;

    public void Report(TftTrainingProgress progress)
    {
        var done = progress.BatchesPerEpoch == 0 ? 0 : (double)progress.Batch / progress.BatchesPerEpoch;
        var filled = (int)Math.Round(done * Width);
        var validation = progress.ValidationLoss is { } v ? v.ToString("0.0000") : "-";
        var line = $"epoch {progress.Epoch}/{progress.MaxEpochs} [{new string('#', filled)}{new string('-', Width - filled)}] " +
            $"loss {progress.TrainLoss:0.0000} val {validation} elapsed {progress.Elapsed:hh\\:mm\\:ss} left {progress.EstimatedRemaining:hh\\:mm\\:ss}";
        if (redirected || progress.EpochCompleted)
        {
            writer.WriteLine(redirected ? line : "\r" + line);
            _open = false;
        }
        else
        {
            writer.Write("\r" + line);
            _open = true;
        }

        writer.Flush();
    }

    public void Finish()
    {
        if (_open)
        {
            writer.WriteLine();
            _open = false;
        }
    }
}
