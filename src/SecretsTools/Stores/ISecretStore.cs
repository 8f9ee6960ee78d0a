using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Model;

namespace SecretsTools.Stores;

/// <summary>
/// One AWS secret store behind the unified nouns. Batch members report per-item failures in
/// their results (never by throwing), so one bad name never stops the rest; a thrown exception
/// means nothing further can work (configuration, credentials, network).
/// </summary>
internal interface ISecretStore
{
    SecretStoreKind Kind { get; }

    /// <summary>The AWS Region the store's client calls.</summary>
    string? Region { get; }

    /// <summary>How many reads one batch call takes (GetParameters: 10, BatchGetSecretValue: 20).</summary>
    int ReadBatchSize { get; }

    /// <summary>
    /// Throws SecretStoreException(InvalidSecretName) if the store would refuse the name. Names
    /// only AWS may create (e.g. /aws/... parameters) pass when forWrite is false.
    /// </summary>
    void ValidateName(string name, bool forWrite = true);

    Task<IReadOnlyList<SecretReadResult>> ReadAsync(IReadOnlyList<SecretReadRequest> requests, CancellationToken cancellationToken);

    /// <summary>
    /// The values of everything a listing query matches (Get-Secret -Path, -Prefix and wildcards),
    /// streamed in batches; each result carries the secret's full name and the version read.
    /// </summary>
    IAsyncEnumerable<SecretReadResult> ReadMatchingAsync(SecretListQuery query, CancellationToken cancellationToken);

    /// <summary>Whether a secret of that name exists, in one read-only call (for hints on the error path).</summary>
    Task<bool> ExistsAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// The current version (Secrets Manager: AWSCURRENT's VersionId; Parameter Store: the version
    /// number) in one metadata call, or null when the secret does not exist or cannot be read
    /// (scheduled for deletion); the cache re-validates old entries with it.
    /// </summary>
    Task<string?> CurrentVersionAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// The version a write replaced (Secrets Manager: AWSPREVIOUS after it; Parameter Store: the
    /// number before), so a read-modify-write can tell whether another write came in between.
    /// </summary>
    Task<string?> VersionReplacedByAsync(string name, string writtenVersion, CancellationToken cancellationToken);

    /// <summary>Checks value and options without calling AWS; throws SecretStoreException.</summary>
    void ValidateWrite(SecretWriteRequest request);

    Task<SecretWriteResult> WriteAsync(SecretWriteRequest request, CancellationToken cancellationToken);

    /// <summary>Streams matches page by page, so the first appears before a long listing ends.</summary>
    IAsyncEnumerable<SecretInfo> ListAsync(SecretListQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The labels on the secret's versions (Secrets Manager staging labels, Parameter Store
    /// labels), sorted; read-only metadata, for tab completion of -Label.
    /// </summary>
    Task<IReadOnlyList<string>> ListLabelsAsync(string name, CancellationToken cancellationToken);

    /// <summary>Metadata of one secret, or null when it does not exist.</summary>
    Task<SecretInfo?> DescribeAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// One secret's tags in one call (Parameter Store: ListTagsForResource, where DescribeAsync needs
    /// DescribeParameters as well; Secrets Manager: DescribeSecret), or null when it does not exist or
    /// is scheduled for deletion. For the vault, whose value type and metadata live in tags.
    /// </summary>
    Task<System.Collections.Hashtable?> TagsAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<SecretOperationResult>> RemoveAsync(IReadOnlyList<string> names, SecretRemoveOptions options, CancellationToken cancellationToken);

    Task<SecretInfo> RestoreAsync(string name, CancellationToken cancellationToken);

    Task<SecretInfo> UpdateInfoAsync(SecretInfoUpdate update, CancellationToken cancellationToken);
}
