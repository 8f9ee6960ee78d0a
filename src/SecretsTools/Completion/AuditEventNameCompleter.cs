using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using SecretsTools.Stores;

namespace SecretsTools.Completion;

/// <summary>Completes Get-SecretAuditEvent -EventName from the fixed list of event names (no AWS call).</summary>
public sealed class AuditEventNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var pattern = new WildcardPattern(CompletionText.Typed(wordToComplete) + "*", WildcardOptions.IgnoreCase);
            return AuditEventNames.All.Where(pattern.IsMatch).Select(n => CompletionText.Result(n)).ToList();
        }
        catch (Exception)
        {
            return Array.Empty<CompletionResult>();
        }
    }
}
