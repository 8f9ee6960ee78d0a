using System.Management.Automation;
using System.Text.RegularExpressions;
using SecretsTools.Stores;

namespace SecretsTools.Validation;

/// <summary>
/// What -KmsKeyId may be, checked before any call: a key id, a multi-Region key id, an alias, or
/// the ARN of a key or an alias. The service would refuse anything else, but only after the
/// value was sent (and moto does not refuse it at all).
/// </summary>
internal static class KmsKeyIdRules
{
    private const string KeyId = "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})";
    private const string Alias = "alias/[a-zA-Z0-9/_-]{1,250}";
    private static readonly Regex Allowed = new(
        $"^({KeyId}|{Alias}|arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{{12}}:(key/{KeyId}|{Alias}))\\z",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    public static void Validate(string name, string? kmsKeyId)
    {
        if (kmsKeyId is null || Allowed.IsMatch(kmsKeyId)) return;
        throw new SecretStoreException(ErrorIds.InvalidKmsKeyId, ErrorCategory.InvalidArgument, name,
            $"'{Printable.Of(kmsKeyId)}' is not a KMS key: give a key id (a GUID such as 1234abcd-12ab-34cd-56ef-1234567890ab), "
            + "an alias (alias/NAME), or the ARN of a key or an alias. Nothing was written.");
    }
}
