using Xunit;

namespace SecretsTools.Tests.Infrastructure;

/// <summary>
/// Tests that change process-wide state (environment variables, the API call counter) run here:
/// xunit runs a collection with parallelization disabled on its own, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Serial";
}
