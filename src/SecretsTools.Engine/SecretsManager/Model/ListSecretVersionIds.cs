using System.Collections.Generic;
using System.Text.Json.Serialization;
using Amazon.Runtime;
using SecretsTools.AwsJson.Protocol;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Input of the ListSecretVersionIds operation.
/// </summary>
internal class ListSecretVersionIdsRequest : SecretsManagerRequest
{
    /// <summary>The ARN or name of the secret whose versions you want to list. Required.</summary>
    public string? SecretId { get; set; }

    /// <summary>The number of results to include in the response.</summary>
    public int? MaxResults { get; set; }

    /// <summary>A token that indicates where the output should continue from, if a previous call did not show all results.</summary>
    public string? NextToken { get; set; }

    /// <summary>Specifies whether to include versions of secrets that don't have any staging labels attached to them.</summary>
    public bool? IncludeDeprecated { get; set; }
}

/// <summary>
/// Output of the ListSecretVersionIds operation.
/// </summary>
internal class ListSecretVersionIdsResponse : AmazonWebServiceResponse
{
    /// <summary>A list of the versions of the secret.</summary>
    public List<SecretVersionsListEntry> Versions { get; set; } = new();

    /// <summary>
    /// Secrets Manager includes this value if there's more output available than what is included in the current
    /// response.
    /// </summary>
    [JsonConverter(typeof(EmptyStringAsNullConverter))]
    public string? NextToken { get; set; }

    /// <summary>The ARN of the secret.</summary>
    public string? ARN { get; set; }

    /// <summary>The name of the secret.</summary>
    public string? Name { get; set; }
}
