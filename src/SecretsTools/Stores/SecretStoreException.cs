using System;
using System.Management.Automation;

namespace SecretsTools.Stores;

/// <summary>
/// A failure about one secret, already phrased for the user: a specific ErrorId, a category and
/// the name it concerns. Cmdlets turn it into a non-terminating ErrorRecord whose target is the
/// name. Messages never contain secret values.
/// </summary>
internal sealed class SecretStoreException : Exception
{
    public string ErrorId { get; }
    public ErrorCategory Category { get; }
    public string? SecretName { get; }

    public SecretStoreException(string errorId, ErrorCategory category, string? secretName, string message, Exception? inner = null)
        : base(NameIn(message, secretName), OursOnly(inner))
    {
        ErrorId = errorId;
        Category = category;
        SecretName = secretName;
        // What support cases need from an AWS error, without its SDK type.
        ErrorCode = inner is null ? null : AwsProperty(inner, "ErrorCode") ?? (inner as SecretStoreException)?.ErrorCode;
        RequestId = inner is null ? null : AwsProperty(inner, "RequestId") ?? (inner as SecretStoreException)?.RequestId;
        ServerFailure = inner is not null && (StatusOf(inner) >= 500 || (inner as SecretStoreException)?.ServerFailure == true);
    }

    /// <summary>
    /// AWS answered with a 5xx (after the SDK's retries): the endpoint failed, not the request,
    /// so a replica may serve it (see Reading.Outages).
    /// </summary>
    public bool ServerFailure { get; }

    private static int StatusOf(Exception inner) =>
        inner.GetType().Assembly == typeof(SecretStoreException).Assembly ? 0
        : inner.GetType().GetProperty("StatusCode")?.GetValue(inner) is System.Net.HttpStatusCode code ? (int)code : 0;

    /// <summary>The AWS error code behind this error (e.g. ResourceNotFoundException), when AWS sent one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The AWS request id, for support cases.</summary>
    public string? RequestId { get; }

    /// <summary>
    /// An SDK exception stays in the engine: it is not kept as InnerException, so no AWS SDK type
    /// (from the engine's private load context) reaches $Error, Export-Clixml or a remoting client.
    /// </summary>
    private static Exception? OursOnly(Exception? inner) =>
        inner is null || inner.GetType().Assembly == typeof(SecretStoreException).Assembly || inner.GetType().Assembly.GetName().Name?.StartsWith("System", StringComparison.Ordinal) == true
            ? inner
            : null;

    private static string? AwsProperty(Exception inner, string name) =>
        inner.GetType().Assembly == typeof(SecretStoreException).Assembly ? null : inner.GetType().GetProperty(name)?.GetValue(inner) as string;

    /// <summary>
    /// Every per-item message names its secret: in a batch (Import-Csv | Set-Secret) an error that
    /// says only "the value is too large" cannot be traced to its row. Messages that already name
    /// it are kept as they are.
    /// </summary>
    private static string NameIn(string message, string? secretName) =>
        string.IsNullOrWhiteSpace(secretName) || message.Contains(secretName, StringComparison.Ordinal)
            || message.Contains(Validation.Printable.Of(secretName), StringComparison.Ordinal)
            ? message
            : $"Secret '{Validation.Printable.Of(secretName)}': {message}"; // a newline in a name is shown, not obeyed

    public ErrorRecord ToErrorRecord() => new(this, ErrorId, Category, SecretName);

    public static SecretStoreException NotFound(string name, SecretsTools.Model.SecretStoreKind store) =>
        new(ErrorIds.SecretNotFound, ErrorCategory.ObjectNotFound, name, $"Secret '{name}' was not found in {StoreNames.Display(store)}.");

    public static SecretStoreException InvalidName(string name, string why) =>
        new(ErrorIds.InvalidSecretName, ErrorCategory.InvalidArgument, name, $"'{Validation.Printable.Of(name)}' is not a valid secret name: {why}");
}
