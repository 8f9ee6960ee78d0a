using SecretsTools.Aws;
using SecretsTools.Model;
using SecretsTools.Stores.ParameterStore;
using SecretsTools.Stores.SecretsManager;

namespace SecretsTools.Stores;

/// <summary>Builds the store for a kind on a cached AWS client.</summary>
internal static class SecretStoreFactory
{
    public static ISecretStore Create(SecretStoreKind kind, AwsConnectionSettings connection) => kind switch
    {
        SecretStoreKind.ParameterStore => new ParameterStoreStore(AwsClientFactory.GetSsmClient(connection)),
        _ => new SecretsManagerStore(AwsClientFactory.GetSecretsManagerClient(connection)),
    };
}
