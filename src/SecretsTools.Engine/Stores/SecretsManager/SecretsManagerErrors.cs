using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.SecretsManager;

namespace SecretsTools.Stores.SecretsManager;

/// <summary>Secrets Manager's error codes in our terms; the ones shared with SSM go to AwsErrorTranslator.</summary>
internal static class SecretsManagerErrors
{
    public static SecretStoreException Translate(SecretsManagerException ex, string name)
    {
        if (IsScheduledForDeletion(ex.ErrorCode, ex.Message))
            return ScheduledForDeletion(name, ex);
        return AwsErrorTranslator.Translate(ex, name, SecretStoreKind.SecretsManager);
    }

    /// <summary>For BatchGetSecretValue's per-secret Errors[] entries, which are not exceptions.</summary>
    public static SecretStoreException Translate(string? code, string? message, string name)
    {
        if (IsScheduledForDeletion(code, message)) return ScheduledForDeletion(name, null);
        var inner = new SecretsManagerException(message ?? code ?? "error", null, Amazon.Runtime.ErrorType.Sender, code, null, System.Net.HttpStatusCode.BadRequest);
        return AwsErrorTranslator.Translate(inner, name, SecretStoreKind.SecretsManager);
    }

    // The model lists "scheduled for deletion" as a cause of InvalidRequestException; the message says which cause.
    // AWS says "...marked for deletion"; other endpoints (moto) say "...currently marked deleted".
    private static bool IsScheduledForDeletion(string? code, string? message) =>
        code == "InvalidRequestException"
        && ((message ?? "").Contains("deletion", System.StringComparison.OrdinalIgnoreCase)
            || (message ?? "").Contains("marked deleted", System.StringComparison.OrdinalIgnoreCase));

    public static SecretStoreException ScheduledForDeletion(string name, System.Exception? inner) =>
        new(ErrorIds.SecretScheduledForDeletion, ErrorCategory.InvalidOperation, name,
            $"Secret '{name}' is scheduled for deletion, so it cannot be changed or read. Cancel the deletion with 'Restore-Secret {name}' first.", inner);
}
