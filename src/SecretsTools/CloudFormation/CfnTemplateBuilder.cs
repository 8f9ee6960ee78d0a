using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.CloudFormation;

/// <summary>
/// Builds a CloudFormation template that declares existing secrets and parameters, from their
/// SecretInfo alone: no value is ever read or written into it. Every resource has DeletionPolicy
/// and UpdateReplacePolicy Retain, so deleting the stack (or a replacement) never deletes a
/// secret, and each gets the identifier to import the existing resource into a stack.
/// <para>
/// Values are template parameters without defaults: a NoEcho parameter per secret (or, on
/// request, GenerateSecretString), a plain parameter per String/StringList parameter, as
/// CloudFormation requires a Value. SecureString parameters cannot be created by CloudFormation:
/// they are named in the Description and in <see cref="CfnTemplate.LeftOut"/>.
/// </para>
/// <para>
/// The resource policy is the one input that is not in SecretInfo: <paramref name="policyFor"/>
/// (in <see cref="Build"/>) returns a secret's policy JSON or null, and a policy becomes an
/// AWS::SecretsManager::ResourcePolicy. Export-SecretInfo passes its -ResourcePolicy table today;
/// a store lookup (GetResourcePolicy) can be passed in the same way.
/// </para>
/// </summary>
internal static class CfnTemplateBuilder
{
    public const string SecretType = "AWS::SecretsManager::Secret";
    public const string RotationType = "AWS::SecretsManager::RotationSchedule";
    public const string PolicyType = "AWS::SecretsManager::ResourcePolicy";
    public const string ParameterType = "AWS::SSM::Parameter";

    // The template Description's limit in CloudFormation.
    private const int MaxDescription = 1024;

    public static CfnTemplate Build(IEnumerable<SecretInfo> input, CloudFormationSecretValue valueSource, Func<SecretInfo, string?>? policyFor = null)
    {
        // One entry per store, name and Region, in a fixed order: the same input gives the same template.
        var items = input
            .GroupBy(i => (i.Store, i.Name, i.Region)).Select(g => g.First())
            .OrderBy(i => i.Store).ThenBy(i => i.Name, StringComparer.Ordinal).ThenBy(i => i.Region ?? "", StringComparer.Ordinal).ToList();
        var template = new CfnTemplate();
        // A replica (listed in its own Region) is declared by its primary's ReplicaRegions, not as a secret of its own.
        foreach (var replica in items.Where(IsReplica))
            template.Warnings.Add($"{replica.Name} in {replica.Region} is a replica of the secret in {replica.PrimaryRegion}: it is left out (export the primary, whose ReplicaRegions declare it).");
        var secrets = OnePerName(template, items.Where(i => i.Store == SecretStoreKind.SecretsManager && !IsReplica(i)));
        if (secrets.Count(s => s.Replicas is null) is int unloaded and > 0)
            template.Warnings.Add($"{unloaded} secret(s) came from a listing, which does not report replication: their replicas, if any, are not declared. "
                + "List them with Get-SecretInfo -IncludeReplicas (or name each one) to declare them.");
        var parameters = OnePerName(template, items.Where(i => i.Store == SecretStoreKind.ParameterStore && i.Type != "SecureString"));
        template.LeftOut.AddRange(items.Where(i => i.Store == SecretStoreKind.ParameterStore && i.Type == "SecureString").Select(i => i.Name));

        var secretIds = CfnLogicalIds.Stems(secrets.Select(s => s.Name));
        var parameterIds = CfnLogicalIds.Stems(parameters.Select(p => p.Name));
        var templateParameters = new CfnMap();
        var resources = new CfnMap();

        foreach (var secret in secrets)
        {
            string stem = secretIds[secret.Name];
            string id = "Secret" + stem;
            if (secret.DeletedDate is not null)
                template.Warnings.Add($"{secret.Name} is scheduled for deletion; it is declared all the same.");
            resources.Add(id, Resource(SecretType, SecretProperties(secret, stem, valueSource, templateParameters)));
            Import(template, secret, SecretType, id);

            if (secret.RotationEnabled == true)
            {
                if (secret.RotationLambdaArn is null)
                    template.Warnings.Add($"{secret.Name} rotates without a Lambda (managed rotation): no RotationSchedule is declared for it.");
                else
                {
                    resources.Add("Rotation" + stem, Resource(RotationType, RotationProperties(secret, id)));
                    Import(template, secret, RotationType, "Rotation" + stem);
                }
            }

            string? policy = policyFor?.Invoke(secret);
            if (!string.IsNullOrWhiteSpace(policy))
            {
                // Blocking public policies is the safe default. A policy that is public (an Allow to
                // '*' with no condition) cannot be put with the block, so it is declared as it
                // exists, without it, and said; a condition-pinned or Deny '*' keeps the block.
                bool wildcard = IsPublic(policy);
                if (wildcard)
                    template.Warnings.Add($"The resource policy of {secret.Name} allows any principal ('*') with no condition: it is declared as it exists, with BlockPublicPolicy false. Review it before deploying.");
                resources.Add("Policy" + stem, Resource(PolicyType, new CfnMap
                {
                    { "SecretId", CfnMap.Ref(id) },
                    { "ResourcePolicy", ParsePolicy(secret.Name, policy) },
                    { "BlockPublicPolicy", !wildcard },
                }));
                Import(template, secret, PolicyType, "Policy" + stem);
            }
        }

        foreach (var parameter in parameters)
        {
            string stem = parameterIds[parameter.Name];
            string id = "Parameter" + stem;
            string valueId = "ValueParameter" + stem;
            templateParameters.Add(valueId, new CfnMap
            {
                { "Type", "String" },
                { "Description", Limit($"The value of parameter {parameter.Name} ({parameter.Type}); not exported, supply it at deploy time.", 4000) },
            });
            var properties = new CfnMap
            {
                { "Name", parameter.Name },
                { "Type", parameter.Type ?? "String" },
                { "Value", CfnMap.Ref(valueId) },
            };
            if (!string.IsNullOrEmpty(parameter.Description)) properties.Add("Description", parameter.Description);
            if (!string.IsNullOrEmpty(parameter.Tier)) properties.Add("Tier", parameter.Tier);
            var tags = UserTags(parameter.Tags);
            if (tags.Count > 0)
            {
                var map = new CfnMap();
                foreach (var (key, value) in tags) map.Add(key, value);
                properties.Add("Tags", map); // AWS::SSM::Parameter takes its tags as a JSON object
            }
            resources.Add(id, Resource(ParameterType, properties));
            template.Imports.Add(new CloudFormationImportItem
            {
                ResourceType = ParameterType,
                LogicalResourceId = id,
                ResourceIdentifier = new OrderedDictionary { ["Name"] = parameter.Name },
                SourceName = parameter.Name,
            });
        }

        var regions = items.Select(i => i.Region).Where(r => r is not null).Distinct(StringComparer.Ordinal).ToList();
        if (regions.Count > 1)
            template.Warnings.Add($"The input comes from {regions.Count} Regions ({string.Join(", ", regions)}); a stack lives in one Region.");

        var document = new CfnMap
        {
            { "AWSTemplateFormatVersion", "2010-09-09" },
            { "Description", Description(secrets.Count, parameters.Count, template.LeftOut) },
        };
        if (templateParameters.Count > 0) document.Add("Parameters", templateParameters);
        document.Add("Resources", resources);
        template.Document = document;
        template.ResourceCount = resources.Count;
        return template;
    }

    /// <summary>A name can be declared once in a template: the same name from another Region is left out, with a warning.</summary>
    private static List<SecretInfo> OnePerName(CfnTemplate template, IEnumerable<SecretInfo> items)
    {
        var kept = new List<SecretInfo>();
        foreach (var group in items.GroupBy(i => i.Name, StringComparer.Ordinal))
        {
            var first = group.First();
            kept.Add(first);
            foreach (var other in group.Skip(1))
                template.Warnings.Add($"{other.Name} is in the input from {other.Region} as well as from {first.Region}: only the one from {first.Region} is declared.");
        }
        return kept;
    }

    private static bool IsReplica(SecretInfo info) => info.IsReplica;

    private static CfnMap Resource(string type, CfnMap properties) => new()
    {
        { "Type", type },
        { "DeletionPolicy", "Retain" },
        { "UpdateReplacePolicy", "Retain" },
        { "Properties", properties },
    };

    private static CfnMap SecretProperties(SecretInfo secret, string stem, CloudFormationSecretValue valueSource, CfnMap templateParameters)
    {
        var properties = new CfnMap { { "Name", secret.Name } };
        if (!string.IsNullOrEmpty(secret.Description)) properties.Add("Description", secret.Description);
        if (!string.IsNullOrEmpty(secret.KmsKeyId)) properties.Add("KmsKeyId", secret.KmsKeyId);
        if (valueSource == CloudFormationSecretValue.GenerateSecretString)
            properties.Add("GenerateSecretString", new CfnMap { { "PasswordLength", 32L } });
        else
        {
            string valueId = "ValueSecret" + stem;
            templateParameters.Add(valueId, new CfnMap
            {
                { "Type", "String" },
                { "NoEcho", true },
                { "MinLength", 1L },
                { "Description", Limit($"The value of secret {secret.Name}; not exported, supply it at deploy time.", 4000) },
            });
            properties.Add("SecretString", CfnMap.Ref(valueId));
        }
        var replicas = ReplicasOf(secret);
        if (replicas.Count > 0) properties.Add("ReplicaRegions", replicas);
        var tags = UserTags(secret.Tags);
        if (tags.Count > 0)
            properties.Add("Tags", tags.Select(t => (object?)new CfnMap { { "Key", t.Key }, { "Value", t.Value } }).ToList());
        return properties;
    }

    /// <summary>
    /// Each replica's Region, with its key unless it is Secrets Manager's own (which a replica
    /// without KmsKeyId gets anyway); from Replicas where loaded, else the bare ReplicaRegions.
    /// </summary>
    private static List<object?> ReplicasOf(SecretInfo secret)
    {
        if (secret.Replicas is { Length: > 0 } replicas)
            return replicas.Select(r =>
            {
                var replica = new CfnMap { { "Region", r.Region } };
                if (!string.IsNullOrEmpty(r.KmsKeyId) && r.KmsKeyId != DefaultSecretsManagerKey) replica.Add("KmsKeyId", r.KmsKeyId);
                return (object?)replica;
            }).ToList();
        return secret.ReplicaRegions.Select(r => (object?)new CfnMap { { "Region", r } }).ToList();
    }

    private const string DefaultSecretsManagerKey = "alias/aws/secretsmanager";

    private static CfnMap RotationProperties(SecretInfo secret, string secretId)
    {
        var rules = new CfnMap();
        if (!string.IsNullOrEmpty(secret.RotationSchedule)) rules.Add("ScheduleExpression", secret.RotationSchedule);
        else if (secret.RotateAfterDays is long days) rules.Add("AutomaticallyAfterDays", days);
        if (!string.IsNullOrEmpty(secret.RotationDuration)) rules.Add("Duration", secret.RotationDuration);
        var properties = new CfnMap
        {
            { "SecretId", CfnMap.Ref(secretId) },
            { "RotationLambdaARN", secret.RotationLambdaArn },
        };
        if (rules.Count > 0) properties.Add("RotationRules", rules);
        return properties;
    }

    private static void Import(CfnTemplate template, SecretInfo secret, string type, string id)
    {
        if (secret.Arn is null)
        {
            if (type == SecretType) template.Warnings.Add($"{secret.Name} has no ARN in its SecretInfo: it cannot be listed for import.");
            return;
        }
        // The Secrets Manager resources are all identified by the secret's ARN.
        template.Imports.Add(new CloudFormationImportItem
        {
            ResourceType = type,
            LogicalResourceId = id,
            ResourceIdentifier = new OrderedDictionary { ["Id"] = secret.Arn },
            SourceName = secret.Name,
        });
    }

    /// <summary>Tags sorted by key, without the aws: ones, which no one may set.</summary>
    private static List<KeyValuePair<string, string>> UserTags(Hashtable? tags) =>
        tags is null ? new() : tags.Cast<DictionaryEntry>()
            .Select(e => new KeyValuePair<string, string>(e.Key.ToString() ?? "", e.Value?.ToString() ?? ""))
            .Where(t => !t.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            .OrderBy(t => t.Key, StringComparer.Ordinal).ToList();

    private static string Description(int secrets, int parameters, List<string> leftOut)
    {
        var text = new StringBuilder($"Exported by SecretsTools: {secrets} Secrets Manager secret(s), {parameters} Parameter Store parameter(s). "
            + "No values are exported: supply them as template parameters.");
        if (leftOut.Count == 0) return text.ToString();
        text.Append(" Left out, as CloudFormation cannot create SecureString parameters:");
        for (int i = 0; i < leftOut.Count; i++)
        {
            string more = $" and {leftOut.Count - i} more.";
            string next = " " + leftOut[i] + (i == leftOut.Count - 1 ? "." : ",");
            if (Encoding.UTF8.GetByteCount(text.ToString() + next) + (i == leftOut.Count - 1 ? 0 : more.Length) > MaxDescription)
            {
                text.Append(more);
                return text.ToString();
            }
            text.Append(next);
        }
        return text.ToString();
    }

    private static string Limit(string text, int max) => text.Length <= max ? text : text[..(max - 3)] + "...";

    /// <summary>
    /// Whether the policy is public the plain way: an Allow statement whose Principal is "*" (or
    /// lists "*") with no Condition. A Deny with "*" (deny unless TLS) and an Allow pinned by a
    /// condition (aws:PrincipalOrgID, aws:SourceVpce) are not; false for text that does not parse
    /// (ParsePolicy refuses it).
    /// </summary>
    private static bool IsPublic(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("Statement", out var statements)) return false;
            var list = statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToList() : new List<JsonElement> { statements };
            return list.Any(s => s.ValueKind == JsonValueKind.Object
                && s.TryGetProperty("Effect", out var effect) && effect.ValueKind == JsonValueKind.String && effect.GetString() == "Allow"
                && !s.TryGetProperty("Condition", out _)
                && s.TryGetProperty("Principal", out var principal) && IsWildcard(principal));
        }
        catch (JsonException)
        {
            return false;
        }

        static bool IsWildcard(JsonElement principal) => principal.ValueKind switch
        {
            JsonValueKind.String => principal.GetString() == "*",
            JsonValueKind.Array => principal.EnumerateArray().Any(IsWildcard),
            JsonValueKind.Object => principal.EnumerateObject().Any(p => IsWildcard(p.Value)),
            _ => false,
        };
    }

    /// <summary>A policy document as template nodes (CloudFormation takes it as JSON, not as a string).</summary>
    private static object? ParsePolicy(string secretName, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("not an object");
            return FromJson(document.RootElement);
        }
        catch (JsonException)
        {
            throw new SecretStoreException(ErrorIds.MalformedPolicy, ErrorCategory.InvalidData, secretName,
                "The resource policy given for this secret is not a JSON object.");
        }
    }

    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Aggregate(new CfnMap(), (map, p) => { map.Add(p.Name, FromJson(p.Value)); return map; }),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out long n) ? n : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
