namespace SecretsTools.Stores;

/// <summary>The value read for one request, or why it could not be read.</summary>
internal sealed record SecretReadResult(SecretReadRequest Request, SecretValue? Value, SecretStoreException? Error)
{
    public static SecretReadResult Success(SecretReadRequest request, SecretValue value) => new(request, value, null);
    public static SecretReadResult Failure(SecretReadRequest request, SecretStoreException error) => new(request, null, error);
}
