using FleetCast.Server.Auth;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Auth;

public sealed class ApiKeyOptionsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Load_FileWithCommentsAndBlankLinesPlusEnvironment_ReadsEveryKey()
    {
        var path = _directory.Combine("keys");
        File.WriteAllText(path, "# production keys\n\n  key-one  \n#key-disabled\nkey-two\n");

        var options = ApiKeyOptions.Load(path, " key-three , ,key-one");

        Assert.Equal(["key-one", "key-two", "key-three"], options.Keys);
        Assert.True(options.Enabled);
    }

    [Fact]
    public void Load_NothingConfigured_Disabled()
    {
        var options = ApiKeyOptions.Load(null, null);

        Assert.False(options.Enabled);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingTheFile()
    {
        var path = _directory.Combine("absent");

        var error = Assert.Throws<FileNotFoundException>(() => ApiKeyOptions.Load(path, null));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Load_FileWithOnlyComments_RefusesToRunOpen()
    {
        var path = _directory.Combine("keys");
        File.WriteAllText(path, "# nothing here\n\n");

        Assert.Throws<InvalidDataException>(() => ApiKeyOptions.Load(path, null));
    }

    [Fact]
    public void ToString_WithKeys_DoesNotShowThem()
    {
        var options = new ApiKeyOptions(["secret-value"]);

        Assert.DoesNotContain("secret-value", options.ToString());
    }
}
