using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using SecretsTools.Aws;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Completion;

/// <summary>
/// Completes secret names by listing the store with the typed prefix. Bounded in count and time
/// so a slow or unreachable endpoint never hangs the prompt; failures complete nothing.
/// </summary>
public sealed class SecretNameCompleter : IArgumentCompleter
{
    private const int MaxResults = 50;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string word = (wordToComplete ?? "").Trim('\'', '"');
        try
        {
            var explicitStore = fakeBoundParameters["Store"] is { } s && Enum.TryParse(s.ToString(), true, out SecretStoreKind k) ? k : (SecretStoreKind?)null;
            var reference = SecretReference.Parse(word.Length == 0 ? "*" : word, explicitStore, DefaultStore.Resolve());
            // What the user typed before the name (ssm:, sm:, an ARN's head), without a #field or
            // :selector after it, which completion of the name replaces.
            string typed = word.IndexOf('#') is var hash and >= 0 ? word[..hash] : word;
            if (reference.HasSelector) typed = typed[..typed.LastIndexOf(':')];
            string prefixText = typed.Length - reference.Name.Length > 0 ? typed[..(typed.Length - reference.Name.Length)] : "";
            var settings = new AwsConnectionSettings(
                fakeBoundParameters["Region"] as string, fakeBoundParameters["ProfileName"] as string,
                fakeBoundParameters["EndpointUrl"] as string, null, null, null);
            var store = Engine.SecretsEngine.Instance.CreateStore(reference.Store, settings);
            using var cancellation = new CancellationTokenSource(Timeout);
            var query = new SecretListQuery
            {
                NamePattern = reference.Name.TrimEnd('*') + "*",
                // What Restore-Secret can restore is exactly what is scheduled for deletion.
                IncludeDeleted = string.Equals(commandName, "Restore-Secret", StringComparison.OrdinalIgnoreCase),
            };
            var names = new List<string>();
            var enumerator = store.ListAsync(query, cancellation.Token).GetAsyncEnumerator(cancellation.Token);
            while (names.Count < MaxResults && enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult())
                names.Add(enumerator.Current.Name);
            return names.Select(n => Result(prefixText + n));
        }
        catch (Exception)
        {
            // Completion must never throw at the user; no suggestions is the honest answer.
            return Enumerable.Empty<CompletionResult>();
        }
    }

    private static CompletionResult Result(string name)
    {
        string text = name.IndexOfAny(new[] { ' ', '$', '`', '\'', '"', '#', '@', '(', ')', ';', ',', '{', '}' }) >= 0
            ? "'" + name.Replace("'", "''") + "'"
            : name;
        return new CompletionResult(text, name, CompletionResultType.ParameterValue, name);
    }
}
