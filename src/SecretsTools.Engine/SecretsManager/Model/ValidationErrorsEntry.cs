namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Displays errors that occurred during validation of the resource policy.
/// </summary>
internal class ValidationErrorsEntry
{
    /// <summary>Checks the name of the policy.</summary>
    public string? CheckName { get; set; }

    /// <summary>Displays error messages if validation encounters problems during validation of the resource policy.</summary>
    public string? ErrorMessage { get; set; }
}
