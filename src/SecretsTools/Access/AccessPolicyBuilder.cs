using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using SecretsTools.Model;

namespace SecretsTools.Access;

/// <summary>
/// Builds an IAM identity policy from PermissionTable: for each store and role, the actions of
/// every cmdlet of the requested kinds of work, on the named resources; the actions AWS does not
/// scope to a resource in a statement of their own on '*'; KMS on the named key only through the
/// store's service (kms:ViaService).
/// </summary>
internal sealed class AccessPolicyBuilder
{
    private readonly IReadOnlyCollection<SecretAccess> _access;
    private readonly string? _kmsKeyArn;
    private readonly string _partition;
    private readonly string _region;
    private readonly string _account;

    public AccessPolicyBuilder(IReadOnlyCollection<SecretAccess> access, string? kmsKeyArn, string region, string account, string partition = "aws")
    {
        _access = access;
        _kmsKeyArn = kmsKeyArn;
        _region = region;
        _account = account;
        _partition = partition;
    }

    /// <summary>The grants of the chosen work for one role, per store (null: outside the stores).</summary>
    private IEnumerable<StoreGrant> Grants(PermissionRole role) =>
        PermissionTable.Entries
            .Where(e => e.Access is { } a && _access.Contains(a) && (a == SecretAccess.Migrate) == (role != PermissionRole.Target))
            .SelectMany(e => e.Grants)
            .Where(g => g.Role == role);

    public OrderedDictionary Build(IReadOnlyList<PolicyTarget> targets, IReadOnlyList<PolicyTarget> destinations)
    {
        var statements = new List<OrderedDictionary>();
        var unscoped = new SortedSet<string>(StringComparer.Ordinal);
        var kms = new Dictionary<SecretStoreKind, SortedSet<string>>();
        var other = new SortedSet<string>(StringComparer.Ordinal);

        void Add(PermissionRole role, IReadOnlyList<PolicyTarget> named)
        {
            var grants = Grants(role).ToList();
            foreach (var store in new[] { SecretStoreKind.SecretsManager, SecretStoreKind.ParameterStore })
            {
                var mine = named.Where(t => t.Store == store).ToList();
                if (mine.Count == 0) continue;
                var storeGrants = grants.Where(g => g.Store == store).ToList();
                var actions = new SortedSet<string>(storeGrants.SelectMany(g => g.Actions), StringComparer.Ordinal);
                foreach (string a in actions.Where(PermissionTable.Unscoped.Contains)) unscoped.Add(a);
                actions.RemoveWhere(PermissionTable.Unscoped.Contains);
                if (actions.Count > 0)
                    statements.Add(Statement(StoreSid(store) + (role == PermissionRole.Target ? "" : role.ToString()), actions,
                        mine.SelectMany(t => t.Resources).Distinct(StringComparer.Ordinal)));
                // GetParametersByPath is authorized on the path itself.
                var byPath = mine.SelectMany(t => t.ByPath).Distinct(StringComparer.Ordinal).ToList();
                if (byPath.Count > 0 && actions.Contains("ssm:GetParametersByPath"))
                    statements.Add(Statement("ParameterStorePath" + (role == PermissionRole.Target ? "" : role.ToString()), new[] { "ssm:GetParametersByPath" }, byPath));
                if (_kmsKeyArn is not null)
                {
                    if (!kms.TryGetValue(store, out var set)) kms[store] = set = new SortedSet<string>(StringComparer.Ordinal);
                    set.UnionWith(storeGrants.SelectMany(g => g.KmsActions));
                }
            }
            if (named.Count > 0) other.UnionWith(grants.Where(g => g.Store is null).SelectMany(g => g.Actions));
        }

        Add(PermissionRole.Target, targets);
        Add(PermissionRole.Source, targets);
        Add(PermissionRole.Destination, destinations);

        foreach (string a in other.Where(PermissionTable.Unscoped.Contains)) unscoped.Add(a);
        if (unscoped.Count > 0) statements.Add(Statement("NotResourceScoped", unscoped, new[] { "*" }));
        if (other.Contains("lambda:InvokeFunction"))
            statements.Add(Statement("RotationFunction", new[] { "lambda:InvokeFunction" }, new[] { $"arn:{_partition}:lambda:{_region}:{_account}:function:*" }));
        foreach (var (store, actions) in kms.OrderBy(k => k.Key))
        {
            if (actions.Count == 0) continue;
            string service = store == SecretStoreKind.SecretsManager ? "secretsmanager" : "ssm";
            var statement = Statement("KmsVia" + StoreSid(store), actions, new[] { _kmsKeyArn! });
            // With Region '*' the service name has a wildcard, which only StringLike matches.
            string op = _region.Contains('*') ? "StringLike" : "StringEquals";
            // The service's endpoint host: China's Regions are under amazonaws.com.cn.
            string domain = _partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
            statement["Condition"] = new OrderedDictionary { [op] = new OrderedDictionary { ["kms:ViaService"] = $"{service}.{_region}.{domain}" } };
            statements.Add(statement);
        }

        return new OrderedDictionary { ["Version"] = "2012-10-17", ["Statement"] = statements.ToArray() };
    }

    private static string StoreSid(SecretStoreKind store) => store == SecretStoreKind.SecretsManager ? "SecretsManager" : "ParameterStore";

    private static OrderedDictionary Statement(string sid, IEnumerable<string> actions, IEnumerable<string> resources) => new()
    {
        ["Sid"] = sid,
        ["Effect"] = "Allow",
        ["Action"] = actions.ToArray(),
        ["Resource"] = resources.ToArray(),
    };
}
