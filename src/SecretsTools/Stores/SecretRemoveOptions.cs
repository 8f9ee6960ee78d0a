namespace SecretsTools.Stores;

/// <summary>Secrets Manager's recovery window; Parameter Store deletes at once and ignores it.</summary>
internal sealed record SecretRemoveOptions(int RecoveryWindowInDays = 30, bool WithoutRecovery = false);
