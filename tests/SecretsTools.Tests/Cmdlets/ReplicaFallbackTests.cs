using System;
using System.Collections.Generic;
using System.Linq;
using SecretsTools.Aws;
using SecretsTools.Configuration;
using SecretsTools.Diagnostics;
using SecretsTools.Tests.Infrastructure;
using SecretsTools.Tests.SecretsManagerClient;
using Xunit;

namespace SecretsTools.Tests.Cmdlets;

/// <summary>
/// A second moto server, standing for the replica Region (eu-west-1): SECRETSTOOLS_TEST_REPLICA_ENDPOINT
/// when a run shares one, else a private one for this class, stopped with it.
/// </summary>
public sealed class ReplicaServer : IDisposable
{
    private readonly MotoServer.PrivateMotoServer? _own;

    public ReplicaServer()
    {
        _ = MotoServer.Instance;
        string? shared = Environment.GetEnvironmentVariable("SECRETSTOOLS_TEST_REPLICA_ENDPOINT");
        if (!string.IsNullOrEmpty(shared)) Endpoint = shared.TrimEnd('/');
        else Endpoint = (_own = MotoServer.StartPrivate()).Endpoint;
    }

    public string Endpoint { get; }

    public void Dispose() => _own?.Dispose();
}

/// <summary>
/// Replica fallback on reads, through the real cmdlets, SDK and HTTP stack: the primary Region
/// (us-east-1) is a stopped endpoint (connection refused), a local fake server answering 5xx,
/// throttling or AccessDenied (moto accepts any credentials and never fails on the server), or the
/// shared moto server; the replica Region (eu-west-1) is a second moto server. Each Region gets
/// its endpoint from the RegionEndpoint setting. Process-wide settings, so serial.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class ReplicaFallbackTests : IDisposable, IClassFixture<ReplicaServer>
{
    private const string DeadEndpoint = "http://127.0.0.1:9"; // discard port: nothing listens
    private const string Primary = "us-east-1";
    private const string Replica = "eu-west-1";
    private readonly string _motoPrimary = MotoServer.Instance.Endpoint;
    private readonly string _replica;
    private readonly PowerShellHost _host = new();

    public ReplicaFallbackTests(ReplicaServer replica)
    {
        _replica = replica.Endpoint;
        // One attempt per call: the SDK's retries are not what is tested here, and they are slow.
        Environment.SetEnvironmentVariable("AWS_MAX_ATTEMPTS", "1");
        AwsClientFactory.Clear();
    }

    public void Dispose()
    {
        ProcessConfiguration.Update(_ => ConfigurationValues.Empty);
        Environment.SetEnvironmentVariable("AWS_MAX_ATTEMPTS", null);
        Environment.SetEnvironmentVariable("SECRETSTOOLS_FALLBACK_REGION", null);
        AwsClientFactory.Clear();
        _host.Dispose();
    }

    private void Endpoints(string primary) => ProcessConfiguration.Update(v => v with
    {
        RegionEndpoint = new Dictionary<string, string> { [Primary] = primary, [Replica] = _replica },
    });

    /// <summary>A secret in the replica Region only, holding a sentinel that must never appear in a message.</summary>
    private (string Name, string Sentinel) InReplica(string? inPrimaryToo = null)
    {
        string name = MotoServer.UniqueName("fb/");
        string sentinel = "SENTINEL-" + Guid.NewGuid().ToString("N");
        Endpoints(_motoPrimary);
        var set = _host.Run($"Set-Secret sm:{name} -Secret $v -Region {Replica} -Confirm:$false", new() { ["v"] = sentinel });
        Assert.Empty(set.Errors);
        if (inPrimaryToo is not null)
            Assert.Empty(_host.Run($"Set-Secret sm:{name} -Secret $v -Region {Primary} -Confirm:$false", new() { ["v"] = inPrimaryToo }).Errors);
        return (name, sentinel);
    }

    private static string ErrorId(System.Management.Automation.ErrorRecord e) => e.FullyQualifiedErrorId.Split(',')[0];

    private static void AssertNoSentinel(RunResult result, string sentinel)
    {
        Assert.All(result.Warnings, w => Assert.DoesNotContain(sentinel, w));
        Assert.All(result.Verbose, v => Assert.DoesNotContain(sentinel, v));
        Assert.All(result.Errors, e => Assert.DoesNotContain(sentinel, e.ToString()));
    }

    [Fact]
    public void Connection_refused_reads_the_replica_with_a_warning_naming_its_region()
    {
        var (name, sentinel) = InReplica();
        Endpoints(DeadEndpoint);

        var result = _host.Run($"Get-Secret sm:{name} -FallbackRegion {Replica} -AsPlainText -Verbose");

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        Assert.Equal(new object?[] { sentinel }, result.Output);
        string warning = Assert.Single(result.Warnings);
        Assert.Contains($"in {Replica} instead of {Primary}", warning);
        Assert.Contains("refused", warning); // why the primary failed
        AssertNoSentinel(result, sentinel);
    }

    [Theory]
    [InlineData(500, "InternalServiceError", "AwsInternalError")]
    [InlineData(503, "ServiceUnavailable", "ServiceUnavailable")]
    [InlineData(400, "ThrottlingException", "Throttled")]
    public void Server_errors_and_throttling_read_the_replica(int status, string code, string why)
    {
        var (name, sentinel) = InReplica();
        using var server = new FakeHttpServer(FakeReply.Json(status, $"{{\"__type\":\"{code}\",\"message\":\"try later\"}}"));
        Endpoints(server.Endpoint);

        var result = _host.Run($"Get-Secret sm:{name} -FallbackRegion {Replica} -AsPlainText");

        Assert.Empty(result.Errors);
        Assert.Equal(new object?[] { sentinel }, result.Output);
        string warning = Assert.Single(result.Warnings);
        Assert.Contains(Replica, warning);
        Assert.Contains(why, warning);
        Assert.True(server.RequestCount >= 1);
        AssertNoSentinel(result, sentinel);
    }

    [Fact]
    public void A_fallback_region_that_refuses_the_call_is_only_not_served_and_the_next_region_serves()
    {
        // eu-central-1 answers as an opt-in Region that is not enabled does (the credentials are
        // refused there): a call-wide failure that is no outage, yet it must not end the command.
        const string Refusing = "eu-central-1";
        var (name, sentinel) = InReplica();
        using var refusing = new FakeHttpServer(FakeReply.Json(400, "{\"__type\":\"UnrecognizedClientException\",\"message\":\"The security token included in the request is invalid.\"}"));
        ProcessConfiguration.Update(v => v with
        {
            RegionEndpoint = new Dictionary<string, string> { [Primary] = DeadEndpoint, [Refusing] = refusing.Endpoint, [Replica] = _replica },
        });

        var result = _host.Run($"Get-Secret sm:{name} -FallbackRegion {Refusing},{Replica} -AsPlainText -Verbose");

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        Assert.Equal(new object?[] { sentinel }, result.Output);
        Assert.True(refusing.RequestCount >= 1, "the refusing Region must have been tried first");
        Assert.Contains(Refusing, string.Join("\n", result.Verbose));
        Assert.Contains($"in {Replica} instead of {Primary}", Assert.Single(result.Warnings));
        AssertNoSentinel(result, sentinel);
    }

    [Fact]
    public void Only_the_failed_names_are_read_again_in_one_batch_and_a_name_no_region_has_keeps_its_error()
    {
        var (a, sentinelA) = InReplica();
        var (b, sentinelB) = InReplica();
        string missing = MotoServer.UniqueName("fb/"); // in no Region
        using var server = new FakeHttpServer(FakeReply.Json(500, "{\"__type\":\"InternalServiceError\",\"message\":\"down\"}"));
        Endpoints(server.Endpoint);
        ApiCallCounter.Reset();

        var result = _host.Run($"Get-Secret -Name $names -FallbackRegion {Replica} -AsPlainText",
            new() { ["names"] = new[] { "sm:" + a, "sm:" + missing, "sm:" + b } });

        Assert.Equal(new object?[] { sentinelA, sentinelB }, result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("AwsInternalError", ErrorId(error)); // the primary's error: the replica has no such secret either
        Assert.Equal(missing, error.TargetObject);
        Assert.Contains("Read 2 secret(s)", Assert.Single(result.Warnings));
        // The primary's batch (and the SDK's retries of it) went to the fake server; what is left is
        // the replica's: one batch for the three names (its Errors[] entry settles the missing one).
        Assert.All(server.Requests, r => Assert.Equal("secretsmanager.BatchGetSecretValue", r.Header("X-Amz-Target")));
        Assert.Equal(1, ApiCallCounter.Get("SecretsManager", "BatchGetSecretValue") - server.RequestCount);
        Assert.Equal(0, ApiCallCounter.Get("SecretsManager", "GetSecretValue"));
    }

    [Fact]
    public void When_the_primary_is_unreachable_a_name_no_region_has_is_its_own_error_not_the_end_of_the_call()
    {
        var (a, sentinelA) = InReplica();
        string missing = MotoServer.UniqueName("fb/");
        Endpoints(DeadEndpoint);

        var result = _host.Run($"Get-Secret -Name $names -FallbackRegion {Replica} -AsPlainText",
            new() { ["names"] = new[] { "sm:" + missing, "sm:" + a } });

        Assert.Equal(new object?[] { sentinelA }, result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("AwsRequestFailed", ErrorId(error));
        Assert.Equal(missing, error.TargetObject);
        Assert.Contains(Replica, error.ToString());
    }

    [Fact]
    public void Not_found_in_the_primary_is_an_answer_and_the_replica_is_not_called()
    {
        var (name, sentinel) = InReplica(); // exists in the replica, not in the primary
        Endpoints(_motoPrimary);
        ApiCallCounter.Reset();

        var result = _host.Run($"Get-Secret sm:{name} -FallbackRegion {Replica} -AsPlainText");

        Assert.Empty(result.Output);
        Assert.Equal("SecretNotFound", ErrorId(Assert.Single(result.Errors)));
        Assert.Empty(result.Warnings);
        Assert.Equal(1, ApiCallCounter.Get("SecretsManager", "GetSecretValue")); // the primary's only
        AssertNoSentinel(result, sentinel);
    }

    [Fact]
    public void Access_denied_is_an_answer_and_never_falls_back()
    {
        var (name, sentinel) = InReplica();
        using var server = new FakeHttpServer(FakeReply.Json(400, "{\"__type\":\"AccessDeniedException\",\"message\":\"not authorized to perform secretsmanager:GetSecretValue\"}"));
        Endpoints(server.Endpoint);
        ApiCallCounter.Reset();

        var result = _host.Run($"Get-Secret sm:{name} -FallbackRegion {Replica} -AsPlainText");

        Assert.Empty(result.Output);
        Assert.Equal("AccessDenied", ErrorId(Assert.Single(result.Errors)));
        Assert.Empty(result.Warnings);
        Assert.Equal(server.RequestCount, ApiCallCounter.Get("SecretsManager", "GetSecretValue")); // none went to the replica
        AssertNoSentinel(result, sentinel);
    }

    [Fact]
    public void A_healthy_primary_costs_no_extra_call_and_gives_its_own_value()
    {
        var names = Enumerable.Range(0, 3).Select(_ => InReplica(inPrimaryToo: "primary-value").Name).ToArray();
        Endpoints(_motoPrimary);
        ApiCallCounter.Reset();

        var result = _host.Run($"Get-Secret -Name $names -FallbackRegion {Replica} -AsPlainText", new() { ["names"] = names.Select(n => "sm:" + n).ToArray() });

        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        Assert.Equal(new object?[] { "primary-value", "primary-value", "primary-value" }, result.Output);
        Assert.Equal(1, ApiCallCounter.Total); // one BatchGetSecretValue, as without -FallbackRegion
    }

    [Fact]
    public void A_replica_value_is_cached_under_the_replica_region_not_the_primary()
    {
        var (name, sentinel) = InReplica();
        using var server = new FakeHttpServer(FakeReply.Json(500, "{\"__type\":\"InternalServiceError\",\"message\":\"down\"}"));
        Endpoints(server.Endpoint);
        string read = $"Get-Secret sm:{name} -FallbackRegion {Replica} -CacheTtl 300 -AsPlainText -Verbose";

        var first = _host.Run(read);
        Assert.Equal(new object?[] { sentinel }, first.Output);

        int primaryBefore = server.RequestCount;
        ApiCallCounter.Reset();
        var second = _host.Run(read);
        Assert.Equal(new object?[] { sentinel }, second.Output);
        // The primary was asked again (nothing is cached under its connection) ...
        Assert.True(server.RequestCount > primaryBefore);
        // ... and the replica's value came from the cache: no call reached the replica.
        Assert.Equal(server.RequestCount - primaryBefore, ApiCallCounter.Total);
        Assert.Contains(second.Verbose, v => v.Contains("came from the session's cache"));

        // Read in the replica Region directly: the same cache entry, no call.
        ApiCallCounter.Reset();
        var direct = _host.Run($"Get-Secret sm:{name} -Region {Replica} -CacheTtl 300 -AsPlainText");
        Assert.Equal(new object?[] { sentinel }, direct.Output);
        Assert.Equal(0, ApiCallCounter.Total);
        AssertNoSentinel(second, sentinel);
        _host.Run("Clear-SecretCache");
    }

    [Fact]
    public void An_arn_is_rewritten_to_the_replica_region()
    {
        var (name, sentinel) = InReplica();
        var info = _host.Run($"(Get-SecretInfo sm:{name} -Region {Replica}).Arn");
        string replicaArn = Assert.IsType<string>(Assert.Single(info.Output));
        string primaryArn = replicaArn.Replace($":{Replica}:", $":{Primary}:");
        Endpoints(DeadEndpoint);

        var result = _host.Run($"Get-Secret $arn -FallbackRegion {Replica} -AsPlainText", new() { ["arn"] = primaryArn });

        Assert.Empty(result.Errors);
        Assert.Equal(new object?[] { sentinel }, result.Output);
        Assert.Contains(Replica, Assert.Single(result.Warnings));
    }

    [Fact]
    public void The_shared_reader_gives_fallback_to_the_other_reading_cmdlets()
    {
        var (name, sentinel) = InReplica();
        Endpoints(DeadEndpoint);

        var expanded = _host.Run($"Expand-SecretTemplate -InputObject 'v={{{{ sm:{name} }}}}' -FallbackRegion {Replica}");
        Assert.Empty(expanded.Errors);
        Assert.Equal(new object?[] { "v=" + sentinel }, expanded.Output);
        Assert.Contains(Replica, Assert.Single(expanded.Warnings));

        var invoked = _host.Run($"Invoke-WithSecret -Environment @{{ FB_VALUE = 'sm:{name}' }} -FallbackRegion {Replica} -ScriptBlock {{ $env:FB_VALUE.Length }}");
        Assert.Empty(invoked.Errors);
        Assert.Equal(new object?[] { sentinel.Length }, invoked.Output);
        Assert.Contains(Replica, Assert.Single(invoked.Warnings));
        var exported = _host.Run($"Export-Secret sm:{name} -Format Json -AsPlainText -FallbackRegion {Replica}");
        Assert.Empty(exported.Errors);
        Assert.Contains(sentinel, Assert.IsType<string>(Assert.Single(exported.Output)));
        Assert.Contains(Replica, Assert.Single(exported.Warnings));

        AssertNoSentinel(expanded, sentinel);
        AssertNoSentinel(invoked, sentinel);
        AssertNoSentinel(exported, sentinel);
    }

    [Fact]
    public void The_setting_and_its_variable_give_fallback_without_the_parameter()
    {
        var (name, sentinel) = InReplica();
        Endpoints(DeadEndpoint);

        Environment.SetEnvironmentVariable("SECRETSTOOLS_FALLBACK_REGION", Replica);
        var fromVariable = _host.Run($"Get-Secret sm:{name} -AsPlainText");
        Assert.Equal(new object?[] { sentinel }, fromVariable.Output);

        // The Process setting wins over the variable (a Region with no endpoint: nothing there).
        _host.Run("Set-SecretsToolsConfiguration -FallbackRegion ap-south-1");
        Assert.Equal("ap-south-1", Assert.Single(_host.Run("(Get-SecretsToolsConfiguration).FallbackRegion -join ','").Output));
        var overridden = _host.Run($"Get-Secret sm:{name} -AsPlainText -FallbackRegion {Replica}"); // and the parameter wins over both
        Assert.Equal(new object?[] { sentinel }, overridden.Output);
        var off = _host.Run($"Get-Secret sm:{name} -AsPlainText -FallbackRegion @()");
        Assert.Empty(off.Output);
        Assert.Empty(off.Warnings);
        Assert.Equal("AwsRequestFailed", ErrorId(Assert.Single(off.Errors))); // no fallback: the refused connection stops the call, as before
    }

    [Fact]
    public void Parameter_Store_falls_back_only_with_its_own_setting()
    {
        string name = "/" + MotoServer.UniqueName("fb/");
        Endpoints(_motoPrimary);
        Assert.Empty(_host.Run($"Set-Secret ssm:{name} -Secret copy -Region {Replica} -Confirm:$false").Errors);
        Endpoints(DeadEndpoint);

        var notReplicated = _host.Run($"Get-Secret ssm:{name} -FallbackRegion {Replica} -AsPlainText");
        Assert.Empty(notReplicated.Output);
        Assert.Equal("AwsRequestFailed", ErrorId(Assert.Single(notReplicated.Errors)));
        Assert.Empty(notReplicated.Warnings);

        var ownCopies = _host.Run($"Get-Secret ssm:{name} -ParameterStoreFallbackRegion {Replica} -AsPlainText");
        Assert.Equal(new object?[] { "copy" }, ownCopies.Output);
        Assert.Contains("Parameter Store in " + Replica, Assert.Single(ownCopies.Warnings));
    }

    [Theory]
    [InlineData("EU", "EU")]
    [InlineData("eu-west-1,not a region", "not a region")]
    [InlineData(Primary, Primary)]
    [InlineData("mars-east-1", "mars-east-1")] // the shape of a Region, but none the SDK lists, and no endpoint of its own
    public void A_bad_fallback_region_is_InvalidFallbackRegion_before_any_call(string region, string target)
    {
        using var server = new FakeHttpServer(FakeReply.Json(500, "{\"__type\":\"InternalServiceError\"}"));
        Endpoints(server.Endpoint);

        var result = _host.Run("Get-Secret sm:any -FallbackRegion $r -AsPlainText", new() { ["r"] = region });

        Assert.Empty(result.Output);
        var record = Assert.Single(result.Errors);
        Assert.Equal("InvalidFallbackRegion", ErrorId(record));
        Assert.Equal(target, record.TargetObject); // the Region at fault
        Assert.Equal(0, server.RequestCount);
    }
}
