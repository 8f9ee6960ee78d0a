using System;
using Amazon.Runtime;

namespace SecretsTools.Aws;

/// <summary>
/// A write that may or may not have been applied: the request was sent, no reply came back. The
/// cause is kept apart from InnerException on purpose: the SDK's retry policy looks through inner
/// exceptions for IOException and the like and would send the write again, which is what this
/// exception exists to stop (Parameter Store has no request tokens, so a resend is a second write).
/// </summary>
internal sealed class LostReplyException : AmazonClientException
{
    public LostReplyException(string operation, Exception cause)
        : base(cause is AmazonServiceException answered
            ? $"The {operation} request was answered HTTP {(int)answered.StatusCode} ({answered.ErrorCode}); it may have been applied."
            : $"The {operation} request got no reply ({Describe(cause)}); it may have been applied.")
    {
        Operation = operation;
        Cause = cause;
    }

    public string Operation { get; }

    public Exception Cause { get; }

    private static string Describe(Exception ex) => SecretsManager.Internal.ConnectionFailureHandler.Describe(ex);
}
