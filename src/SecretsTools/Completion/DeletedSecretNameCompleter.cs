namespace SecretsTools.Completion;

/// <summary>
/// Completes the names of Secrets Manager secrets scheduled for deletion: what Restore-Secret can
/// restore. Chosen by the parameter's attribute, not by the command name the completer is given,
/// because that name is what was typed: Restore-AwsSecret under Import-Module -Prefix Aws, an
/// alias, or SecretsTools\Restore-Secret.
/// </summary>
public sealed class DeletedSecretNameCompleter : SecretNameCompleter
{
    protected override bool CompletesDeleted => true;
}
