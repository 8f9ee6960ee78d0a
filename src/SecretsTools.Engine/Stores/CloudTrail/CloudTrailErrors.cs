using System.Collections.Generic;
using System.Management.Automation;
using SecretsTools.CloudTrail;
using SecretsTools.Model;

namespace SecretsTools.Stores.CloudTrail;

/// <summary>
/// LookupEvents' error codes in our terms. Every error its API model lists has its own ErrorId here
/// (ApiModelConformanceTests reads the model and checks); access, throttling and the like go to
/// AwsErrorTranslator as for the stores.
/// </summary>
internal static class CloudTrailErrors
{
    public static SecretStoreException Translate(CloudTrailException ex, string name, SecretStoreKind store)
    {
        string detail = $"{ex.Message} (AWS {ex.ErrorCode}{(string.IsNullOrEmpty(ex.RequestId) ? "" : ", request " + ex.RequestId)})";
        return Own(ex.ErrorCode, detail, name, ex) ?? AwsErrorTranslator.Translate(ex, name, store);
    }

    /// <summary>For the conformance test and SdkExceptions: the ErrorId a code gets; null when it is not LookupEvents' own.</summary>
    public static string? ErrorIdFor(string? code) => Own(code, "", "", null)?.ErrorId;

    private static SecretStoreException? Own(string? code, string detail, string name, System.Exception? ex)
    {
        string subject = name.Length == 0 ? "the lookup" : $"the lookup of '{name}'";
        return code switch
        {
            "InvalidTimeRangeException" => new(ErrorIds.InvalidAuditTimeRange, ErrorCategory.InvalidArgument, name,
                $"CloudTrail refused the time range of {subject}: -StartTime must be before -EndTime, within the last 90 days. {detail}", ex),
            "InvalidLookupAttributesException" => new(ErrorIds.InvalidAuditLookup, ErrorCategory.InvalidArgument, name,
                $"CloudTrail refused {subject} (a resource name is 1 to 2000 characters): {detail}", ex),
            "InvalidMaxResultsException" => new(ErrorIds.InvalidAuditPageSize, ErrorCategory.InvalidArgument, name,
                $"CloudTrail refused the page size of {subject}: {detail}", ex),
            "InvalidNextTokenException" => new(ErrorIds.InvalidAuditNextToken, ErrorCategory.InvalidOperation, name,
                $"CloudTrail no longer accepts the paging token of {subject}; run the command again: {detail}", ex),
            "InvalidEventCategoryException" => new(ErrorIds.InvalidAuditEventCategory, ErrorCategory.InvalidArgument, name,
                $"CloudTrail refused the event category of {subject}: {detail}", ex),
            "UnsupportedOperationException" => new(ErrorIds.AuditLookupNotSupported, ErrorCategory.NotImplemented, name,
                $"CloudTrail does not support {subject} in this region or partition: {detail}", ex),
            "OperationNotPermittedException" => new(ErrorIds.AuditLookupNotPermitted, ErrorCategory.PermissionDenied, name,
                $"CloudTrail does not permit {subject} for this account: {detail}", ex),
            _ => null,
        };
    }

    /// <summary>The codes of LookupEvents' API model that this class maps itself.</summary>
    internal static IReadOnlyCollection<string> OwnCodes { get; } = new[]
    {
        "InvalidTimeRangeException", "InvalidLookupAttributesException", "InvalidMaxResultsException",
        "InvalidNextTokenException", "InvalidEventCategoryException", "UnsupportedOperationException",
        "OperationNotPermittedException",
    };
}
