using System.Management.Automation;
using System.Text.RegularExpressions;
using SecretsTools.Stores;

namespace SecretsTools.Validation;

/// <summary>
/// What -Region may be: the shape every AWS Region name has (us-east-1, us-gov-west-1,
/// us-isob-east-1, eu-central-2). A name of that shape that AWS does not have fails at the call;
/// this catches typing accidents (USEast1, us-east, a URL) before anything is sent.
/// </summary>
internal static class RegionRules
{
    private static readonly Regex Shape = new("^[a-z]{2,4}(-[a-z]+){1,3}-[0-9]{1,2}\\z", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    public static void Validate(string? region, string parameter = "-Region")
    {
        // Empty is "not given" (an empty Region cell of a piped CSV row): the configured Region.
        if (string.IsNullOrWhiteSpace(region) || Shape.IsMatch(region)) return;
        throw new SecretStoreException(ErrorIds.InvalidRegion, ErrorCategory.InvalidArgument, region,
            $"{parameter} '{Printable.Of(region)}' is not an AWS Region name, such as us-east-1 or eu-west-1 (lower case, area-direction-number). Nothing was sent.");
    }
}
