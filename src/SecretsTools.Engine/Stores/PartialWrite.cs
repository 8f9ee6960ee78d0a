using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace SecretsTools.Stores;

/// <summary>
/// A write made of several calls (the value, then a description, then tags) where the API cannot
/// do it in one. When a later call fails, the value is already written: a plain AccessDenied would
/// read as "nothing happened". This runs the later steps and, on a failure, says what was written
/// (the value version and the steps before) and what was not, with the cause.
/// </summary>
internal sealed class PartialWrite
{
    private readonly string _name;
    private readonly List<string> _done = new();

    /// <param name="alreadyWritten">What an earlier call of the write did (the value version); null: nothing yet.</param>
    public PartialWrite(string name, string? alreadyWritten = null)
    {
        _name = name;
        if (alreadyWritten is not null) _done.Add(alreadyWritten);
    }

    /// <summary>Runs the steps in order (null ones are skipped); each is named ("the tags env, team") for the message.</summary>
    public async Task RunAsync(params (string What, Func<Task>? Step)[] steps)
    {
        var pending = steps.Where(s => s.Step is not null).ToList();
        for (int i = 0; i < pending.Count; i++)
        {
            try
            {
                await pending[i].Step!().ConfigureAwait(false);
            }
            catch (SecretStoreException) when (_done.Count == 0)
            {
                throw; // the first call failed: nothing was written, and the error says so as it is
            }
            catch (SecretStoreException ex)
            {
                var notWritten = pending.Skip(i).Select(s => s.What).ToList();
                throw new SecretStoreException(ErrorIds.PartialWrite, ex.Category, _name,
                    $"'{_name}' was written only in part: {Join(_done)} {(_done.Count == 1 ? "was" : "were")} written, "
                    + $"but {Join(notWritten)} {(notWritten.Count == 1 ? "was" : "were")} not, because {Uncapitalised(ex.Message)} "
                    + "Once that is fixed, run the same command again, or Set-SecretInfo for the rest.", ex);
            }
            _done.Add(pending[i].What);
        }
    }

    private static string Join(IReadOnlyList<string> parts) =>
        parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];

    private static string Uncapitalised(string message) =>
        message.Length > 1 && char.IsUpper(message[0]) && !char.IsUpper(message[1]) ? char.ToLowerInvariant(message[0]) + message[1..] : message;

    public static string Metadata(string? description, string? kmsKeyId) => (description, kmsKeyId) switch
    {
        (not null, not null) => "the description and KMS key",
        (not null, null) => "the description",
        _ => "the KMS key",
    };

    public static string Tags(IReadOnlyDictionary<string, string> tags) => TagKeys(tags.Keys.ToList());

    public static string TagKeys(IReadOnlyCollection<string>? keys) => keys is null ? "" :
        $"the tag{(keys.Count == 1 ? "" : "s")} {string.Join(", ", keys.OrderBy(k => k, StringComparer.Ordinal))}";
}
