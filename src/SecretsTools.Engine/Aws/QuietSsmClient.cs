using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.SimpleSystemsManagement;

namespace SecretsTools.Aws;

/// <summary>
/// The SDK's SSM client, paced by its own CallPolicy, except that responses (GetParameters answers carry decrypted values) are
/// never handed to the SDK's response logging, even if something in the process turns it on, and
/// request bodies are zeroed after the call. Not sealed only so a test can see the body it sent.
/// </summary>
internal class QuietSsmClient : AmazonSimpleSystemsManagementClient
{
    public QuietSsmClient(AmazonSimpleSystemsManagementConfig config) : base(config) { }

    public QuietSsmClient(AWSCredentials credentials, AmazonSimpleSystemsManagementConfig config) : base(credentials, config) { }

    protected override bool SupportResponseLogging => false;

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        // Right inside the marshaller: the body (a PutParameter's value) is zeroed when the call is over.
        pipeline.AddHandlerAfter<Marshaller>(new RequestBodyClearingHandler());
        // Inside the retry loop: every attempt is paced by this client's quota families.
        pipeline.AddHandlerAfter<RetryHandler>(new CallPolicy.CallPolicyHandler(new CallPolicy.CallPolicy("SSM")));
        // Also inside it, and outside the pacing: a write whose reply was lost is not resent blindly.
        pipeline.AddHandlerAfter<RetryHandler>(new LostReplyHandler());
    }
}
