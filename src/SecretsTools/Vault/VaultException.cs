using System;
using System.Management.Automation;
using SecretsTools.Stores;

namespace SecretsTools.Vault;

/// <summary>
/// What the vault extension's functions catch from VaultBridge: the ErrorRecord to write, with
/// our ErrorId and the secret as its target, so SecretManagement users get the same ids as
/// SecretsTools' own cmdlets. Messages never hold secret values.
/// </summary>
public sealed class VaultException : Exception
{
    internal VaultException(ErrorRecord record, Exception inner) : base(inner.Message, inner) => ErrorRecord = record;

    public ErrorRecord ErrorRecord { get; }

    internal static VaultException From(Exception ex, string vaultName) => ex switch
    {
        VaultException v => v,
        SecretStoreException s => new VaultException(s.ToErrorRecord(), s),
        AwsCallException a => new VaultException(FromCall(a, vaultName), a),
        AggregateException { InnerException: { } inner } => From(inner, vaultName),
        _ => new VaultException(new ErrorRecord(ex, ErrorIds.AwsRequestFailed, ErrorCategory.NotSpecified, vaultName), ex),
    };

    private static ErrorRecord FromCall(AwsCallException ex, string vaultName)
    {
        var (id, category, message) = ex.Failure switch
        {
            AwsFailure.Credentials => (ErrorIds.AccessDenied, ErrorCategory.AuthenticationError, ex.Message),
            AwsFailure.Connection => (ErrorIds.AwsRequestFailed, ErrorCategory.ConnectionError, ex.Message),
            AwsFailure.Configuration or AwsFailure.Installation => (ErrorIds.AwsConfigurationError, ErrorCategory.InvalidArgument,
                $"{ex.Message.TrimEnd('.')}. Give the vault a Region (and a ProfileName if needed) in its VaultParameters (Register-SecretVault -Name {vaultName} -ModuleName SecretsTools -VaultParameters @{{ Region = 'eu-west-1'; ... }} -AllowClobber), or set AWS_REGION and AWS_PROFILE."),
            _ => (ErrorIds.AwsRequestFailed, ErrorCategory.NotSpecified, ex.Message),
        };
        return new ErrorRecord(ex, id, category, vaultName) { ErrorDetails = new ErrorDetails($"Vault '{vaultName}': {message}") };
    }
}
