using FleetCast.Server.Hosting;

namespace FleetCast.Server.Tests.Architecture;

/// <summary>Where the sources are, found from the test's build output.</summary>
internal static class ArchitectureFiles
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Project(string name) => Path.Combine(RepositoryRoot, "src", name);

    public static System.Reflection.Assembly ServerAssembly => typeof(FleetCastHost).Assembly;

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FleetCast.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("FleetCast.sln not found above " + AppContext.BaseDirectory);
    }
}
