using SecretsTools.Model;

namespace SecretsTools.Stores;

internal static class StoreNames
{
    public static string Display(SecretStoreKind store) => store switch
    {
        SecretStoreKind.ParameterStore => "Parameter Store",
        _ => "Secrets Manager",
    };
}
