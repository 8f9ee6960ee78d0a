using Amazon.Runtime;

namespace SecretsTools.AwsJson.Protocol;

/// <summary>What an error response said, whatever format it came in.</summary>
internal sealed record ServiceError(string Code, string Message, string? RequestId, ErrorType Type);
