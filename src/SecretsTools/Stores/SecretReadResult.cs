namespace SecretsTools.Stores;

/// <summary>
/// The value read for one request, or why it could not be read. Version is the version that was
/// read (Parameter Store version number, Secrets Manager VersionId), so a read-modify-write can
/// tell whether someone else wrote in between.
/// </summary>
internal sealed record SecretReadResult(SecretReadRequest Request, SecretValue? Value, SecretStoreException? Error)
{
    public string? Version { get; init; }

    /// <summary>The name the store reports (a listing's full name; the request's name otherwise).</summary>
    public string Name => StoredName ?? Request.Name;

    public string? StoredName { get; init; }

    /// <summary>Parameter Store: the parameter's type (String, StringList or SecureString), so a copy can keep it; else null.</summary>
    public string? ParameterType { get; init; }

    /// <summary>Served from the session's value cache, without a call to AWS.</summary>
    public bool FromCache { get; init; }

    public static SecretReadResult Success(SecretReadRequest request, SecretValue value, string? version = null) =>
        new(request, value, null) { Version = version };

    public static SecretReadResult Failure(SecretReadRequest request, SecretStoreException error) => new(request, null, error);
}
