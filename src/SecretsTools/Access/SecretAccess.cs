namespace SecretsTools.Access;

/// <summary>The kinds of work New-SecretAccessPolicy grants (-Access); each is a group of cmdlets in PermissionTable.</summary>
internal enum SecretAccess
{
    /// <summary>Get-Secret, Get-SecretInfo, Get-SecretVersion, Compare-Secret, Export-Secret, Invoke-WithSecret, Expand-SecretTemplate.</summary>
    Read,
    /// <summary>Set-Secret, Import-Secret, the version label cmdlets, Restore-SecretVersion.</summary>
    Write,
    /// <summary>Set-SecretInfo, Remove-Secret, Restore-Secret, resource policies, replication.</summary>
    Manage,
    /// <summary>Enable-, Disable- and Invoke-SecretRotation.</summary>
    Rotate,
    /// <summary>Copy-Secret, Move-Secret, Invoke-SecretMigration, New-SecretMigrationPlan: read on -Name, write on -DestinationName.</summary>
    Migrate,
}
