using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace SecretsTools.Completion;

/// <summary>Completes -ProfileName from the profiles of the shared AWS config and credentials files.</summary>
public sealed class ProfileNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var pattern = new WildcardPattern(CompletionText.Typed(wordToComplete) + "*", WildcardOptions.IgnoreCase);
            return SharedConfigProfiles.Names().Where(pattern.IsMatch).Select(p => CompletionText.Result(p)).ToList();
        }
        catch (Exception)
        {
            // An unreadable file, a malformed pattern: completion never throws at the user.
            return Array.Empty<CompletionResult>();
        }
    }
}
