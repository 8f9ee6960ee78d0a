using System.Collections.Generic;
using System.Threading;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Engine;

/// <summary>The audit capability as the cmdlets get it: SDK exceptions turned into our own, as in TranslatingStore, page by page.</summary>
internal sealed class TranslatingAuditSource : ISecretAuditSource
{
    private readonly ISecretAuditSource _inner;

    public TranslatingAuditSource(ISecretAuditSource inner) => _inner = inner;

    public IAsyncEnumerable<SecretAuditEvent> LookupAsync(SecretAuditQuery query, CancellationToken cancellationToken) =>
        TranslatingStore.Guard(_inner.LookupAsync(query, cancellationToken), cancellationToken);
}
