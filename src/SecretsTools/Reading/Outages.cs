using SecretsTools.Stores;

namespace SecretsTools.Reading;

/// <summary>
/// Which failed reads are the Region's endpoint failing (an outage) rather than an answer: only
/// these are read again from a fallback Region. Not found, access denied and bad input are
/// answers: a replica would give the same one, or, worse, a different one that hides it.
/// </summary>
internal static class Outages
{
    /// <summary>Throttled or a 5xx after the SDK's retries, for one name.</summary>
    public static bool Is(SecretStoreException error) =>
        error.ErrorId is ErrorIds.Throttled or ErrorIds.AwsInternalError || error.ServerFailure;

    /// <summary>No connection (refused, reset, timed out), or the whole call throttled or failed on the server.</summary>
    public static bool Is(AwsCallException error) => error.Failure switch
    {
        AwsFailure.Connection => true,
        AwsFailure.Service => error.ErrorId == ErrorIds.AwsInternalError || IsThrottlingCode(error.ErrorCode),
        _ => false, // credentials, configuration, installation: the same in every Region
    };

    private static bool IsThrottlingCode(string? code) => code is "ThrottlingException" or "Throttling" or "TooManyRequestsException"
        or "RequestLimitExceeded" or "RequestThrottled" or "ThrottledException";

    /// <summary>Why, for the warning: the ErrorId and AWS code, never a message (which could quote anything the server sent).</summary>
    public static string Describe(SecretStoreException error) =>
        error.ErrorCode is { Length: > 0 } code ? $"{error.ErrorId}, AWS {code}" : error.ErrorId;

    /// <summary>A call-wide failure's message: ours (SdkExceptions), naming the failure, never a value.</summary>
    public static string Describe(AwsCallException error) => error.Message.TrimEnd('.');
}
