using System;
using System.Collections.Generic;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// What a ListSecrets entry and a DescribeSecret response both say about a secret, so one mapping
/// serves both. (The two API shapes differ only in the name of the version map.)
/// </summary>
internal interface ISecretMetadata
{
    string? ARN { get; }
    string? Name { get; }
    string? Description { get; }
    string? KmsKeyId { get; }
    bool? RotationEnabled { get; }
    string? RotationLambdaARN { get; }
    RotationRulesType? RotationRules { get; }
    DateTime? LastRotatedDate { get; }
    DateTime? LastChangedDate { get; }
    DateTime? LastAccessedDate { get; }
    DateTime? DeletedDate { get; }
    DateTime? NextRotationDate { get; }
    DateTime? CreatedDate { get; }
    string? PrimaryRegion { get; }
    List<Tag> Tags { get; }
    Dictionary<string, List<string>> VersionStages { get; }
}

internal partial class SecretListEntry : ISecretMetadata
{
    Dictionary<string, List<string>> ISecretMetadata.VersionStages => SecretVersionsToStages;
}

internal partial class DescribeSecretResponse : ISecretMetadata
{
    Dictionary<string, List<string>> ISecretMetadata.VersionStages => VersionIdsToStages;
}
