using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Access;

/// <summary>
/// One name given to New-SecretAccessPolicy, as the IAM resources it stands for. ByPath are the
/// extra resources GetParametersByPath is authorized on: the path itself (parameter/app), not
/// the parameters under it.
/// </summary>
internal sealed record PolicyTarget(string Raw, SecretStoreKind Store, IReadOnlyList<string> Resources, IReadOnlyList<string> ByPath);

/// <summary>
/// Turns the module's name syntax (sm:, ssm:, ARNs, wildcards, paths) into resource ARNs:
/// Secrets Manager names get the six-character suffix AWS adds to every secret's ARN
/// (secret:prod/db-??????, so prod/db2 is not matched); Parameter Store names lose their
/// leading slash (parameter/app/db, not parameter//app/db).
/// </summary>
internal static class PolicyResources
{
    private static readonly Regex SecretArn = new(
        "^arn:aws[a-z-]*:secretsmanager:([a-z0-9-]+|\\*):([0-9]{12}|\\*):secret:[A-Za-z0-9/_+=.@*?-]+\\z", RegexOptions.CultureInvariant);
    private static readonly Regex ParameterArn = new(
        "^arn:aws[a-z-]*:ssm:([a-z0-9-]+|\\*):([0-9]{12}|\\*):parameter/[A-Za-z0-9/_.*?-]+\\z", RegexOptions.CultureInvariant);
    // The stores' own name characters, plus the IAM wildcards * and ?.
    private static readonly Regex SecretName = new("^[A-Za-z0-9/_+=.@*?-]{1,512}\\z", RegexOptions.CultureInvariant);
    private static readonly Regex ParameterName = new("^[A-Za-z0-9/_.*?-]{1,1011}\\z", RegexOptions.CultureInvariant);

    public static PolicyTarget For(string raw, SecretStoreKind defaultStore, string partition, string region, string account)
    {
        var reference = SecretReference.Parse(raw, null, defaultStore);
        if (reference.Key is not null)
            throw Bad(raw, $"'{raw}' names a field (#{reference.Key}); IAM grants whole secrets: give the name without '#'.");
        string name = reference.Name;
        bool isArn = raw.StartsWith("arn:", StringComparison.OrdinalIgnoreCase);

        if (reference.Store == SecretStoreKind.SecretsManager)
        {
            if (isArn)
            {
                if (!SecretArn.IsMatch(name)) throw BadArn(raw);
                return new(raw, reference.Store, new[] { name }, Array.Empty<string>());
            }
            if (!SecretName.IsMatch(name) || name.Contains("//", StringComparison.Ordinal))
                throw Bad(raw, $"'{raw}' is not a Secrets Manager name or pattern: use letters, digits and /_+=.@- (and * or ? as wildcards), at most 512 characters.");
            string prefix = $"arn:{partition}:secretsmanager:{region}:{account}:secret:";
            // A path (prod/) is everything under it; a pattern ending in * already covers the suffix.
            if (name.EndsWith('/')) return new(raw, reference.Store, new[] { prefix + name + "*" }, Array.Empty<string>());
            if (name.EndsWith('*')) return new(raw, reference.Store, new[] { prefix + name }, Array.Empty<string>());
            return new(raw, reference.Store, new[] { prefix + name + "-??????" }, Array.Empty<string>());
        }

        // Parameter Store.
        if (isArn)
        {
            string arn = reference.ParameterArn ?? raw;
            if (!ParameterArn.IsMatch(arn)) throw BadArn(raw);
            return new(raw, reference.Store, new[] { arn }, Array.Empty<string>());
        }
        if (reference.HasSelector)
            throw Bad(raw, $"'{raw}' has a version or label selector; IAM grants whole parameters: give the name without ':{reference.Selector}'.");
        if (!ParameterName.IsMatch(name) || name.Contains("//", StringComparison.Ordinal) || name == "/")
            throw Bad(raw, $"'{raw}' is not a Parameter Store name or path: use letters, digits and /_.- (and * or ? as wildcards), such as /app/db, /app/ or /app/*.");
        string trimmed = name.TrimStart('/');
        string parameter = $"arn:{partition}:ssm:{region}:{account}:parameter/";
        string? path = name.EndsWith('/') ? trimmed.TrimEnd('/')
            : name.EndsWith("/*", StringComparison.Ordinal) ? trimmed[..^2]
            : null;
        if (path is null) return new(raw, reference.Store, new[] { parameter + trimmed }, Array.Empty<string>());
        return new(raw, reference.Store, new[] { parameter + path + "/*" }, new[] { parameter + path });
    }

    /// <summary>The -KmsKeyArn: a key's ARN (an alias ARN is not what IAM authorizes KMS calls on).</summary>
    private static readonly Regex KeyArn = new(
        "^arn:(aws[a-z-]*):kms:([a-z0-9-]+):([0-9]{12}):key/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})\\z", RegexOptions.CultureInvariant);

    public static void ValidateKeyArn(string arn)
    {
        if (KeyArn.IsMatch(arn)) return;
        throw new SecretStoreException(ErrorIds.InvalidKmsKeyArn, ErrorCategory.InvalidArgument, arn,
            $"-KmsKeyArn '{Validation.Printable.Of(arn)}' is not the ARN of a KMS key (arn:aws:kms:REGION:ACCOUNT:key/KEY-ID). "
            + "IAM authorizes KMS calls on the key, not on an alias: give the key's ARN (Get-KMSKey or aws kms describe-key shows it).");
    }

    private static readonly Regex Account = new("^([0-9]{12}|\\*)\\z", RegexOptions.CultureInvariant);

    public static void ValidateAccount(string account)
    {
        if (Account.IsMatch(account)) return;
        throw new SecretStoreException(ErrorIds.InvalidAccountId, ErrorCategory.InvalidArgument, account,
            $"-AccountId '{Validation.Printable.Of(account)}' is not an AWS account id: give 12 digits (or '*' for any account).");
    }

    private static SecretStoreException Bad(string raw, string message) =>
        new(ErrorIds.InvalidSecretName, ErrorCategory.InvalidArgument, raw, message + " No policy was written.");

    private static SecretStoreException BadArn(string raw) =>
        new(ErrorIds.InvalidSecretReference, ErrorCategory.InvalidArgument, raw,
            $"'{Validation.Printable.Of(raw)}' is not a full ARN of a secret (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME) or a parameter (arn:aws:ssm:REGION:ACCOUNT:parameter/NAME). No policy was written.");
}
