namespace SecretsTools.Model;

/// <summary>The AWS service that holds a secret.</summary>
public enum SecretStoreKind
{
    SecretsManager,
    ParameterStore,
}
