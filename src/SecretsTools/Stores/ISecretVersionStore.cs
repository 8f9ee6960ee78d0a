using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Model;

namespace SecretsTools.Stores;

/// <summary>
/// Versions and labels, a capability beside ISecretStore that both stores have in their own
/// words (Secrets Manager: VersionIds and staging labels; Parameter Store: version numbers and
/// labels). Get one with SecretStores.VersionsFor; it is the same object as the ISecretStore, so
/// the value cache forgets a name whenever a label moves or a version is written.
/// Versions given to the members are the store's own (see ResolveVersionAsync). Failures of one
/// name throw SecretStoreException with an ErrorId; AwsCallException means nothing further works.
/// </summary>
internal interface ISecretVersionStore
{
    SecretStoreKind Kind { get; }

    /// <summary>
    /// The versions of a secret, newest first, metadata only (no value is read or returned).
    /// Secrets Manager lists versions with a staging label, and the unlabelled ones it still keeps
    /// when includeDeprecated; Parameter Store keeps every version, so it always lists them all.
    /// </summary>
    Task<IReadOnlyList<SecretVersion>> ListVersionsAsync(string name, bool includeDeprecated, CancellationToken cancellationToken);

    /// <summary>
    /// The store's id of a version as a user typed it: Secrets Manager takes a VersionId or its
    /// first 8+ characters (as Get-Secret -Version does); Parameter Store a version number.
    /// SecretVersionNotFound, SecretVersionAmbiguous or InvalidSecretVersion otherwise.
    /// </summary>
    Task<string> ResolveVersionAsync(string name, string version, CancellationToken cancellationToken);

    /// <summary>
    /// Checks labels against the store's rules without calling AWS (InvalidVersionLabel,
    /// VersionLabelLimitExceeded): Parameter Store 1-100 of letters, digits and ._-, not starting
    /// with a digit, aws or ssm, at most 10 per version; Secrets Manager 1-256 characters.
    /// </summary>
    void ValidateLabels(string name, IReadOnlyList<string> labels);

    /// <summary>
    /// Moves a label onto a version, from whichever version held it; returns that version (null
    /// when none did; the target itself when it already held it, and nothing was changed).
    /// Secrets Manager: moving AWSCURRENT moves AWSPREVIOUS to the version it left.
    /// </summary>
    Task<string?> MoveLabelAsync(string name, string label, string version, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a label from the version that holds it (given a version, only from that one;
    /// VersionLabelNotFound when it is not there) and returns that version. Secrets Manager's
    /// AWSCURRENT cannot be removed, only moved (CurrentLabelRequired).
    /// </summary>
    Task<string> RemoveLabelAsync(string name, string label, string? version, CancellationToken cancellationToken);

    /// <summary>Writes a new version of an existing secret carrying the request's labels; returns the new version.</summary>
    Task<string> WriteVersionAsync(SecretVersionWrite request, CancellationToken cancellationToken);
}
