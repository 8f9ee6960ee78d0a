using System.Linq;
using SecretsTools.Diagnostics;
using SecretsTools.Tests.Infrastructure;
using Xunit;

namespace SecretsTools.Tests.Cmdlets;

/// <summary>Counts real HTTP requests (ApiCallCounter) to prove the batch sizes of each store.</summary>
[Collection(SerialCollection.Name)]
public class BatchingTests
{
    private readonly PowerShellHost _host = new();

    public BatchingTests() => _ = MotoServer.Instance;

    [Fact]
    public void Parameter_Store_reads_and_deletes_ten_names_per_call()
    {
        string stem = "/" + MotoServer.UniqueName("batch");
        var names = Enumerable.Range(1, 25).Select(i => $"{stem}/p{i}").ToArray();
        var setup = _host.Run("$names | ForEach-Object { Set-Secret -Store ParameterStore -Name $_ -Secret \"v-$_\" -Confirm:$false }", new() { ["names"] = names });
        Assert.Empty(setup.Errors);

        ApiCallCounter.Reset();
        var read = _host.Run("Get-Secret -Store ParameterStore -Name $names -AsPlainText", new() { ["names"] = names });
        Assert.Empty(read.Errors);
        Assert.Equal(names.Select(n => "v-" + n), read.Output.Cast<string>());
        Assert.Equal(3, ApiCallCounter.Get("SSM", "GetParameters"));
        Assert.Equal(3, ApiCallCounter.Total);

        ApiCallCounter.Reset();
        var removed = _host.Run("Remove-Secret -Store ParameterStore -Name $names -Force", new() { ["names"] = names });
        Assert.Empty(removed.Errors);
        Assert.Equal(3, ApiCallCounter.Get("SSM", "DeleteParameters"));
        Assert.Equal(3, ApiCallCounter.Total);
    }

    [Fact]
    public void Secrets_Manager_reads_twenty_names_per_call()
    {
        string stem = MotoServer.UniqueName("batch");
        var names = Enumerable.Range(1, 25).Select(i => $"{stem}/s{i}").ToArray();
        var setup = _host.Run("$names | ForEach-Object { Set-Secret -Name $_ -Secret \"v-$_\" -Confirm:$false }", new() { ["names"] = names });
        Assert.Empty(setup.Errors);

        ApiCallCounter.Reset();
        var read = _host.Run("Get-Secret -Name $names -AsPlainText", new() { ["names"] = names });
        Assert.Empty(read.Errors);
        Assert.Equal(names.Select(n => "v-" + n), read.Output.Cast<string>());
        Assert.Equal(2, ApiCallCounter.Get("SecretsManager", "BatchGetSecretValue")); // 20 + 5
        Assert.Equal(2, ApiCallCounter.Total);
    }

    [Fact]
    public void One_missing_name_in_a_batch_costs_no_extra_calls_on_Parameter_Store()
    {
        string stem = "/" + MotoServer.UniqueName("batch");
        var setup = _host.Run($"Set-Secret ssm:{stem}/a -Secret A -Confirm:$false; Set-Secret ssm:{stem}/b -Secret B -Confirm:$false");
        Assert.Empty(setup.Errors);
        ApiCallCounter.Reset();
        var read = _host.Run($"Get-Secret ssm:{stem}/a, ssm:{stem}/missing, ssm:{stem}/b -AsPlainText");
        Assert.Equal(new object?[] { "A", "B" }, read.Output);
        var error = Assert.Single(read.Errors);
        Assert.Equal("SecretNotFound,SecretsTools.Commands.GetSecretCommand", error.FullyQualifiedErrorId);
        Assert.Equal($"{stem}/missing", error.TargetObject);
        Assert.Equal(1, ApiCallCounter.Total);
    }

    [Fact]
    public void Listings_stream_so_a_consumer_that_stops_early_stops_the_paging()
    {
        string stem = "/" + MotoServer.UniqueName("stream");
        var names = Enumerable.Range(1, 60).Select(i => $"{stem}/p{i:000}").ToArray();
        var setup = _host.Run("$names | ForEach-Object { Set-Secret -Store ParameterStore -Name $_ -Secret x -Type String -Confirm:$false }", new() { ["names"] = names });
        Assert.Empty(setup.Errors);

        ApiCallCounter.Reset();
        var all = _host.Run($"Get-SecretInfo -Store ParameterStore -Path {stem}");
        Assert.Equal(60, all.Output.Count);
        long pages = ApiCallCounter.Get("SSM", "DescribeParameters");
        Assert.True(pages >= 2, $"the listing should need several pages, took {pages}");

        ApiCallCounter.Reset();
        var first = _host.Run($"Get-SecretInfo -Store ParameterStore -Path {stem} | Select-Object -First 1");
        Assert.Single(first.Output);
        Assert.Equal(1, ApiCallCounter.Get("SSM", "DescribeParameters"));
    }
}
