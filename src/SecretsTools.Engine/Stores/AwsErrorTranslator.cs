using System;
using System.Management.Automation;
using Amazon.Runtime;
using SecretsTools.Model;

namespace SecretsTools.Stores;

/// <summary>
/// Turns an AWS service error about one secret into a SecretStoreException with a specific
/// ErrorId. The AWS error code and request id stay in the message for support cases; the
/// original exception stays as InnerException.
/// </summary>
internal static class AwsErrorTranslator
{
    /// <summary>
    /// Errors that concern the whole session rather than one name (credentials, signature):
    /// they propagate, so the cmdlet stops instead of writing one identical error per name.
    /// </summary>
    public static bool IsSessionWide(AmazonServiceException ex) => ex.ErrorCode is "UnrecognizedClientException"
        or "InvalidSignatureException" or "SignatureDoesNotMatch" or "InvalidClientTokenId" or "ExpiredTokenException"
        or "MissingAuthenticationToken" or "IncompleteSignature" or "InvalidAccessKeyId";

    /// <summary>
    /// The service asked us to slow down (SSM's TooManyUpdates included): retry later, and never
    /// take it as a per-name failure (no batch-to-single fallback).
    /// </summary>
    public static bool IsThrottling(AmazonServiceException ex) => ex.ErrorCode is "ThrottlingException" or "Throttling"
        or "TooManyUpdates" or "TooManyRequestsException" or "RequestLimitExceeded" or "RequestThrottled" or "ThrottledException";

    /// <summary>Throttling or a server-side failure: nothing about the names in the request, so nothing to split up.</summary>
    public static bool IsTransient(AmazonServiceException ex) => IsThrottling(ex) || (int)ex.StatusCode >= 500;

    public static SecretStoreException Translate(AmazonServiceException ex, string name, SecretStoreKind store)
    {
        string code = ex.ErrorCode ?? "";
        string detail = $"{ex.Message} (AWS {code}{(string.IsNullOrEmpty(ex.RequestId) ? "" : ", request " + ex.RequestId)})";
        return code switch
        {
            "ParameterNotFound" or "ResourceNotFoundException"
                => new SecretStoreException(ErrorIds.SecretNotFound, ErrorCategory.ObjectNotFound, name,
                    $"Secret '{name}' was not found in {StoreNames.Display(store)}.", ex),
            "ParameterVersionNotFound"
                => new SecretStoreException(ErrorIds.SecretVersionNotFound, ErrorCategory.ObjectNotFound, name,
                    $"The requested version of '{name}' was not found in {StoreNames.Display(store)}.", ex),
            "ParameterAlreadyExists" or "ResourceExistsException"
                => new SecretStoreException(ErrorIds.SecretAlreadyExists, ErrorCategory.ResourceExists, name,
                    $"Secret '{name}' already exists in {StoreNames.Display(store)}.", ex),
            "AccessDeniedException" or "AccessDenied" or "UnrecognizedClientException" or "InvalidSignatureException"
                or "SignatureDoesNotMatch" or "InvalidClientTokenId" or "ExpiredTokenException"
                => new SecretStoreException(ErrorIds.AccessDenied, ErrorCategory.PermissionDenied, name,
                    $"Access to '{name}' was denied: {detail}", ex),
            "ThrottlingException" or "TooManyUpdates" or "Throttling"
                => new SecretStoreException(ErrorIds.Throttled, ErrorCategory.LimitsExceeded, name,
                    $"AWS refused the request for '{name}' as too frequent after the SDK's retries: {detail}", ex),
            // Secrets Manager's LimitExceeded is a quota (e.g. too many versions), not a rate: waiting won't help.
            "LimitExceededException" or "ParameterLimitExceeded" or "ParameterMaxVersionLimitExceeded" or "TooManyTagsError"
                => new SecretStoreException(ErrorIds.QuotaExceeded, ErrorCategory.QuotaExceeded, name,
                    $"An AWS quota stops the request for '{name}': {detail}", ex),
            "ParameterPatternMismatchException" or "ValidationException" or "InvalidParameterException"
                => new SecretStoreException(ErrorIds.InvalidSecretName, ErrorCategory.InvalidArgument, name,
                    $"AWS rejected the request for '{name}': {detail}", ex),
            _ => new SecretStoreException(ErrorIds.AwsRequestFailed, ErrorCategory.NotSpecified, name,
                    $"The request for '{name}' failed: {detail}", ex),
        };
    }
}
