using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Amazon.Runtime;
using SecretsTools.AwsJson.Protocol;

namespace SecretsTools.CloudTrail.Model;

/// <summary>Input of the LookupEvents operation. Every member is optional.</summary>
internal class LookupEventsRequest : CloudTrailRequest
{
    /// <summary>Contains a list of lookup attributes. Currently the list can contain only one item.</summary>
    public List<LookupAttribute> LookupAttributes { get; set; } = new();

    /// <summary>Events that occurred at or after this time (CloudTrail keeps 90 days).</summary>
    public DateTime? StartTime { get; set; }

    /// <summary>Events that occurred before this time (inclusive). Default: now.</summary>
    public DateTime? EndTime { get; set; }

    /// <summary>"insight" for Insights events; left out for management events. See <see cref="EventCategory"/>.</summary>
    public string? EventCategory { get; set; }

    /// <summary>Events per page, 1 to 50 (default 50).</summary>
    public int? MaxResults { get; set; }

    /// <summary>The token a previous page returned; the other members must be the same as for that page.</summary>
    public string? NextToken { get; set; }
}

/// <summary>Output of the LookupEvents operation.</summary>
internal class LookupEventsResponse : AmazonWebServiceResponse
{
    /// <summary>The events, newest first.</summary>
    public List<Event> Events { get; set; } = new();

    /// <summary>Present when there are more events; absent (or "" from emulators) on the last page.</summary>
    [JsonConverter(typeof(EmptyStringAsNullConverter))]
    public string? NextToken { get; set; }
}

/// <summary>Specifies an attribute and value that filter the events returned.</summary>
internal class LookupAttribute
{
    /// <summary>One of <see cref="LookupAttributeKey"/>. Required.</summary>
    public string? AttributeKey { get; set; }

    /// <summary>The value to match, 1 to 2000 characters. Required.</summary>
    public string? AttributeValue { get; set; }
}

/// <summary>A CloudTrail event as LookupEvents lists it.</summary>
internal class Event
{
    public string? EventId { get; set; }

    public string? EventName { get; set; }

    /// <summary>"true" or "false" (a string in the API).</summary>
    public string? ReadOnly { get; set; }

    public string? AccessKeyId { get; set; }

    public DateTime? EventTime { get; set; }

    public string? EventSource { get; set; }

    public string? Username { get; set; }

    public List<Resource> Resources { get; set; } = new();

    /// <summary>The whole event record, as a JSON string (userIdentity, sourceIPAddress, requestParameters...).</summary>
    public string? CloudTrailEvent { get; set; }
}

/// <summary>A resource an event refers to.</summary>
internal class Resource
{
    /// <summary>E.g. "AWS::SecretsManager::Secret", "AWS::SSM::Parameter".</summary>
    public string? ResourceType { get; set; }

    public string? ResourceName { get; set; }
}
