using System;
using System.Linq;
using System.Management.Automation;
using SecretsTools.Tests.Infrastructure;
using SecretsTools.Tests.SecretsManagerClient;
using Xunit;

namespace SecretsTools.Tests.Cmdlets;

/// <summary>
/// Every error Secrets Manager's API model lists reaches the user with its own ErrorId. moto
/// produces few of them, so a local server answers in the awsJson error shape (__type), and the
/// cmdlets run in a PowerShell host through the real SDK and HTTP stack.
/// </summary>
[Collection(SerialCollection.Name)]
public class SecretsManagerErrorIdTests
{
    public SecretsManagerErrorIdTests() => _ = MotoServer.Instance; // standard AWS variables

    private const string NotFound = "{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret.\"}";

    private static string Error(string code, string message = "refused by the test server") =>
        $"{{\"__type\":\"com.amazonaws.secretsmanager#{code}\",\"Message\":\"{message}\"}}";

    /// <summary>Answers <paramref name="operation"/> with the error; DescribeSecret with <paramref name="describe"/> (or not found).</summary>
    private static FakeHttpServer Server(string operation, string code, string? describe = null, string message = "refused by the test server") =>
        new(r => r.Header("X-Amz-Target") switch
        {
            var t when t == "secretsmanager." + operation => FakeReply.Json(code == "InternalServiceError" ? 500 : 400, Error(code, message)),
            "secretsmanager.DescribeSecret" when describe is not null => FakeReply.Json(200, describe),
            _ => FakeReply.Json(400, NotFound),
        });

    private static string Id(ErrorRecord e) => e.FullyQualifiedErrorId.Split(',')[0];

    private static ErrorRecord OnlyError(RunResult result)
    {
        if (result.Terminating is System.Management.Automation.IContainsErrorRecord { ErrorRecord: var record }) return record;
        Assert.Null(result.Terminating);
        return Assert.Single(result.Errors);
    }

    [Theory]
    [InlineData("CreateSecret", "MalformedPolicyDocumentException", "MalformedPolicy")]
    [InlineData("CreateSecret", "PublicPolicyException", "PublicPolicyRefused")]
    [InlineData("CreateSecret", "PreconditionNotMetException", "PreconditionNotMet")]
    [InlineData("CreateSecret", "InvalidParameterException", "InvalidParameter")]
    [InlineData("CreateSecret", "InvalidRequestException", "InvalidRequest")]
    [InlineData("CreateSecret", "EncryptionFailure", "KmsEncryptionFailed")]
    [InlineData("GetSecretValue", "DecryptionFailure", "KmsDecryptionFailed")]
    [InlineData("GetSecretValue", "InternalServiceError", "AwsInternalError")]
    [InlineData("GetSecretValue", "InvalidParameterException", "InvalidParameter")]
    [InlineData("ListSecrets", "InvalidNextTokenException", "InvalidNextToken")]
    public void Each_service_error_has_its_own_ErrorId(string operation, string code, string errorId)
    {
        using var server = Server(operation, code);
        using var host = new PowerShellHost();
        string command = operation switch
        {
            "CreateSecret" => "Set-Secret sm:errors/new -Secret 'v' -Confirm:$false",
            "GetSecretValue" => "Get-Secret sm:errors/one -AsPlainText",
            _ => "Get-SecretInfo sm:errors/*",
        };

        var result = host.Run($"$env:AWS_MAX_ATTEMPTS = '1'; try {{ {command} -EndpointUrl {server.Endpoint} }} finally {{ $env:AWS_MAX_ATTEMPTS = $null }}");

        var error = OnlyError(result);
        Assert.Equal(errorId, Id(error));
        Assert.NotEqual("AwsRequestFailed", Id(error));
        Assert.Contains(code, error.Exception.Message); // the AWS code stays in the message for support cases
    }

    [Fact]
    public void A_decryption_failure_names_the_secrets_KMS_key()
    {
        using var server = Server("GetSecretValue", "DecryptionFailure", "{\"Name\":\"errors/kms\",\"KmsKeyId\":\"alias/app-key\"}");
        using var host = new PowerShellHost();

        var result = host.Run($"Get-Secret sm:errors/kms -AsPlainText -EndpointUrl {server.Endpoint}");

        var error = OnlyError(result);
        Assert.Equal("KmsDecryptionFailed", Id(error));
        Assert.Equal("errors/kms", error.TargetObject);
        Assert.Contains("KMS key 'alias/app-key'", error.Exception.Message);
    }

    [Fact]
    public void A_decryption_failure_on_a_secret_without_a_key_names_the_default_key()
    {
        using var server = Server("GetSecretValue", "DecryptionFailure", "{\"Name\":\"errors/kms\"}");
        using var host = new PowerShellHost();

        var error = OnlyError(host.Run($"Get-Secret sm:errors/kms -AsPlainText -EndpointUrl {server.Endpoint}"));

        Assert.Contains("aws/secretsmanager", error.Exception.Message);
    }

    [Fact]
    public void An_encryption_failure_names_the_key_the_write_asked_for()
    {
        using var server = Server("CreateSecret", "EncryptionFailure");
        using var host = new PowerShellHost();

        var error = OnlyError(host.Run($"Set-Secret sm:errors/kms -Secret 'v' -KmsKeyId alias/other-key -Confirm:$false -EndpointUrl {server.Endpoint}"));

        Assert.Equal("KmsEncryptionFailed", Id(error));
        Assert.Contains("KMS key 'alias/other-key'", error.Exception.Message);
    }

    [Theory]
    // The deletion is decided by DescribeSecret's DeletedDate, not by the words of the message.
    [InlineData("You can't perform this operation on the secret because it was marked for deletion.", true, "SecretScheduledForDeletion")]
    [InlineData("You can't perform this operation on the secret because it was marked for deletion.", false, "InvalidRequest")]
    [InlineData("You can't perform this operation because rotation is in progress.", true, "SecretScheduledForDeletion")]
    [InlineData("You can't perform this operation because rotation is in progress.", false, "InvalidRequest")]
    public void InvalidRequest_is_scheduled_for_deletion_only_when_the_secret_is(string message, bool deleted, string errorId)
    {
        string describe = deleted ? "{\"Name\":\"errors/del\",\"DeletedDate\":1700000000}" : "{\"Name\":\"errors/del\"}";
        using var server = Server("GetSecretValue", "InvalidRequestException", describe, message);
        using var host = new PowerShellHost();

        var error = OnlyError(host.Run($"Get-Secret sm:errors/del -AsPlainText -EndpointUrl {server.Endpoint}"));

        Assert.Equal(errorId, Id(error));
        Assert.Equal(1, server.Requests.Count(r => r.Header("X-Amz-Target") == "secretsmanager.DescribeSecret"));
    }

    [Fact]
    public void New_SecretPassword_UseService_refused_options_are_InvalidParameterCombination()
    {
        using var server = Server("GetRandomPassword", "InvalidParameterException");
        using var host = new PowerShellHost();

        var error = OnlyError(host.Run($"New-SecretPassword -UseService -AsPlainText -EndpointUrl {server.Endpoint}"));

        Assert.Equal("InvalidParameterCombination", Id(error));
        Assert.DoesNotContain("Secret 'GetRandomPassword'", error.Exception.Message);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public void New_SecretPassword_UseService_checks_the_options_before_calling()
    {
        using var server = Server("GetRandomPassword", "InvalidParameterException");
        using var host = new PowerShellHost();

        var error = OnlyError(host.Run($"New-SecretPassword -UseService -ExcludeNumbers -ExcludePunctuation -ExcludeUppercase -ExcludeLowercase -EndpointUrl {server.Endpoint}"));

        Assert.Equal("InvalidParameterCombination", Id(error));
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public void New_SecretPassword_UseService_service_failure_has_its_ErrorId()
    {
        using var server = Server("GetRandomPassword", "InternalServiceError");
        using var host = new PowerShellHost();

        var error = OnlyError(host.Run($"$env:AWS_MAX_ATTEMPTS = '1'; try {{ New-SecretPassword -UseService -EndpointUrl {server.Endpoint} }} finally {{ $env:AWS_MAX_ATTEMPTS = $null }}"));

        Assert.Equal("AwsInternalError", Id(error));
    }
}
