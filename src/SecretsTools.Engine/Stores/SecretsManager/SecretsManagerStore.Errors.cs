using System;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;

namespace SecretsTools.Stores.SecretsManager;

/// <summary>Turning a failed call into one error about the secret, with the facts the code alone does not give.</summary>
internal sealed partial class SecretsManagerStore
{
    /// <summary>
    /// The error for <paramref name="name"/>. For a KMS failure or an InvalidRequestException, one
    /// DescribeSecret (on the failure path only) tells which key the secret uses and whether it is
    /// scheduled for deletion; <paramref name="kmsKeyId"/> is the key the request itself named, if any.
    /// </summary>
    private async Task<SecretStoreException> FailureAsync(SecretsManagerException ex, string name, string? kmsKeyId, CancellationToken cancellationToken) =>
        SecretsManagerErrors.Translate(ex, name, await FactsAsync(ex.ErrorCode, name, kmsKeyId, cancellationToken).ConfigureAwait(false));

    private async Task<SecretStoreException> FailureAsync(string? code, string? message, string name, CancellationToken cancellationToken) =>
        SecretsManagerErrors.Translate(code, message, name, await FactsAsync(code, name, null, cancellationToken).ConfigureAwait(false));

    private async Task<SecretFacts?> FactsAsync(string? code, string name, string? kmsKeyId, CancellationToken cancellationToken)
    {
        if (!SecretsManagerErrors.NeedsFacts(code)) return null;
        try
        {
            var d = await _client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = name }, cancellationToken).ConfigureAwait(false);
            return new SecretFacts(kmsKeyId ?? d.KmsKeyId, d.DeletedDate is not null);
        }
        catch (Exception e) when (e is SecretsManagerException or SecretsManagerConnectionException)
        {
            // Not described (a new secret, no DescribeSecret permission): only what the request said.
            return kmsKeyId is null ? null : new SecretFacts(kmsKeyId, false);
        }
    }
}
