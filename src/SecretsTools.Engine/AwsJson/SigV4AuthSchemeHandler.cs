using System.Collections.Generic;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace SecretsTools.AwsJson;

/// <summary>
/// Chooses the auth scheme per request. The models of the services we call declare SigV4 (aws.auth#sigv4) for every
/// operation; the SDK then resolves credentials (explicit or default chain) and signs.
/// </summary>
internal sealed class SigV4AuthSchemeHandler : BaseAuthResolverHandler
{
    protected override List<IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext) =>
        AuthSchemeOption.DEFAULT_SIGV4;
}
