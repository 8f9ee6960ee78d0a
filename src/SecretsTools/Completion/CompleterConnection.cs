using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using SecretsTools.Aws;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Completion;

/// <summary>
/// The one place completers learn where to call: the connection and the store a command line
/// means, from what PowerShell has bound so far (fakeBoundParameters), as the cmdlet itself would
/// build them. Destination parameters (Copy-Secret -Destination, Compare-Secret -DifferenceName)
/// take the Destination* overrides, as SecretTransferCmdletBase does.
/// </summary>
internal static class CompleterConnection
{
    /// <summary>The connection of the source, or with forDestination the destination.</summary>
    public static AwsConnectionSettings Connection(IDictionary bound, bool forDestination = false)
    {
        var credential = Value(bound, "Credential") as PSCredential;
        var source = new AwsConnectionSettings(
            Text(bound, "Region", "RegionToCall"),
            Text(bound, "ProfileName", "AWSProfileName", "StoredCredentials"),
            Text(bound, "EndpointUrl"),
            credential?.UserName,
            credential is null ? null : Values.SecureStrings.ToPlainText(credential.Password),
            null);
        if (!forDestination) return source;
        var destinationCredential = Value(bound, "DestinationCredential") as PSCredential;
        return source with
        {
            Region = Text(bound, "DestinationRegion") ?? source.Region,
            ProfileName = Text(bound, "DestinationProfileName") ?? source.ProfileName,
            EndpointUrl = Text(bound, "DestinationEndpointUrl") ?? source.EndpointUrl,
            AccessKeyId = destinationCredential?.UserName ?? source.AccessKeyId,
            SecretAccessKey = destinationCredential is null ? source.SecretAccessKey : Values.SecureStrings.ToPlainText(destinationCredential.Password),
            SessionToken = destinationCredential is null ? source.SessionToken : null,
        };
    }

    /// <summary>
    /// A typed name resolved as the cmdlet would: its own prefix or ARN, else -Store (for a
    /// destination -DestinationStore), else the default store (for a destination, the source's).
    /// Throws SecretStoreException for what the cmdlet would refuse.
    /// </summary>
    public static SecretReference Resolve(string typed, IDictionary bound, bool forDestination = false) =>
        forDestination
            ? SecretReference.Parse(typed, StoreKind(bound, "DestinationStore"), () => SourceStore(bound))
            : SecretReference.Parse(typed, StoreKind(bound, "Store"), DefaultStore.Resolve);

    /// <summary>The store serving a reference: in an ARN's own Region, as SecretCmdletBase.KeyFor does; a broken configuration throws, and completion offers nothing.</summary>
    public static (ISecretStore Store, AwsConnectionSettings Connection) StoreFor(SecretReference reference, AwsConnectionSettings connection)
    {
        // What the command line leaves open comes from the configuration, as in the cmdlet itself.
        var configured = Configuration.ConnectionDefaults.For(reference.Store, reference.Region ?? connection.Region, connection.ProfileName, connection.EndpointUrl);
        var effective = configured with
        {
            AccessKeyId = connection.AccessKeyId,
            SecretAccessKey = connection.SecretAccessKey,
            SessionToken = connection.SessionToken,
        };
        return (SecretStores.For(reference.Store, effective), effective);
    }

    /// <summary>The first name bound to -Name (or Compare-Secret's -ReferenceName), as typed.</summary>
    public static string? BoundName(IDictionary bound) =>
        First(Value(bound, "Name", "SecretId", "SourceName")) ?? First(Value(bound, "ReferenceName"));

    private static SecretStoreKind SourceStore(IDictionary bound)
    {
        var explicitStore = StoreKind(bound, "Store");
        string? name = BoundName(bound);
        if (string.IsNullOrWhiteSpace(name)) return explicitStore ?? DefaultStore.Resolve();
        return SecretReference.Parse(name, explicitStore, DefaultStore.Resolve).Store;
    }

    private static SecretStoreKind? StoreKind(IDictionary bound, string parameter) =>
        Value(bound, parameter) is { } value && Enum.TryParse(value.ToString(), true, out SecretStoreKind kind) ? kind : null;

    /// <summary>A bound string parameter (under its name or an alias), or null.</summary>
    public static string? Text(IDictionary bound, params string[] names) =>
        Value(bound, names) is string { Length: > 0 } text ? text : null;

    private static string? First(object? value) => value switch
    {
        PSObject wrapped => First(wrapped.BaseObject),
        string text => text,
        IEnumerable items => First(items.Cast<object?>().FirstOrDefault()),
        _ => null,
    };

    /// <summary>The bound value under a parameter's name or one of its aliases, unwrapped from PSObject.</summary>
    private static object? Value(IDictionary bound, params string[] names)
    {
        foreach (string name in names)
        {
            if (bound.Contains(name) && bound[name] is { } value) return value is PSObject wrapped ? wrapped.BaseObject : value;
        }
        return null;
    }
}
