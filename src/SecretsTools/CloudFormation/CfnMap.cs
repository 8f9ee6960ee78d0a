using System.Collections.Generic;

namespace SecretsTools.CloudFormation;

/// <summary>
/// A template node that keeps its keys in the order they were added, so the JSON and the YAML
/// form come out in the same, readable order (Type before Properties). Values are string, long,
/// bool, another CfnMap or a List&lt;object?&gt;: the only shapes a template needs.
/// </summary>
internal sealed class CfnMap : List<KeyValuePair<string, object?>>
{
    public void Add(string key, object? value) => Add(new KeyValuePair<string, object?>(key, value));

    /// <summary>{"Ref": name}</summary>
    public static CfnMap Ref(string logicalId) => new() { { "Ref", logicalId } };
}
