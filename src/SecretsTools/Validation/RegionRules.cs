using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using SecretsTools.Stores;

namespace SecretsTools.Validation;

/// <summary>
/// What -Region may be: first the shape every AWS Region name has (us-east-1, us-gov-west-1,
/// us-isob-east-1, eu-central-2), which catches typing accidents (USEast1, us-east, a URL) without
/// loading anything; then, before a connection is made, a Region the AWS SDK knows, so a name of
/// the right shape that AWS does not have (mars-east-1) is refused before the first call rather
/// than after the SDK's retries against a host that does not exist.
/// </summary>
internal static class RegionRules
{
    private static readonly Regex Shape = new("^[a-z]{2,4}(-[a-z]+){1,3}-[0-9]{1,2}\\z", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static readonly Lazy<HashSet<string>> Known = new(() =>
        new HashSet<string>(Engine.SecretsEngine.Instance.KnownRegions().Select(r => r.Key), StringComparer.Ordinal));

    public static void Validate(string? region, string parameter = "-Region")
    {
        // Empty is "not given" (an empty Region cell of a piped CSV row): the configured Region.
        if (string.IsNullOrWhiteSpace(region) || Shape.IsMatch(region)) return;
        throw new SecretStoreException(ErrorIds.InvalidRegion, ErrorCategory.InvalidArgument, region,
            $"{parameter} '{Printable.Of(region)}' is not an AWS Region name, such as us-east-1 or eu-west-1 (lower case, area-direction-number). Nothing was sent.");
    }

    /// <summary>
    /// Validate, then the SDK's list of Regions. With an endpoint of one's own (-EndpointUrl or a
    /// configured one: a local emulator, or a Region newer than this SDK) any well-formed name
    /// passes, as the endpoint, not the name, decides where the call goes.
    /// </summary>
    public static void ValidateKnown(string? region, bool ownEndpoint, string parameter = "-Region")
    {
        Validate(region, parameter);
        if (string.IsNullOrWhiteSpace(region) || ownEndpoint || Known.Value.Contains(region)) return;
        throw new SecretStoreException(ErrorIds.InvalidRegion, ErrorCategory.InvalidArgument, region,
            $"{parameter} '{region}' is not an AWS Region this module's AWS SDK knows (such as us-east-1 or eu-west-1). " +
            "For a Region newer than the SDK, give its endpoint with -EndpointUrl. Nothing was sent.");
    }
}
