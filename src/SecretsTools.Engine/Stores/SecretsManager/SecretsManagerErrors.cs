using System.Collections.Generic;
using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.SecretsManager;

namespace SecretsTools.Stores.SecretsManager;

/// <summary>
/// What the store knew or found out about the secret when a call failed: the KMS key it is
/// encrypted with (null: the account's default key, aws/secretsmanager) and whether it is
/// scheduled for deletion. Only some errors need these facts; see <see cref="SecretsManagerErrors.NeedsFacts"/>.
/// </summary>
internal sealed record SecretFacts(string? KmsKeyId, bool ScheduledForDeletion);

/// <summary>
/// Secrets Manager's error codes in our terms. Every error the API model lists has its own
/// ErrorId here (a conformance test reads the model and checks); codes shared with Parameter
/// Store (not found, exists, access, throttling, quotas) go to AwsErrorTranslator.
/// </summary>
internal static class SecretsManagerErrors
{
    private const string DefaultKey = "the default key aws/secretsmanager";

    /// <summary>The codes of Secrets Manager's API model that this class maps itself.</summary>
    internal static IReadOnlyCollection<string> OwnCodes { get; } = new[]
    {
        "DecryptionFailure", "EncryptionFailure", "InternalServiceError", "InvalidNextTokenException",
        "MalformedPolicyDocumentException", "PreconditionNotMetException", "PublicPolicyException",
        "InvalidRequestException", "InvalidParameterException",
    };

    /// <summary>
    /// Errors whose meaning depends on the secret: which KMS key failed, and whether an
    /// InvalidRequestException is "scheduled for deletion" (the model gives that as one of its
    /// causes; only DescribeSecret's DeletedDate says so for sure, not the message).
    /// </summary>
    public static bool NeedsFacts(string? code) => code is "DecryptionFailure" or "EncryptionFailure" or "InvalidRequestException";

    public static SecretStoreException Translate(SecretsManagerException ex, string name, SecretFacts? facts = null) =>
        Own(ex.ErrorCode, Detail(ex.Message, ex.ErrorCode, ex.RequestId), name, facts, ex)
        ?? AwsErrorTranslator.Translate(ex, name, SecretStoreKind.SecretsManager);

    /// <summary>For BatchGetSecretValue's per-secret Errors[] entries, which are not exceptions.</summary>
    public static SecretStoreException Translate(string? code, string? message, string name, SecretFacts? facts = null)
    {
        var inner = new SecretsManagerException(message ?? code ?? "error", null, Amazon.Runtime.ErrorType.Sender, code, null, System.Net.HttpStatusCode.BadRequest);
        return Translate(inner, name, facts);
    }

    /// <summary>The ErrorId a Secrets Manager code gets when no secret is concerned (a call-wide failure).</summary>
    public static string? ErrorIdFor(string? code) => Own(code, "", "", null, null)?.ErrorId;

    private static SecretStoreException? Own(string? code, string detail, string name, SecretFacts? facts, System.Exception? ex)
    {
        string subject = name.Length == 0 ? "the request" : $"'{name}'";
        string key = facts?.KmsKeyId is { Length: > 0 } id ? $"KMS key '{id}'" : facts is null ? "its KMS key" : DefaultKey;
        return code switch
        {
            "InvalidRequestException" when facts?.ScheduledForDeletion == true => ScheduledForDeletion(name, ex),
            "DecryptionFailure" => new(ErrorIds.KmsDecryptionFailed, ErrorCategory.PermissionDenied, name,
                $"Secrets Manager could not decrypt {subject} with {key}: the key is disabled, deleted, or not usable by you (kms:Decrypt). {detail}", ex),
            "EncryptionFailure" => new(ErrorIds.KmsEncryptionFailed, ErrorCategory.PermissionDenied, name,
                $"Secrets Manager could not encrypt {subject} with {key}: the key is disabled, deleted, not a symmetric encryption key, or not usable by you (kms:GenerateDataKey). Nothing was written. {detail}", ex),
            "InternalServiceError" => new(ErrorIds.AwsInternalError, ErrorCategory.ResourceUnavailable, name,
                $"Secrets Manager failed internally on {subject}, after the SDK's retries; try again later. {detail}", ex),
            "InvalidNextTokenException" => new(ErrorIds.InvalidNextToken, ErrorCategory.InvalidArgument, name,
                $"Secrets Manager refused the paging token while listing {subject} (it expired or belongs to another listing); run the listing again. {detail}", ex),
            "MalformedPolicyDocumentException" => new(ErrorIds.MalformedPolicy, ErrorCategory.InvalidData, name,
                $"The resource policy for {subject} is not a valid policy document. {detail}", ex),
            "PublicPolicyException" => new(ErrorIds.PublicPolicyRefused, ErrorCategory.PermissionDenied, name,
                $"The resource policy for {subject} would grant wide access and Block Public Policy refused it. {detail}", ex),
            "PreconditionNotMetException" => new(ErrorIds.PreconditionNotMet, ErrorCategory.InvalidOperation, name,
                $"A precondition for the request on {subject} was not met (e.g. a policy check that must pass first). {detail}", ex),
            "InvalidRequestException" => new(ErrorIds.InvalidRequest, ErrorCategory.InvalidOperation, name,
                $"Secrets Manager cannot do this with {subject} in its current state. {detail}", ex),
            // The API does not say which parameter is at fault; the name has passed our rules by now.
            "InvalidParameterException" => new(ErrorIds.InvalidParameter, ErrorCategory.InvalidArgument, name,
                $"Secrets Manager refused a parameter of the request for {subject}. {detail}", ex),
            _ => null,
        };
    }

    private static string Detail(string? message, string? code, string? requestId) =>
        $"{message} (AWS {code}{(string.IsNullOrEmpty(requestId) ? "" : ", request " + requestId)})";

    public static SecretStoreException ScheduledForDeletion(string name, System.Exception? inner) =>
        new(ErrorIds.SecretScheduledForDeletion, ErrorCategory.InvalidOperation, name,
            $"Secret '{name}' is scheduled for deletion, so it cannot be changed or read. Cancel the deletion with 'Restore-Secret {name}' first.", inner);
}
