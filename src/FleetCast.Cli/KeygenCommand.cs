using System.CommandLine;
using FleetCast.Server.Auth;

namespace FleetCast.Cli;

/// <summary><c>fleetcast keygen --out FILE [--force]</c>: writes one new API key on one line, mode 0600.</summary>
public static class KeygenCommand
{
    public static Command Create()
    {
        var output = new Option<FileInfo>("--out") { Description = "File to write the new API key to (one key on one line, mode 0600).", Required = true };
        var force = new Option<bool>("--force") { Description = "Overwrite the file if it exists." };
        var command = new Command("keygen", "Generate an API key for X-API-Key / Authorization: Bearer, and write it to a file readable only by you.")
        {
            output,
            force,
        };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(output)!;
            try
            {
                ApiKeyFile.Generate(file.FullName, parse.GetValue(force));
                parse.InvocationConfiguration.Output.WriteLine($"Wrote a new API key to {file.FullName} (mode 0600). Start the server with --api-key-file {file.FullName}.");
                return 0;
            }
            catch (IOException ex)
            {
                parse.InvocationConfiguration.Error.WriteLine(ex.Message);
                return 1;
            }
        });
        return command;
    }
}
