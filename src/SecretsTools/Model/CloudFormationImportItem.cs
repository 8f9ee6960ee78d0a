using System.Collections.Specialized;

namespace SecretsTools.Model;

/// <summary>
/// One entry of the resources-to-import list that `aws cloudformation create-change-set
/// --change-set-type IMPORT --resources-to-import` takes, for a resource an exported template
/// declares: the existing secret (Id: its ARN) or parameter (Name) it adopts.
/// </summary>
public sealed record CloudFormationImportItem
{
    public string ResourceType { get; init; } = "";
    public string LogicalResourceId { get; init; } = "";

    /// <summary>{ Id = arn } for the Secrets Manager resources, { Name = name } for a parameter.</summary>
    public OrderedDictionary ResourceIdentifier { get; init; } = new();

    /// <summary>The secret or parameter the entry imports (not part of the AWS format).</summary>
    public string SourceName { get; init; } = "";

    public override string ToString() => $"{ResourceType} {LogicalResourceId}";
}
