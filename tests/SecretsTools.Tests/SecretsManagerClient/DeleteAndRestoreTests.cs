using System;
using System.Linq;
using System.Threading.Tasks;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;
using Xunit;

namespace SecretsTools.Tests.SecretsManagerClient;

public class DeleteAndRestoreTests
{
    [Fact]
    public async Task Delete_with_recovery_window_then_restore()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName("del");
        var created = await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "v" });

        var deleted = await client.DeleteSecretAsync(new DeleteSecretRequest { SecretId = name, RecoveryWindowInDays = 7 });
        var described = await client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = name });
        var getError = await Assert.ThrowsAsync<SecretsManagerException>(() => client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name }));
        var hidden = await client.ListSecretsAsync(new ListSecretsRequest { Filters = { new Filter { Key = FilterNameStringType.Name, Values = { name } } } });
        var listed = await client.ListSecretsAsync(new ListSecretsRequest { IncludePlannedDeletion = true, Filters = { new Filter { Key = FilterNameStringType.Name, Values = { name } } } });

        Assert.Equal(created.ARN, deleted.ARN);
        Assert.Equal(name, deleted.Name);
        Assert.Equal(DateTimeKind.Utc, deleted.DeletionDate!.Value.Kind);
        Assert.InRange(deleted.DeletionDate.Value, DateTime.UtcNow.AddDays(7).AddMinutes(-5), DateTime.UtcNow.AddDays(7).AddMinutes(5));
        Assert.NotNull(described.DeletedDate);
        Assert.Equal("InvalidRequestException", getError.ErrorCode);
        Assert.Empty(hidden.SecretList);
        Assert.NotNull(Assert.Single(listed.SecretList).DeletedDate);

        var restored = await client.RestoreSecretAsync(new RestoreSecretRequest { SecretId = name });
        var value = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name });

        Assert.Equal(created.ARN, restored.ARN);
        Assert.Equal(name, restored.Name);
        Assert.Equal("v", value.SecretString);
        Assert.Null((await client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = name })).DeletedDate);
    }

    [Fact]
    public async Task Force_delete_removes_the_secret_at_once()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName("del");
        await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "v" });

        var deleted = await client.DeleteSecretAsync(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() => client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = name }));

        Assert.InRange(deleted.DeletionDate!.Value, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(5));
        Assert.Equal("ResourceNotFoundException", ex.ErrorCode);
    }

    [Fact]
    public async Task Recovery_window_outside_7_to_30_days_is_rejected()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName("del");
        await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "v" });

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() =>
            client.DeleteSecretAsync(new DeleteSecretRequest { SecretId = name, RecoveryWindowInDays = 3 }));

        Assert.Equal("InvalidParameterException", ex.ErrorCode);
    }

    [Fact]
    public async Task Restore_of_a_missing_secret_fails()
    {
        using var client = TestClients.Moto();

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() =>
            client.RestoreSecretAsync(new RestoreSecretRequest { SecretId = TestClients.UniqueName("missing") }));

        Assert.Equal("ResourceNotFoundException", ex.ErrorCode);
    }
}
