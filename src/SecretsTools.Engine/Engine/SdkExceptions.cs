using System;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Runtime;
using SecretsTools.SecretsManager;
using SecretsTools.Stores;

namespace SecretsTools.Engine;

/// <summary>
/// Turns the SDK's exceptions into AwsCallException at the engine's edge, so nothing of the SDK
/// leaves the engine's load context. The SDK exception is not kept as InnerException: the AWS
/// error code and request id, which support cases need, are carried over instead.
/// </summary>
internal static class SdkExceptions
{
    /// <summary>The translated exception, or null for exceptions that are already ours (or cancellation).</summary>
    public static AwsCallException? Translate(Exception ex) => ex switch
    {
        SecretStoreException or AwsCallException => null,
        SecretsManagerConnectionException c => new AwsCallException(AwsFailure.Connection, $"Could not reach AWS: {c.Message}"),
        AmazonServiceException s when AwsErrorTranslator.IsSessionWide(s) => new AwsCallException(AwsFailure.Credentials,
            $"AWS did not accept the credentials ({s.ErrorCode}): {s.Message}", s.ErrorCode, s.RequestId),
        // A Secrets Manager error no store caught still gets its own ErrorId, not AwsRequestFailed.
        SecretsManagerException s => new AwsCallException(AwsFailure.Service,
            $"AWS refused the request ({s.ErrorCode}): {s.Message}", s.ErrorCode, s.RequestId,
            errorId: Stores.SecretsManager.SecretsManagerErrors.ErrorIdFor(s.ErrorCode)),
        AmazonServiceException s => new AwsCallException(AwsFailure.Service,
            $"AWS refused the request ({s.ErrorCode}): {s.Message}", s.ErrorCode, s.RequestId),
        // Every send was answered with a 5xx: the service's own error, as the SDK would have ended with.
        SecretsTools.Aws.LostReplyException { Cause: AmazonServiceException answered } => Translate(answered),
        SecretsTools.Aws.LostReplyException l => new AwsCallException(AwsFailure.Connection,
            $"Could not reach AWS: {l.Message.TrimEnd('.')}, and checking and resending it did not get a reply either."),
        AmazonClientException c => new AwsCallException(AwsFailure.Configuration, c.Message.TrimEnd('.')),
        HttpRequestException h => new AwsCallException(AwsFailure.Connection, $"Could not reach AWS: {h.Message}"),
        // A connection reset mid-response, or the HTTP timeout (a TaskCanceledException the user did not ask for).
        System.IO.IOException or System.Net.Sockets.SocketException => new AwsCallException(AwsFailure.Connection, $"Could not reach AWS: {ex.Message}"),
        TaskCanceledException { InnerException: TimeoutException } => new AwsCallException(AwsFailure.Connection, "AWS did not answer in time."),
        OperationCanceledException => null,
        _ => null,
    };
}
