using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace SecretsTools.Completion;

/// <summary>
/// Completes Get-Secret -Key with the top-level keys of the JSON secret bound to -Name (in the
/// version -Version or -Label select). Key names only, the tooltip too: never a value.
/// </summary>
public sealed class KeyCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var pattern = new WildcardPattern(CompletionText.Typed(wordToComplete) + "*", WildcardOptions.IgnoreCase);
            string? name = CompleterConnection.BoundName(fakeBoundParameters);
            if (string.IsNullOrWhiteSpace(name)) return Array.Empty<CompletionResult>();
            var reference = CompleterConnection.Resolve(name, fakeBoundParameters);
            if (WildcardPattern.ContainsWildcardCharacters(reference.Name)) return Array.Empty<CompletionResult>();
            var keys = BoundedCompletion.Run(token => SecretKeyNames.ReadAsync(reference,
                CompleterConnection.Text(fakeBoundParameters, "Version", "VersionId"),
                CompleterConnection.Text(fakeBoundParameters, "Label", "VersionStage"),
                CompleterConnection.Connection(fakeBoundParameters), token));
            return keys.Where(pattern.IsMatch).Select(k => CompletionText.Result(k, toolTip: k)).ToList();
        }
        catch (Exception)
        {
            // Completion must never throw at the user; no suggestions is the honest answer.
            return Array.Empty<CompletionResult>();
        }
    }
}
