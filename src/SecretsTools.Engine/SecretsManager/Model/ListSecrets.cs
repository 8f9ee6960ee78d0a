using System.Collections.Generic;
using System.Text.Json.Serialization;
using Amazon.Runtime;
using SecretsTools.AwsJson.Protocol;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Input of the ListSecrets operation.
/// </summary>
internal class ListSecretsRequest : SecretsManagerRequest
{
    /// <summary>Specifies whether to include secrets scheduled for deletion.</summary>
    public bool? IncludePlannedDeletion { get; set; }

    /// <summary>The number of results to include in the response.</summary>
    public int? MaxResults { get; set; }

    /// <summary>A token that indicates where the output should continue from, if a previous call did not show all results.</summary>
    public string? NextToken { get; set; }

    /// <summary>The filters to apply to the list of secrets.</summary>
    public List<Filter> Filters { get; set; } = new();

    /// <summary>Secrets are listed by CreatedDate. Values: see <see cref="SortOrderType"/>.</summary>
    public string? SortOrder { get; set; }

    /// <summary>If not specified, secrets are listed by CreatedDate. Values: see <see cref="SortByType"/>.</summary>
    public string? SortBy { get; set; }
}

/// <summary>
/// Output of the ListSecrets operation.
/// </summary>
internal class ListSecretsResponse : AmazonWebServiceResponse
{
    /// <summary>A list of the secrets in the account.</summary>
    public List<SecretListEntry> SecretList { get; set; } = new();

    /// <summary>
    /// Secrets Manager includes this value if there's more output available than what is included in the current
    /// response.
    /// </summary>
    [JsonConverter(typeof(EmptyStringAsNullConverter))]
    public string? NextToken { get; set; }
}
