using Amazon.Runtime.Endpoints;

namespace SecretsTools.AwsJson;

/// <summary>The inputs of the standard endpoint rule set every awsJson service we call shares (Region, UseFIPS, UseDualStack, Endpoint).</summary>
internal sealed class AwsJsonEndpointParameters : EndpointParameters
{
    public AwsJsonEndpointParameters()
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
