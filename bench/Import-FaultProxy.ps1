# Loads the fault proxy the tests use (it is test code) for a benchmark: builds the test assembly
# once per PowerShell process, however many benchmarks dot-source this file.
param([Parameter(Mandatory)] [string] $Root)
if (-not ('SecretsTools.Tests.Infrastructure.Proxy.FaultProxy' -as [type])) {
    & dotnet build (Join-Path $Root 'tests/SecretsTools.Tests/SecretsTools.Tests.csproj') -c Release --nologo -v quiet | Out-Null
    if ($LASTEXITCODE -ne 0) { throw 'Building the test assembly (the fault proxy) failed.' }
    Add-Type -Path (Join-Path $Root 'tests/SecretsTools.Tests/bin/Release/net10.0/SecretsTools.Tests.dll')
}
