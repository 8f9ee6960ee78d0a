using System;
using SecretsTools.Tests.Infrastructure;
using Xunit;

namespace SecretsTools.Tests.Cmdlets;

/// <summary>
/// Records a cmdlet writes carry its InvocationInfo, and with it the bound parameters: the value
/// given to -Secret must not be in them when they are serialised (ConvertTo-Json, Export-Clixml).
/// </summary>
[Collection(SerialCollection.Name)]
public class BoundValueRedactionTests
{
    private readonly MotoServer _moto = MotoServer.Instance;

    [Theory]
    [InlineData("$sentinel")]
    [InlineData("(ConvertTo-SecureString $sentinel -AsPlainText -Force)")]
    [InlineData("@{ password = $sentinel }")]
    public void Verbose_and_warning_records_do_not_carry_the_bound_value(string secret)
    {
        string sentinel = "SENTINEL-" + Guid.NewGuid().ToString("N");
        // Ends in '-' and six characters: Set-Secret warns that it looks like an ARN suffix.
        string name = $"sm:redact/{Guid.NewGuid():N}-Ab12Cd";
        using var host = new PowerShellHost();

        var result = host.Run(
            $"$records = Set-Secret {name} -Secret {secret} -Verbose -Confirm:$false -EndpointUrl {_moto.Endpoint} 4>&1 3>&1; " +
            "$records | Where-Object { $_ -is [System.Management.Automation.InformationalRecord] } | ConvertTo-Json -Depth 5; " +
            "@($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count; " +
            "@($records | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Count",
            new() { ["sentinel"] = sentinel });

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        string json = result.Output[0] as string ?? "";
        Assert.True((int)result.Output[1]! > 0, "no verbose record was captured: the test would prove nothing");
        Assert.True((int)result.Output[2]! > 0, "no warning record was captured");
        Assert.Contains("BoundParameters", json); // the records were serialised with their InvocationInfo
        Assert.DoesNotContain(sentinel, json);
        // The value itself was still written: the cmdlet read it before the entry was replaced.
        var stored = Assert.Single(host.Run($"Get-Secret {name} -AsPlainText -EndpointUrl {_moto.Endpoint}").Output);
        Assert.Contains(sentinel, Assert.IsType<string>(stored));
    }

    [Theory]
    [InlineData("$sentinel")]
    [InlineData("@{ password = $sentinel }")]
    public void Error_records_do_not_carry_the_bound_value(string secret)
    {
        string sentinel = "SENTINEL-" + Guid.NewGuid().ToString("N");
        using var host = new PowerShellHost();

        // -Tier is a Parameter Store setting: refused for Secrets Manager before any call.
        var result = host.Run(
            $"Set-Secret sm:redact/{Guid.NewGuid():N} -Secret {secret} -Tier Advanced -Confirm:$false -EndpointUrl {_moto.Endpoint} -ErrorVariable failed -ErrorAction SilentlyContinue; " +
            "$failed | ConvertTo-Json -Depth 5; $failed.Count",
            new() { ["sentinel"] = sentinel });

        Assert.Equal(1, (int)result.Output[1]!);
        string json = result.Output[0] as string ?? "";
        Assert.Contains("BoundParameters", json);
        Assert.DoesNotContain(sentinel, json);
    }
}
