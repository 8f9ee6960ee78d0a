using System;

namespace SecretsTools.Stores;

/// <summary>Why an AWS call failed when no single secret is to blame.</summary>
internal enum AwsFailure
{
    /// <summary>AWS did not accept the credentials or the signature: every further call fails too.</summary>
    Credentials,

    /// <summary>The service refused the request with an error no store expected.</summary>
    Service,

    /// <summary>The endpoint could not be reached, or the connection broke, after the SDK's retries.</summary>
    Connection,

    /// <summary>No client can be built: no region, an unreadable profile, no credentials found.</summary>
    Configuration,

    /// <summary>The module's engine/ folder is missing or incomplete: nothing AWS can work until it is reinstalled.</summary>
    Installation,
}

/// <summary>
/// An AWS failure that concerns the call, not one secret, in our own type: the engine turns every
/// SDK exception into this (or into a SecretStoreException for one secret) before it leaves the
/// engine, so no SDK type reaches a cmdlet or an ErrorRecord. Messages never hold secret values.
/// </summary>
internal sealed class AwsCallException : Exception
{
    public AwsCallException(AwsFailure failure, string message, string? errorCode = null, string? requestId = null, Exception? inner = null, string? errorId = null)
        : base(message, inner)
    {
        Failure = failure;
        ErrorCode = errorCode;
        RequestId = requestId;
        ErrorId = errorId;
    }

    /// <summary>Our ErrorId for a service error the engine knows (e.g. InvalidNextToken); null: AwsRequestFailed.</summary>
    public string? ErrorId { get; }

    public AwsFailure Failure { get; }

    /// <summary>The AWS error code (e.g. InvalidClientTokenId), when the service sent one.</summary>
    public string? ErrorCode { get; }

    public string? RequestId { get; }
}
