using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;

namespace SecretsTools.Aws;

/// <summary>
/// The SDK's SSM client, except that responses (GetParameters answers carry decrypted values) are
/// never handed to the SDK's response logging, even if something in the process turns it on.
/// </summary>
internal sealed class QuietSsmClient : AmazonSimpleSystemsManagementClient
{
    public QuietSsmClient(AmazonSimpleSystemsManagementConfig config) : base(config) { }

    public QuietSsmClient(AWSCredentials credentials, AmazonSimpleSystemsManagementConfig config) : base(credentials, config) { }

    protected override bool SupportResponseLogging => false;
}
