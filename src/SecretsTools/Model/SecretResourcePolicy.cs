namespace SecretsTools.Model;

/// <summary>
/// What Get-, Set- and Remove-SecretResourcePolicy emit: a Secrets Manager secret's resource
/// policy (GetResourcePolicy). Policy is the JSON document as the service keeps it; null when the
/// secret has none. The view shows it indented.
/// </summary>
public sealed record SecretResourcePolicy
{
    public string Name { get; init; } = "";
    public string? Arn { get; init; }
    public string? Policy { get; init; }
    public string? Region { get; init; }

    /// <summary>The policy indented for reading; empty when there is none.</summary>
    public string FormattedPolicy => Access.PolicyJson.Indented(Policy);

    public override string ToString() => Name;
}
