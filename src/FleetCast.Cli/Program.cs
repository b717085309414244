using FleetCast.Cli;

return await FleetCastCli.CreateRootCommand().Parse(args).InvokeAsync();
