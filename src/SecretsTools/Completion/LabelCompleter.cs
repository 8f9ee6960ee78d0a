using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Completion;

/// <summary>
/// Completes -Label (-VersionStage) with the labels on the versions of the secret bound to -Name:
/// Secrets Manager staging labels, Parameter Store labels. Metadata only: no value is read. When
/// Secrets Manager cannot say (no name yet, no access, no answer in time), its standard stages.
/// </summary>
public sealed class LabelCompleter : IArgumentCompleter
{
    private static readonly string[] StandardStages = { "AWSCURRENT", "AWSPENDING", "AWSPREVIOUS" };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var pattern = new WildcardPattern(CompletionText.Typed(wordToComplete) + "*", WildcardOptions.IgnoreCase);
            string? name = CompleterConnection.BoundName(fakeBoundParameters);
            SecretReference? reference = string.IsNullOrWhiteSpace(name) ? null : CompleterConnection.Resolve(name, fakeBoundParameters);
            var kind = reference?.Store ?? CompleterConnection.Resolve("*", fakeBoundParameters).Store;
            IReadOnlyList<string> labels = reference is null || WildcardPattern.ContainsWildcardCharacters(reference.Name)
                ? Array.Empty<string>()
                : BoundedCompletion.Run(async token =>
                {
                    var (store, connection) = CompleterConnection.StoreFor(reference, CompleterConnection.Connection(fakeBoundParameters));
                    string scope = $"labels|{reference.Store}|{reference.Name}|{connection.CacheKey}";
                    if (CompletionCache.Shared.Find(scope, "*") is { } cached) return cached;
                    var listed = await store.ListLabelsAsync(reference.Name, token).ConfigureAwait(false);
                    CompletionCache.Shared.Add(scope, "*", listed, complete: true);
                    return listed;
                });
            if (labels.Count == 0 && kind == SecretStoreKind.SecretsManager) labels = StandardStages;
            return labels.Where(pattern.IsMatch).Select(l => CompletionText.Result(l)).ToList();
        }
        catch (Exception)
        {
            // Completion must never throw at the user; no suggestions is the honest answer.
            return Array.Empty<CompletionResult>();
        }
    }
}
