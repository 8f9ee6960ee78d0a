using SecretsTools.Configuration;
using SecretsTools.Model;

namespace SecretsTools.Stores;

/// <summary>
/// The store a plain name goes to when it has no prefix or ARN and no -Store is given: the
/// configured DefaultStore (Process scope, then SECRETSTOOLS_DEFAULT_STORE, then the CurrentUser
/// file), else Secrets Manager. See EffectiveConfiguration.
/// </summary>
internal static class DefaultStore
{
    public const string EnvironmentVariable = EnvironmentConfiguration.DefaultStoreVariable;

    /// <summary>SecretStoreException (AwsConfigurationError, ConfigurationFileInvalid) when the configuration is bad.</summary>
    public static SecretStoreKind Resolve() => SecretsToolsSettings.DefaultStore;
}
