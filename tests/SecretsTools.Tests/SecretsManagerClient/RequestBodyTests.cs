using System;
using System.Text.Json;
using SecretsTools.AwsJson.Protocol;
using SecretsTools.SecretsManager.Model;
using Xunit;

namespace SecretsTools.Tests.SecretsManagerClient;

/// <summary>The request body is serialised once; a generated ClientRequestToken is spliced in as one member.</summary>
public class RequestBodyTests
{
    private static JsonElement Body(Amazon.Runtime.AmazonWebServiceRequest request) =>
        JsonDocument.Parse(AwsJsonRequestMarshaller.SerializeBody(request)).RootElement;

    [Fact]
    public void A_missing_token_is_generated_beside_the_other_members()
    {
        var body = Body(new PutSecretValueRequest { SecretId = "app/db", SecretString = "v\"\\\u00e9" });
        Assert.True(Guid.TryParse(body.GetProperty("ClientRequestToken").GetString(), out _));
        Assert.Equal("app/db", body.GetProperty("SecretId").GetString());
        Assert.Equal("v\"\\\u00e9", body.GetProperty("SecretString").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void The_token_appears_once(string? token)
    {
        byte[] bytes = AwsJsonRequestMarshaller.SerializeBody(new CreateSecretRequest { Name = "x", SecretString = "v", ClientRequestToken = token });
        string text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.Equal(text.IndexOf("ClientRequestToken", StringComparison.Ordinal), text.LastIndexOf("ClientRequestToken", StringComparison.Ordinal));
        Assert.True(Guid.TryParse(JsonDocument.Parse(bytes).RootElement.GetProperty("ClientRequestToken").GetString(), out _));
    }

    [Fact]
    public void A_given_token_is_kept_and_a_request_without_tokens_is_unchanged()
    {
        Assert.Equal("tok-1234567890123456789012345678901", Body(new CreateSecretRequest { Name = "x", ClientRequestToken = "tok-1234567890123456789012345678901" }).GetProperty("ClientRequestToken").GetString());
        Assert.False(Body(new DescribeSecretRequest { SecretId = "x" }).TryGetProperty("ClientRequestToken", out _));
    }
}
