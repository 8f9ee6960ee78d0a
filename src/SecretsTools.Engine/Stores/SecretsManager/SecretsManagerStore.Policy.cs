using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Model;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;

namespace SecretsTools.Stores.SecretsManager;

/// <summary>Resource policies: Get-, Set- and Remove-SecretResourcePolicy.</summary>
internal sealed partial class SecretsManagerStore : ISecretPolicyStore
{
    public async Task<SecretResourcePolicy> GetPolicyAsync(string name, CancellationToken cancellationToken)
    {
        var r = await Translated(name, () => _client.GetResourcePolicyAsync(new GetResourcePolicyRequest { SecretId = name }, cancellationToken)).ConfigureAwait(false);
        return new SecretResourcePolicy
        {
            Name = r.Name ?? name,
            Arn = r.ARN,
            Policy = string.IsNullOrEmpty(r.ResourcePolicy) ? null : r.ResourcePolicy,
            Region = Region,
        };
    }

    public async Task<PolicyValidation> ValidatePolicyAsync(string name, string policy, CancellationToken cancellationToken)
    {
        ValidateResourcePolicyResponse r;
        try
        {
            r = await _client.ValidateResourcePolicyAsync(new ValidateResourcePolicyRequest { SecretId = name, ResourcePolicy = policy }, cancellationToken).ConfigureAwait(false);
        }
        catch (SecretsManagerException ex) when (IsUnknownOperation(ex))
        {
            return new PolicyValidation(false, System.Array.Empty<string>(), $"{ex.Message} ({ex.ErrorCode})");
        }
        catch (SecretsManagerException ex) when (!AwsErrorTranslator.IsSessionWide(ex))
        {
            throw await FailureAsync(ex, name, null, CancellationToken.None).ConfigureAwait(false);
        }
        var errors = r.ValidationErrors.Select(e => string.IsNullOrEmpty(e.CheckName) ? e.ErrorMessage ?? "" : $"{e.CheckName}: {e.ErrorMessage}").ToList();
        return new PolicyValidation(r.PolicyValidationPassed ?? errors.Count == 0, errors);
    }

    // What an endpoint answers for an operation it does not have: AWS's awsJson services say
    // UnknownOperationException; emulators say InvalidAction or NotImplemented, or (moto) fail
    // with an HTML 500 that carries no error code at all, which ServiceErrorReader reports with
    // the status name as the code. Only 500 and 501 count: a codeless 502, 503 or 504 is a
    // gateway or an overloaded service, which must not pass for "no validation here". Secrets
    // Manager's own server error is InternalServiceError, which does not count either.
    private static bool IsUnknownOperation(SecretsManagerException ex) =>
        ex.ErrorCode is "UnknownOperationException" or "InvalidAction" or "NotImplemented" or "NotImplementedException"
        || (ex.StatusCode is System.Net.HttpStatusCode.InternalServerError or System.Net.HttpStatusCode.NotImplemented
            && ex.ErrorCode == ex.StatusCode.ToString());

    public async Task<SecretResourcePolicy> PutPolicyAsync(string name, string policy, bool blockPublicPolicy, CancellationToken cancellationToken)
    {
        await Translated(name, () => _client.PutResourcePolicyAsync(new PutResourcePolicyRequest
        {
            SecretId = name,
            ResourcePolicy = policy,
            // Sent only when asked: AWS's own default applies otherwise.
            BlockPublicPolicy = blockPublicPolicy ? true : null,
        }, cancellationToken)).ConfigureAwait(false);
        return await GetPolicyAsync(name, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SecretResourcePolicy> DeletePolicyAsync(string name, CancellationToken cancellationToken)
    {
        var r = await Translated(name, () => _client.DeleteResourcePolicyAsync(new DeleteResourcePolicyRequest { SecretId = name }, cancellationToken)).ConfigureAwait(false);
        return new SecretResourcePolicy { Name = r.Name ?? name, Arn = r.ARN, Policy = null, Region = Region };
    }
}
