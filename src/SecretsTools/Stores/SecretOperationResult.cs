namespace SecretsTools.Stores;

/// <summary>Outcome of a per-name operation in a batch (remove, restore).</summary>
internal sealed record SecretOperationResult(string Name, SecretStoreException? Error)
{
    public bool Succeeded => Error is null;
}
