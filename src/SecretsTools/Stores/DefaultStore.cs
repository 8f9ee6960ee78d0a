using System;
using SecretsTools.Model;

namespace SecretsTools.Stores;

/// <summary>
/// The store a plain name goes to: SECRETSTOOLS_DEFAULT_STORE if set (ParameterStore or
/// SecretsManager), else Secrets Manager. Per session, $PSDefaultParameterValues['*Secret*:Store']
/// works as for any parameter.
/// </summary>
internal static class DefaultStore
{
    public const string EnvironmentVariable = "SECRETSTOOLS_DEFAULT_STORE";

    public static SecretStoreKind Resolve()
    {
        string? configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(configured)) return SecretStoreKind.SecretsManager;
        if (Enum.TryParse(configured.Trim(), ignoreCase: true, out SecretStoreKind store)) return store;
        throw new SecretStoreException(ErrorIds.AwsConfigurationError, System.Management.Automation.ErrorCategory.InvalidArgument, configured,
            $"{EnvironmentVariable} is '{configured}'; it must be ParameterStore or SecretsManager.");
    }
}
