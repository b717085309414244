using System.CommandLine;

namespace FleetCast.Cli;

/// <summary>The <c>fleetcast</c> command line: run, simulate, keygen, train, evaluate, calibrate.</summary>
public static class FleetCastCli
{
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("FleetCast: predictive monitoring for a fleet of servers (forecasts, risk scores, alerts, live dashboard).")
        {
            RunCommand.Create(),
            SimulateCommand.Create(),
            KeygenCommand.Create(),
            TrainCommand.Create(),
            EvaluateCommand.Create(),
            CalibrateCommand.Create(),
        };
        return root;
    }
}
