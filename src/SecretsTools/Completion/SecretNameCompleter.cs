using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Completion;

/// <summary>
/// Completes secret names by listing the store with the typed prefix, and NAME#field by the keys
/// of that JSON secret. Bounded in count and time so a slow or unreachable endpoint never hangs
/// the prompt; failures complete nothing. Listings are cached for a few seconds (CompletionCache),
/// so Tab after Tab costs one call.
/// </summary>
public class SecretNameCompleter : IArgumentCompleter
{
    private const int MaxResults = 50;

    // Listed beyond what is shown, so the listing is more often complete and narrower prefixes
    // typed next are answered from the cache.
    private const int MaxListed = 100;

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string word = CompletionText.Typed(wordToComplete);
        // The names a copy goes to, or a comparison is made with, are on the destination connection.
        bool destination = parameterName is "Destination" or "DifferenceName";
        bool deleted = CompletesDeleted;
        return BoundedCompletion.Run(token => word.Contains('#')
            ? KeysAsync(word, fakeBoundParameters, destination, token)
            : NamesAsync(word, fakeBoundParameters, destination, deleted, token));
    }

    /// <summary>Whether the names offered are those scheduled for deletion instead of the live ones.</summary>
    protected virtual bool CompletesDeleted => false;

    private static async Task<IReadOnlyList<CompletionResult>> NamesAsync(string word, IDictionary bound, bool destination, bool deleted, CancellationToken token)
    {
        // With a '*' the name is never empty: "sm:" and "ssm:/app/" are prefixes to complete.
        string query = word.TrimEnd('*') + "*";
        var reference = CompleterConnection.Resolve(query, bound, destination);
        // What the user typed before the name (ssm:, sm:), without a :selector after it, which
        // completion of the name replaces.
        string typed = reference.HasSelector ? query[..query.LastIndexOf(':')] : query;
        string prefixText = typed.Length > reference.Name.Length ? typed[..(typed.Length - reference.Name.Length)] : "";
        var (store, connection) = CompleterConnection.StoreFor(reference, CompleterConnection.Connection(bound, destination));
        string pattern = reference.Name.TrimEnd('*') + "*";
        string scope = $"names|{reference.Store}|{(deleted ? "deleted" : "live")}|{connection.CacheKey}";
        var names = CompletionCache.Shared.Find(scope, pattern)
            ?? await ListAsync(store, new SecretListQuery { NamePattern = pattern, IncludeDeleted = deleted }, scope, token).ConfigureAwait(false);
        return names.Take(MaxResults).Select(n => CompletionText.Result(prefixText + n)).ToList();
    }

    private static async Task<IReadOnlyList<string>> ListAsync(ISecretStore store, SecretListQuery query, string scope, CancellationToken token)
    {
        var names = new List<string>();
        bool complete = false;
        var enumerator = store.ListAsync(query, token).GetAsyncEnumerator(token);
        try
        {
            while (true)
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    complete = true;
                    break;
                }
                if (names.Count == MaxListed) break;
                // The listing with deleted secrets has the live ones too; Restore-Secret wants the others.
                if (query.IncludeDeleted && enumerator.Current.DeletedDate is null) continue;
                names.Add(enumerator.Current.Name);
            }
        }
        catch (OperationCanceledException) when (names.Count > 0)
        {
            // Out of time after the first page: show what came, cache none of it.
            return names.OrderBy(n => n, StringComparer.Ordinal).ToList();
        }
        finally
        {
            try { await enumerator.DisposeAsync().ConfigureAwait(false); }
            catch (Exception) { /* a cancelled listing may fail to close; nothing to do */ }
        }
        var sorted = names.OrderBy(n => n, StringComparer.Ordinal).ToList();
        CompletionCache.Shared.Add(scope, query.NamePattern!, sorted, complete);
        return sorted;
    }

    /// <summary>NAME#fi: the keys of that JSON secret beginning with "fi".</summary>
    private static async Task<IReadOnlyList<CompletionResult>> KeysAsync(string word, IDictionary bound, bool destination, CancellationToken token)
    {
        int hash = word.IndexOf('#');
        string namePart = word[..hash];
        var reference = CompleterConnection.Resolve(namePart, bound, destination);
        if (WildcardPattern.ContainsWildcardCharacters(reference.Name)) return Array.Empty<CompletionResult>();
        var pattern = new WildcardPattern(word[(hash + 1)..] + "*", WildcardOptions.IgnoreCase);
        var keys = await SecretKeyNames.ReadAsync(reference, null, null, CompleterConnection.Connection(bound, destination), token).ConfigureAwait(false);
        return keys.Where(pattern.IsMatch).Select(k => CompletionText.Result(namePart + "#" + k, listItem: k, toolTip: k)).ToList();
    }
}
