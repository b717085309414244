namespace FleetCast.Server.Tests.Architecture;

public sealed class TypeReferencesTests
{
    [Fact]
    public void Of_TypeUsedOnlyInsideAMethodBody_IsFound()
    {
        var used = TypeReferences.Of(typeof(BodyOnly)).ToArray();

        Assert.Contains(typeof(InBody), used);
        Assert.Contains(typeof(AsGenericArgument), used);
        Assert.Contains(typeof(StaticField), used);
    }

    [Fact]
    public void Of_TypesInSignaturesAndAttributes_AreFound()
    {
        var used = TypeReferences.Of(typeof(SignatureOnly)).ToArray();

        Assert.Contains(typeof(InBody), used);
        Assert.Contains(typeof(AsGenericArgument), used);
        Assert.Contains(typeof(StaticField), used);
    }

    private static class BodyOnly
    {
        public static int Run() => new InBody().GetHashCode() + new List<AsGenericArgument>().Count + StaticField.Value;
    }

    [TypeArgument(typeof(StaticField))]
    private sealed class SignatureOnly
    {
        public InBody? Property { get; init; }

        public IReadOnlyList<AsGenericArgument> Method() => [];
    }

    private sealed class InBody;

    private sealed class AsGenericArgument;

    private static class StaticField
    {
        public static int Value = 1;
    }

    [AttributeUsage(AttributeTargets.Class)]
    private sealed class TypeArgumentAttribute(Type type) : Attribute
    {
        public Type Type { get; } = type;
    }
}
