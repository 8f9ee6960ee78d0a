using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace SecretsTools.Completion;

/// <summary>Completes -Region from the SDK's list of regions.</summary>
public sealed class RegionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var pattern = new WildcardPattern((wordToComplete ?? "").Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        return Engine.SecretsEngine.Instance.KnownRegions()
            .Where(r => pattern.IsMatch(r.Key))
            .Select(r => new CompletionResult(r.Key, r.Key, CompletionResultType.ParameterValue, r.Value));
    }
}
