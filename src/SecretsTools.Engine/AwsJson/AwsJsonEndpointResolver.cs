using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util;

namespace SecretsTools.AwsJson;

/// <summary>
/// Pipeline handler that maps the client configuration onto the endpoint rule parameters, the way
/// the SDK's generated resolvers do (including the region inferred from a custom ServiceURL), and
/// lets <see cref="BaseEndpointResolver"/> apply the resolved endpoint to the request.
/// </summary>
internal sealed class AwsJsonEndpointResolver : BaseEndpointResolver
{
    protected override void ServiceSpecificHandler(IExecutionContext executionContext, EndpointParameters parameters)
    {
        InjectHostPrefix(executionContext.RequestContext);
    }

    protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext)
    {
        var config = requestContext.ClientConfig;
        var result = new AwsJsonEndpointParameters
        {
            Region = config.RegionEndpoint?.SystemName,
            UseDualStack = config.UseDualstackEndpoint,
            UseFIPS = config.UseFIPSEndpoint,
            Endpoint = config.ServiceURL,
        };

        // With only a ServiceURL, the rule set still wants a region: take the signing region if one
        // was configured, else whatever the SDK infers from the URL (falling back to AWS_REGION).
        if (config.RegionEndpoint is null && !string.IsNullOrEmpty(config.ServiceURL))
        {
            result.Region = !string.IsNullOrEmpty(config.AuthenticationRegion)
                ? config.AuthenticationRegion
                : RegionEndpoint.GetBySystemName(AWSSDKUtils.DetermineRegion(config.ServiceURL)).SystemName;
        }

        // Legacy endpoints.json alias.
        if (result.Region == "us-east-1-regional") result.Region = "us-east-1";

        if (requestContext.Request.AlternateEndpoint is { } alternate) result.Region = alternate.SystemName;
        return result;
    }
}
