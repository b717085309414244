using System.Reflection;
using System.Reflection.Emit;

namespace FleetCast.Server.Tests.Architecture;

/// <summary>The types one type uses: its base type, interfaces, attributes, members' signatures and the
/// types, fields and methods its method bodies name (read from the IL), generic arguments, array element
/// types and declaring types included. Compiler-generated nested types (lambdas, iterators, async state
/// machines) are types of their own in the assembly, so walking every type finds what they use too.</summary>
internal static class TypeReferences
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static IEnumerable<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        Add(found, type.BaseType);
        Add(found, type.DeclaringType);
        foreach (var inner in type.GetInterfaces())
        {
            Add(found, inner);
        }

        AddAttributes(found, type.CustomAttributes);
        foreach (var field in type.GetFields(Declared))
        {
            Add(found, field.FieldType);
            AddAttributes(found, field.CustomAttributes);
        }

        foreach (var property in type.GetProperties(Declared))
        {
            Add(found, property.PropertyType);
            AddAttributes(found, property.CustomAttributes);
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            AddMethod(found, method);
        }

        return found;
    }

    private static void AddMethod(HashSet<Type> found, MethodBase method)
    {
        AddAttributes(found, method.CustomAttributes);
        if (method is MethodInfo info)
        {
            Add(found, info.ReturnType);
        }

        foreach (var parameter in method.GetParameters())
        {
            Add(found, parameter.ParameterType);
            AddAttributes(found, parameter.CustomAttributes);
        }

        if (method.GetMethodBody() is not { } body)
        {
            return;
        }

        foreach (var local in body.LocalVariables)
        {
            Add(found, local.LocalType);
        }

        foreach (var member in MembersNamedIn(method, body.GetILAsByteArray() ?? []))
        {
            switch (member)
            {
                case Type named:
                    Add(found, named);
                    break;
                case MethodBase called:
                    Add(found, called.DeclaringType);
                    if (called.IsGenericMethod)
                    {
                        foreach (var argument in called.GetGenericArguments())
                        {
                            Add(found, argument);
                        }
                    }

                    break;
                case FieldInfo field:
                    Add(found, field.DeclaringType);
                    Add(found, field.FieldType);
                    break;
            }
        }
    }

    /// <summary>The members the IL's metadata tokens name (the operands of call, newobj, ldfld, box, castclass, ldtoken, ...).</summary>
    private static IEnumerable<MemberInfo> MembersNamedIn(MethodBase method, byte[] il)
    {
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            var value = il[position] == 0xFE ? (short)(0xFE00 | il[position + 1]) : il[position];
            position += il[position] == 0xFE ? 2 : 1;
            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    yield return method.Module.ResolveMember(BitConverter.ToInt32(il, position), typeArguments, methodArguments)!;
                    position += 4;
                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (4 * BitConverter.ToInt32(il, position));
                    break;
                default:
                    position += OperandSize(opCode.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    private static void AddAttributes(HashSet<Type> found, IEnumerable<CustomAttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            Add(found, attribute.AttributeType);
            foreach (var argument in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(a => a.TypedValue)))
            {
                Add(found, argument.ArgumentType);
                if (argument.Value is Type typeOf)
                {
                    Add(found, typeOf);
                }
            }
        }
    }

    private static void Add(HashSet<Type> found, Type? type)
    {
        if (type is null || type.IsGenericParameter || !found.Add(type))
        {
            return;
        }

        if (type.HasElementType)
        {
            Add(found, type.GetElementType());
        }

        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Add(found, argument);
            }
        }

        Add(found, type.DeclaringType);
    }
}
