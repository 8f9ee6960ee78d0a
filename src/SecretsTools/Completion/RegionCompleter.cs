using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Amazon;

namespace SecretsTools.Completion;

/// <summary>Completes -Region from the SDK's list of regions.</summary>
public sealed class RegionCompleter : IArgumentCompleter
{
    // The SDK's list also has pseudo-regions (aws-global, us-east-1-regional) no service answers in.
    private static readonly System.Text.RegularExpressions.Regex RealRegion = new("^[a-z]{2}(-[a-z]+)+-[0-9]+$");

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var pattern = new WildcardPattern((wordToComplete ?? "").Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        return RegionEndpoint.EnumerableAllRegions
            .Where(r => RealRegion.IsMatch(r.SystemName) && pattern.IsMatch(r.SystemName))
            .OrderBy(r => r.SystemName)
            .Select(r => new CompletionResult(r.SystemName, r.SystemName, CompletionResultType.ParameterValue, r.DisplayName));
    }
}
