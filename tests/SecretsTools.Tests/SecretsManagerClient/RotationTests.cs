using System;
using System.Threading.Tasks;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;
using Xunit;

namespace SecretsTools.Tests.SecretsManagerClient;

/// <summary>
/// Moto cannot run rotation Lambdas, so rotation is exercised without one: the schedule and the new
/// version are recorded, and CancelRotateSecret is answered with the error AWS gives for a secret
/// that has no rotation function.
/// </summary>
public class RotationTests
{
    [Fact]
    public async Task Rotate_with_schedule_records_rules_and_next_date()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName("rot");
        var created = await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "v" });

        var rotated = await client.RotateSecretAsync(new RotateSecretRequest
        {
            SecretId = name,
            RotationRules = new RotationRulesType { AutomaticallyAfterDays = 30 },
            RotateImmediately = false,
        });
        var described = await client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = name });

        Assert.Equal(created.ARN, rotated.ARN);
        Assert.Equal(name, rotated.Name);
        Assert.NotNull(rotated.VersionId);
        Assert.True(described.RotationEnabled);
        Assert.Equal(30, described.RotationRules!.AutomaticallyAfterDays);
        Assert.InRange(described.NextRotationDate!.Value, DateTime.UtcNow.AddDays(30).AddMinutes(-5), DateTime.UtcNow.AddDays(30).AddMinutes(5));
        Assert.NotNull(described.LastRotatedDate);
        Assert.Contains(rotated.VersionId!, described.VersionIdsToStages.Keys);
    }

    [Fact]
    public async Task Rotation_period_out_of_range_is_rejected()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName("rot");
        await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "v" });

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() => client.RotateSecretAsync(new RotateSecretRequest
        {
            SecretId = name, RotationRules = new RotationRulesType { AutomaticallyAfterDays = 5000 },
        }));

        Assert.Equal("InvalidParameterException", ex.ErrorCode);
    }

    [Fact]
    public async Task Cancel_rotation_without_a_rotation_function_is_an_invalid_request()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName("rot");
        await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "v" });

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() => client.CancelRotateSecretAsync(new CancelRotateSecretRequest { SecretId = name }));

        Assert.Equal("InvalidRequestException", ex.ErrorCode);
    }

    [Fact]
    public async Task Cancel_rotation_of_a_missing_secret_fails()
    {
        using var client = TestClients.Moto();

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() =>
            client.CancelRotateSecretAsync(new CancelRotateSecretRequest { SecretId = TestClients.UniqueName("missing") }));

        Assert.Equal("ResourceNotFoundException", ex.ErrorCode);
    }
}
