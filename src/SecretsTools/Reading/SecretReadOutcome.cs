using SecretsTools.Stores;

namespace SecretsTools.Reading;

/// <summary>
/// One value the reader read, or the one error for one name: Input is what the user wrote,
/// Name the secret's name (a wildcard's input yields one outcome per match).
/// </summary>
internal sealed record SecretReadOutcome(string Input, SecretReference? Reference, ISecretStore? Store, SecretReadResult? Result, SecretStoreException? Error)
{
    public string Name => Result?.Name ?? Reference?.Name ?? Input;

    public bool Succeeded => Error is null && Result?.Value is not null;

    public static SecretReadOutcome Failed(string input, SecretReference? reference, SecretStoreException error) =>
        new(input, reference, null, null, error);
}
