using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Runs a user's -NameTransform script block on one name ($_ and the first argument are the name;
/// further arguments follow): it must return exactly one non-blank string. Anything else, or a
/// script that throws, is SecretStoreException(NameTransformFailed) for that name.
/// </summary>
internal static class NameTransforms
{
    public static string Invoke(ScriptBlock transform, string name, params object?[] more)
    {
        List<PSObject> output;
        try
        {
            output = transform.InvokeWithContext(null, new List<PSVariable> { new("_", name) }, new object?[] { name }.Concat(more).ToArray())
                .Where(o => o is not null).ToList();
        }
        catch (RuntimeException ex)
        {
            throw new SecretStoreException(ErrorIds.NameTransformFailed, ErrorCategory.InvalidResult, name, $"-NameTransform failed for '{name}': {ex.Message}");
        }
        return output.Count == 1 && output[0].BaseObject is string s && !string.IsNullOrWhiteSpace(s) ? s
            : throw new SecretStoreException(ErrorIds.NameTransformFailed, ErrorCategory.InvalidResult, name,
                $"-NameTransform returned {(output.Count == 1 ? $"a {output[0].BaseObject.GetType().Name} that is not a name" : $"{output.Count} values")} for '{name}'; it must return one name.");
    }
}
