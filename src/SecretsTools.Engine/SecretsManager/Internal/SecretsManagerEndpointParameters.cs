using Amazon.Runtime.Endpoints;

namespace SecretsTools.SecretsManager.Internal;

/// <summary>The inputs of the service's endpoint rule set (Region, UseFIPS, UseDualStack, Endpoint).</summary>
internal sealed class SecretsManagerEndpointParameters : EndpointParameters
{
    public SecretsManagerEndpointParameters()
    {
        UseDualStack = false;
        UseFIPS = false;
    }

    public string? Region { get => (string?)this["Region"]; set => this["Region"] = value; }

    public bool? UseDualStack { get => (bool?)this["UseDualStack"]; set => this["UseDualStack"] = value; }

    public bool? UseFIPS { get => (bool?)this["UseFIPS"]; set => this["UseFIPS"] = value; }

    /// <summary>A custom endpoint (ServiceURL, AWS_ENDPOINT_URL*, profile endpoint_url).</summary>
    public string? Endpoint { get => (string?)this["Endpoint"]; set => this["Endpoint"] = value; }
}
