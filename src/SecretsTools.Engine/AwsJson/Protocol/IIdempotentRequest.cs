namespace SecretsTools.AwsJson.Protocol;

/// <summary>
/// A request whose ClientRequestToken is an idempotency token in the API model: when the caller
/// leaves it empty the marshaller sends a fresh GUID, so the SDK's retries of that one call reuse it
/// while separate calls never collide.
/// </summary>
internal interface IIdempotentRequest
{
    string? ClientRequestToken { get; }
}
