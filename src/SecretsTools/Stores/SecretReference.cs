using System;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using SecretsTools.Model;

namespace SecretsTools.Stores;

/// <summary>
/// A name as the user typed it, resolved to a store, the name that store knows, and an optional
/// JSON field. Accepted forms: a plain name; <c>ssm:/path/name</c>; <c>sm:name</c>; an ARN of
/// either service; each optionally followed by <c>#field</c> ('#' is valid in neither store's names).
/// </summary>
internal sealed record SecretReference(SecretStoreKind Store, string Name, string? Key)
{
    /// <summary>The region named by an ARN; the secret lives there, whatever the default region is.</summary>
    public string? Region { get; init; }

    /// <summary>
    /// A Parameter Store ARN as typed. The store is called by name (in the ARN's region), so reads
    /// check that the answer has this ARN: the name alone would find the caller's own account's
    /// parameter even when the ARN names another account.
    /// </summary>
    public string? ParameterArn { get; init; }

    /// <summary>Parameter Store's native selector in the name: <c>/app/db:3</c> is version 3.</summary>
    public string? Version { get; init; }

    /// <summary>Parameter Store's native selector in the name: <c>/app/db:stable</c> is the label 'stable'.</summary>
    public string? Label { get; init; }

    public bool HasSelector => Version is not null || Label is not null;

    /// <summary>The name itself chose its store (an ssm:/sm: prefix or an ARN), rather than -Store or the default.</summary>
    public bool StoreFromName { get; init; }

    /// <summary>The selector itself (the version or the label), for messages.</summary>
    public string Selector => Version ?? Label ?? "";

    private static readonly Regex PrefixPattern = new("^(?<prefix>[A-Za-z][A-Za-z0-9-]*):(?<rest>.*)\\z", RegexOptions.Compiled | RegexOptions.Singleline);

    public static SecretReference Parse(string raw, SecretStoreKind? explicitStore, SecretStoreKind defaultStore) =>
        Parse(raw, explicitStore, () => defaultStore);

    /// <summary>The default store is asked for only when the name needs it (it may be misconfigured).</summary>
    public static SecretReference Parse(string raw, SecretStoreKind? explicitStore, Func<SecretStoreKind> defaultStore)
    {
        if (string.IsNullOrWhiteSpace(raw))
            throw new SecretStoreException(ErrorIds.InvalidSecretReference, ErrorCategory.InvalidArgument, raw, "A secret name cannot be empty.");

        string text = raw;
        string? key = null;
        int hash = text.IndexOf('#');
        if (hash >= 0)
        {
            key = text[(hash + 1)..];
            text = text[..hash];
            if (key.Length == 0)
                throw new SecretStoreException(ErrorIds.InvalidSecretReference, ErrorCategory.InvalidArgument, raw, $"'{raw}' ends in '#' but names no field after it.");
        }

        SecretStoreKind? referenced = null;
        string name = text;
        string? region = null;
        if (text.StartsWith("arn:", StringComparison.OrdinalIgnoreCase))
        {
            (referenced, name) = ParseArn(raw, text);
            region = text.Split(':')[3] is { Length: > 0 } r ? r : null;
        }
        else
        {
            var match = PrefixPattern.Match(text);
            if (match.Success)
            {
                string prefix = match.Groups["prefix"].Value;
                referenced = prefix.ToLowerInvariant() switch
                {
                    "ssm" => SecretStoreKind.ParameterStore,
                    "sm" => SecretStoreKind.SecretsManager,
                    _ => null,
                };
                if (referenced is not null) name = match.Groups["rest"].Value;
                // 'dbpass:1' going to Parameter Store is a name with its selector, not a prefix.
                else if ((explicitStore ?? defaultStore()) != SecretStoreKind.ParameterStore)
                    throw new SecretStoreException(ErrorIds.UnknownStorePrefix, ErrorCategory.InvalidArgument, raw,
                        $"'{prefix}:' is not a known store prefix in '{raw}'. Use 'ssm:' for Parameter Store, 'sm:' for Secrets Manager, or an ARN.");
            }
        }

        if (referenced is not null && explicitStore is not null && referenced != explicitStore)
            throw new SecretStoreException(ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, raw,
                $"'{raw}' refers to {StoreNames.Display(referenced.Value)}, but -Store says {StoreNames.Display(explicitStore.Value)}.");

        if (name.Length == 0)
            throw new SecretStoreException(ErrorIds.InvalidSecretReference, ErrorCategory.InvalidArgument, raw, $"'{raw}' names no secret.");

        var store = referenced ?? explicitStore ?? defaultStore();
        // Checked on the whole text, whatever the prefix: a name is never trimmed, and a control
        // character (a newline from a file, a tab) is in no store's names. The message is the
        // rules of the store the name is for.
        if (Validation.Printable.FirstControl(raw) is int at and >= 0)
            throw SecretStoreException.InvalidName(raw,
                $"{StoreNames.Display(store)} names cannot contain control characters ('{Validation.Printable.Of(raw)}' has U+{(int)raw[at]:X4} at position {at + 1}); "
                + (store == SecretStoreKind.ParameterStore ? Validation.ParameterNameRules.CharacterRule : Validation.SecretsManagerNameRules.CharacterRule));
        if (store == SecretStoreKind.SecretsManager && !name.StartsWith("arn:", StringComparison.OrdinalIgnoreCase) && name.Contains(':'))
            throw new SecretStoreException(ErrorIds.InvalidSecretReference, ErrorCategory.InvalidArgument, raw,
                $"'{raw}' has a ':', which no Secrets Manager name holds; for a Parameter Store version or label, write ssm:{name} or use -Store ParameterStore.");
        string? arn = referenced == SecretStoreKind.ParameterStore && region is not null ? text : null;
        string? version = null, label = null;
        int colon = name.LastIndexOf(':');
        if (store == SecretStoreKind.ParameterStore && colon >= 0)
        {
            // ':' is valid in no parameter name, so it starts GetParameter's own "name:version" or
            // "name:label" selector, which the store passes on as it is.
            string selector = name[(colon + 1)..];
            name = name[..colon];
            if (selector.Length == 0 || name.Length == 0)
                throw new SecretStoreException(ErrorIds.InvalidSecretReference, ErrorCategory.InvalidArgument, raw,
                    $"'{raw}' has a ':' with no {(name.Length == 0 ? "name before" : "version or label after")} it; write NAME:VERSION or NAME:LABEL.");
            if (selector.All(char.IsAsciiDigit)) version = selector; else label = selector;
            if (arn is not null) arn = arn[..arn.LastIndexOf(':')];
        }

        return new SecretReference(store, name, key)
        {
            Region = region,
            ParameterArn = arn,
            Version = version,
            Label = label,
            StoreFromName = referenced is not null,
        };
    }

    private static (SecretStoreKind, string) ParseArn(string raw, string arn)
    {
        // arn:partition:service:region:account:resource
        string[] parts = arn.Split(':', 6);
        if (parts.Length == 6)
        {
            string service = parts[2].ToLowerInvariant();
            string resource = parts[5];
            if (service == "secretsmanager" && resource.StartsWith("secret:", StringComparison.Ordinal))
                return (SecretStoreKind.SecretsManager, arn); // SecretId takes the ARN as it is.
            if (service == "ssm" && resource.StartsWith("parameter/", StringComparison.Ordinal))
            {
                // parameter/a/b is the ARN of /a/b; parameter/a that of a.
                string path = resource["parameter/".Length..];
                return (SecretStoreKind.ParameterStore, path.Contains('/') ? "/" + path : path);
            }
        }
        throw new SecretStoreException(ErrorIds.InvalidSecretReference, ErrorCategory.InvalidArgument, raw,
            $"'{raw}' is not the ARN of a Secrets Manager secret (arn:aws:secretsmanager:...:secret:NAME) or a Parameter Store parameter (arn:aws:ssm:...:parameter/NAME).");
    }
}
