using System;
using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace SecretsTools.AwsJson.Protocol;

/// <summary>
/// Adjusts the serializer's view of the model classes in one place instead of attributes on every
/// member:
/// <list type="bullet">
/// <item>only members declared by our model types travel: the SDK base classes
///   (AmazonWebServiceRequest/Response) have public properties of their own;</item>
/// <item>an empty request collection is "not set" and is left out, as in the official SDK;</item>
/// <item>a response collection that is absent or null stays the empty instance the class created, so
///   callers never see null lists or maps.</item>
/// </list>
/// </summary>
internal static class ModelContract
{
    private static readonly Assembly ModelAssembly = typeof(ModelContract).Assembly;

    public static void Apply(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.Type.Assembly != ModelAssembly) return;

        for (int i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            var property = typeInfo.Properties[i];
            if (property.AttributeProvider is MemberInfo member && member.DeclaringType?.Assembly != ModelAssembly)
            {
                typeInfo.Properties.RemoveAt(i);
                continue;
            }
            if (IsCollection(property.PropertyType)) MakeCollectionNeverNull(property);
        }
    }

    private static bool IsCollection(Type type) =>
        type != typeof(string) && type != typeof(byte[]) && typeof(IEnumerable).IsAssignableFrom(type);

    private static void MakeCollectionNeverNull(JsonPropertyInfo property)
    {
        property.ShouldSerialize = static (_, value) => value is ICollection { Count: > 0 };
        var set = property.Set;
        if (set is not null) property.Set = (owner, value) => { if (value is not null) set(owner, value); };
    }
}
