using System.Collections.Generic;
using System.Text.Json.Serialization;
using Amazon.Runtime;
using SecretsTools.AwsJson.Protocol;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Input of the BatchGetSecretValue operation.
/// </summary>
internal class BatchGetSecretValueRequest : SecretsManagerRequest
{
    /// <summary>The ARN or names of the secrets to retrieve.</summary>
    public List<string> SecretIdList { get; set; } = new();

    /// <summary>The filters to choose which secrets to retrieve.</summary>
    public List<Filter> Filters { get; set; } = new();

    /// <summary>The number of results to include in the response.</summary>
    public int? MaxResults { get; set; }

    /// <summary>A token that indicates where the output should continue from, if a previous call did not show all results.</summary>
    public string? NextToken { get; set; }
}

/// <summary>
/// Output of the BatchGetSecretValue operation.
/// </summary>
internal class BatchGetSecretValueResponse : AmazonWebServiceResponse
{
    /// <summary>A list of secret values.</summary>
    public List<SecretValueEntry> SecretValues { get; set; } = new();

    /// <summary>
    /// Secrets Manager includes this value if there's more output available than what is included in the current
    /// response.
    /// </summary>
    [JsonConverter(typeof(EmptyStringAsNullConverter))]
    public string? NextToken { get; set; }

    /// <summary>A list of errors Secrets Manager encountered while attempting to retrieve individual secrets.</summary>
    public List<APIErrorType> Errors { get; set; } = new();
}
