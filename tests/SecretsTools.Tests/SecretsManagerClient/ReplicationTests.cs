using System.Linq;
using System.Threading.Tasks;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;
using Xunit;

namespace SecretsTools.Tests.SecretsManagerClient;

/// <summary>
/// Replication between two regions of the shared moto server. With a custom ServiceURL the SDK signs
/// for AuthenticationRegion, and moto keeps each region's secrets apart by that signing region.
/// </summary>
public class ReplicationTests
{
    [Fact]
    public async Task Replicate_to_another_region_then_remove()
    {
        using var primary = TestClients.Moto(TestClients.Region);
        using var replica = TestClients.Moto(TestClients.ReplicaRegion);
        var name = TestClients.UniqueName("repl");
        await primary.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "replicated value" });

        var replicated = await primary.ReplicateSecretToRegionsAsync(new ReplicateSecretToRegionsRequest
        {
            SecretId = name,
            AddReplicaRegions = { new ReplicaRegionType { Region = TestClients.ReplicaRegion } },
            ForceOverwriteReplicaSecret = false,
        });
        var status = Assert.Single(replicated.ReplicationStatus);
        Assert.Equal(TestClients.ReplicaRegion, status.Region);
        Assert.Equal(StatusType.InSync, status.Status);
        Assert.False(string.IsNullOrEmpty(status.KmsKeyId));

        var primaryView = await primary.DescribeSecretAsync(new DescribeSecretRequest { SecretId = name });
        var replicaView = await replica.DescribeSecretAsync(new DescribeSecretRequest { SecretId = name });
        var replicaValue = await replica.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name });
        var byPrimaryRegion = await primary.ListSecretsAsync(new ListSecretsRequest
        {
            Filters =
            {
                new Filter { Key = FilterNameStringType.Name, Values = { name } },
                new Filter { Key = FilterNameStringType.PrimaryRegion, Values = { TestClients.Region } },
            },
        });

        Assert.Equal(TestClients.ReplicaRegion, Assert.Single(primaryView.ReplicationStatus).Region);
        Assert.Equal(TestClients.Region, replicaView.PrimaryRegion);
        Assert.Contains($":{TestClients.ReplicaRegion}:", replicaView.ARN);
        Assert.Equal("replicated value", replicaValue.SecretString);
        Assert.Equal(name, Assert.Single(byPrimaryRegion.SecretList).Name);

        var removed = await primary.RemoveRegionsFromReplicationAsync(new RemoveRegionsFromReplicationRequest
        {
            SecretId = name,
            RemoveReplicaRegions = { TestClients.ReplicaRegion },
        });
        var gone = await Assert.ThrowsAsync<SecretsManagerException>(() => replica.DescribeSecretAsync(new DescribeSecretRequest { SecretId = name }));

        Assert.False(string.IsNullOrEmpty(removed.ARN));
        Assert.Empty(removed.ReplicationStatus);
        Assert.Equal("ResourceNotFoundException", gone.ErrorCode);
    }

    [Fact]
    public async Task Create_with_replica_regions_reports_their_status()
    {
        using var primary = TestClients.Moto(TestClients.Region);
        var name = TestClients.UniqueName("repl");

        var created = await primary.CreateSecretAsync(new CreateSecretRequest
        {
            Name = name,
            SecretString = "v",
            AddReplicaRegions = { new ReplicaRegionType { Region = TestClients.ReplicaRegion, KmsKeyId = "alias/replica-key" } },
        });

        var status = Assert.Single(created.ReplicationStatus);
        Assert.Equal(TestClients.ReplicaRegion, status.Region);
        Assert.Equal(StatusType.InSync, status.Status);
        Assert.False(string.IsNullOrEmpty(status.StatusMessage));
    }

    [Fact]
    public async Task Replica_cannot_be_modified_in_its_own_region()
    {
        using var primary = TestClients.Moto(TestClients.Region);
        using var replica = TestClients.Moto(TestClients.ReplicaRegion);
        var name = TestClients.UniqueName("repl");
        await primary.CreateSecretAsync(new CreateSecretRequest
        {
            Name = name, SecretString = "v", AddReplicaRegions = { new ReplicaRegionType { Region = TestClients.ReplicaRegion } },
        });

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() =>
            replica.PutSecretValueAsync(new PutSecretValueRequest { SecretId = name, SecretString = "changed" }));

        Assert.Equal("InvalidParameterException", ex.ErrorCode);
        Assert.Equal("v", (await primary.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name })).SecretString);
        Assert.Equal(new[] { TestClients.ReplicaRegion }, (await primary.DescribeSecretAsync(new DescribeSecretRequest { SecretId = name })).ReplicationStatus.Select(r => r.Region));
    }
}
