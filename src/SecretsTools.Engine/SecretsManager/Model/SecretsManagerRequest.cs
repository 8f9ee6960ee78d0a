using Amazon.Runtime;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Base of every Secrets Manager request. Deriving from the SDK's request type is what lets the
/// SDK pipeline (marshalling, signing, retries) handle our requests.
/// </summary>
internal abstract class SecretsManagerRequest : AmazonWebServiceRequest
{
}
