using System.Collections.Generic;
using Amazon.Runtime.Internal;

namespace SecretsTools.SecretsManager.Internal;

/// <summary>Service identity the SDK pipeline reads (metrics, client-side monitoring, endpoint plugins).</summary>
internal sealed class SecretsManagerServiceMetadata : IServiceMetadata
{
    /// <summary>Name given to each marshalled request (IRequest.ServiceName).</summary>
    public const string ServiceName = "SecretsTools.SecretsManager";

    public string ServiceId => SecretsManagerConfig.ServiceIdentifier;

    public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>(0);
}
