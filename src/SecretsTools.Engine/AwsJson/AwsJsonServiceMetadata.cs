using System.Collections.Generic;
using Amazon.Runtime.Internal;

namespace SecretsTools.AwsJson;

/// <summary>Service identity the SDK pipeline reads (metrics, client-side monitoring, endpoint plugins).</summary>
internal sealed class AwsJsonServiceMetadata : IServiceMetadata
{
    public AwsJsonServiceMetadata(AwsJsonService service) => ServiceId = service.ServiceId;

    public string ServiceId { get; }

    public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>(0);
}
