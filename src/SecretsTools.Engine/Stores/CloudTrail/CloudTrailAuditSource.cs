using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.CloudTrail;
using SecretsTools.CloudTrail.Model;
using SecretsTools.Model;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;

namespace SecretsTools.Stores.CloudTrail;

/// <summary>
/// A secret's CloudTrail events through LookupEvents. LookupEvents accepts only one lookup
/// attribute per call, so CloudTrail is asked for the resource name (the narrowest attribute) and
/// everything else (event source, event names, user) is filtered here, page by page, as pages
/// arrive. The client's call policy keeps the listing within LookupEvents' 2 calls per second.
/// </summary>
internal sealed class CloudTrailAuditSource : ISecretAuditSource
{
    /// <summary>LookupEvents' maximum page size.</summary>
    internal const int PageSize = 50;

    private readonly CloudTrailClient _cloudTrail;
    private readonly Func<SecretsManagerClient> _secretsManager;

    public CloudTrailAuditSource(CloudTrailClient cloudTrail, Func<SecretsManagerClient> secretsManager)
    {
        _cloudTrail = cloudTrail;
        _secretsManager = secretsManager;
    }

    public async IAsyncEnumerable<SecretAuditEvent> LookupAsync(SecretAuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string resource = await ResourceNameAsync(query, cancellationToken).ConfigureAwait(false);
        string source = AuditEventNames.SourceFor(query.Store);
        var user = string.IsNullOrEmpty(query.UserName) ? null : WildcardPattern.Get(query.UserName, WildcardOptions.IgnoreCase);
        var request = new LookupEventsRequest
        {
            LookupAttributes = { new LookupAttribute { AttributeKey = LookupAttributeKey.ResourceName, AttributeValue = resource } },
            StartTime = query.StartTime,
            EndTime = query.EndTime,
            MaxResults = PageSize,
        };
        do
        {
            LookupEventsResponse page;
            try
            {
                page = await _cloudTrail.LookupEventsAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (CloudTrailException ex) when (!AwsErrorTranslator.IsSessionWide(ex))
            {
                throw CloudTrailErrors.Translate(ex, query.Secret, query.Store);
            }
            foreach (var e in page.Events)
            {
                if (!string.Equals(CloudTrailEventReader.SourceOf(e), source, StringComparison.Ordinal)) continue;
                if (query.EventNames.Count > 0 && !query.EventNames.Contains(e.EventName ?? "", StringComparer.Ordinal)) continue;
                var audit = CloudTrailEventReader.Read(e, query.Store, query.Secret);
                if (user is not null && !MatchesUser(user, audit.User)) continue;
                yield return audit;
            }
            request.NextToken = page.NextToken;
        }
        while (request.NextToken is not null);
    }

    /// <summary>
    /// Matched against the user name, the whole ARN, and each name in the ARN's resource part: for
    /// arn:aws:sts::123456789012:assumed-role/deploy-role/build-7 both the role (deploy-role) and the
    /// session (build-7), for arn:aws:iam::123456789012:user/alice the user.
    /// </summary>
    internal static bool MatchesUser(WildcardPattern pattern, SecretAuditUser user)
    {
        if (user.Name is not null && pattern.IsMatch(user.Name)) return true;
        if (user.Arn is null) return false;
        if (pattern.IsMatch(user.Arn)) return true;
        var parts = user.Arn.Split(':', 6);
        return parts.Length == 6 && parts[5].Split('/').Skip(1).Any(pattern.IsMatch);
    }

    /// <summary>
    /// CloudTrail records a secret as its ARN, so a Secrets Manager name is turned into its ARN first.
    /// A secret that is gone (deleted) or that the caller may not describe (an auditor with CloudTrail
    /// rights only) is looked up by the name as typed.
    /// </summary>
    private async Task<string> ResourceNameAsync(SecretAuditQuery query, CancellationToken cancellationToken)
    {
        if (query.Store != SecretStoreKind.SecretsManager || query.ResourceName.StartsWith("arn:", StringComparison.Ordinal))
            return query.ResourceName;
        try
        {
            var described = await _secretsManager().DescribeSecretAsync(new DescribeSecretRequest { SecretId = query.ResourceName }, cancellationToken).ConfigureAwait(false);
            return described.ARN ?? query.ResourceName;
        }
        catch (SecretsManagerException ex) when (ex.ErrorCode is "ResourceNotFoundException" or "AccessDeniedException")
        {
            return query.ResourceName;
        }
        catch (SecretsManagerException ex) when (!AwsErrorTranslator.IsSessionWide(ex))
        {
            throw Stores.SecretsManager.SecretsManagerErrors.Translate(ex, query.Secret);
        }
    }
}
