namespace SecretsTools.Stores;

/// <summary>The ErrorIds SecretsTools writes, in one place so scripts and tests can rely on them.</summary>
internal static class ErrorIds
{
    public const string SecretNotFound = "SecretNotFound";
    public const string SecretVersionNotFound = "SecretVersionNotFound";
    public const string SecretVersionAmbiguous = "SecretVersionAmbiguous";
    public const string InvalidSecretVersion = "InvalidSecretVersion";
    public const string InvalidVersionLabel = "InvalidVersionLabel";
    public const string VersionLabelLimitExceeded = "VersionLabelLimitExceeded";
    public const string VersionLabelNotFound = "VersionLabelNotFound";
    public const string CurrentLabelRequired = "CurrentLabelRequired";
    public const string SecretValueRequired = "SecretValueRequired";
    public const string ConfirmationRequired = "ConfirmationRequired";
    public const string SelectorNotAllowed = "SelectorNotAllowed";
    public const string DestinationDiffers = "DestinationDiffers";
    public const string InvalidPlanItem = "InvalidPlanItem";
    public const string PlanConflict = "PlanConflict";
    public const string VerificationFailed = "VerificationFailed";
    public const string InvalidSecretName = "InvalidSecretName";
    public const string InvalidSecretReference = "InvalidSecretReference";
    public const string UnknownStorePrefix = "UnknownStorePrefix";
    public const string SecretValueTooLarge = "SecretValueTooLarge";
    public const string SecretValueEmpty = "SecretValueEmpty";
    public const string SecretValueTooDeep = "SecretValueTooDeep";
    public const string SecretValueCyclic = "SecretValueCyclic";
    public const string InvalidSecretValue = "InvalidSecretValue";
    public const string InvalidPipedRecord = "InvalidPipedRecord";
    public const string MultiplePipedValues = "MultiplePipedValues";
    public const string TagLimitExceeded = "TagLimitExceeded";
    public const string InvalidKmsKeyId = "InvalidKmsKeyId";
    public const string InvalidRegion = "InvalidRegion";

    /// <summary>-FallbackRegion (or -ParameterStoreFallbackRegion) is not a Region name, or is the primary Region itself.</summary>
    public const string InvalidFallbackRegion = "InvalidFallbackRegion";
    public const string UnsupportedSecretType = "UnsupportedSecretType";
    public const string SecretAlreadyExists = "SecretAlreadyExists";
    public const string SecretKeyNotFound = "SecretKeyNotFound";
    public const string SecretNotJson = "SecretNotJson";
    public const string SecretNotText = "SecretNotText";
    public const string SecretNotCredential = "SecretNotCredential";
    public const string SecretScheduledForDeletion = "SecretScheduledForDeletion";
    public const string OperationNotSupported = "OperationNotSupported";
    public const string InvalidRotationSchedule = "InvalidRotationSchedule";
    public const string InvalidLambdaArn = "InvalidLambdaArn";
    public const string RotationNotConfigured = "RotationNotConfigured";
    public const string InvalidParameterCombination = "InvalidParameterCombination";
    public const string InvalidCacheTtl = "InvalidCacheTtl";
    public const string NameTransformFailed = "NameTransformFailed";
    public const string NameCollision = "NameCollision";
    public const string RotationInProgress = "RotationInProgress";
    public const string RotationNotInProgress = "RotationNotInProgress";
    public const string RotationSetFailed = "RotationSetFailed";
    public const string RotationTestFailed = "RotationTestFailed";
    public const string RotationValueInvalid = "RotationValueInvalid";
    public const string InvalidEnvironmentName = "InvalidEnvironmentName";
    public const string SecretsUnavailable = "SecretsUnavailable";
    public const string DestinationExists = "DestinationExists";
    public const string AsPlainTextRequired = "AsPlainTextRequired";
    public const string FileReadFailed = "FileReadFailed";
    public const string FileWriteFailed = "FileWriteFailed";
    public const string InvalidTag = "InvalidTag";
    public const string InvalidVaultParameter = "InvalidVaultParameter";
    public const string SecretFileNotFound = "SecretFileNotFound";
    public const string InvalidSecretFile = "InvalidSecretFile";
    public const string DuplicateSecretName = "DuplicateSecretName";
    public const string AccessDenied = "AccessDenied";

    // New-SecretAccessPolicy and Set-SecretResourcePolicy -AllowAccount (issue 13, items 1 and 2).
    public const string UnknownAccessLevel = "UnknownAccessLevel";
    public const string InvalidKmsKeyArn = "InvalidKmsKeyArn";
    public const string InvalidAccountId = "InvalidAccountId";

    /// <summary>The value was written, a later call of the same write (tags, description) failed.</summary>
    public const string PartialWrite = "PartialWrite";
    public const string Throttled = "Throttled";
    public const string QuotaExceeded = "QuotaExceeded";
    public const string AwsConfigurationError = "AwsConfigurationError";
    public const string AwsRequestFailed = "AwsRequestFailed";
    public const string InvalidConfigurationValue = "InvalidConfigurationValue";
    public const string ConfigurationFileInvalid = "ConfigurationFileInvalid";
    public const string ConfigurationWriteFailed = "ConfigurationWriteFailed";

    // Secrets Manager's own service errors, one ErrorId each (issue 12, item 9).
    public const string KmsDecryptionFailed = "KmsDecryptionFailed";
    public const string KmsEncryptionFailed = "KmsEncryptionFailed";
    public const string AwsInternalError = "AwsInternalError";
    public const string InvalidNextToken = "InvalidNextToken";
    public const string MalformedPolicy = "MalformedPolicy";
    public const string PublicPolicyRefused = "PublicPolicyRefused";
    public const string PreconditionNotMet = "PreconditionNotMet";
    public const string InvalidRequest = "InvalidRequest";
    public const string InvalidParameter = "InvalidParameter";

    // Resource policies and replication (issue 13, items 2 and 3).
    public const string InvalidPolicyJson = "InvalidPolicyJson";
    public const string InvalidPrincipalArn = "InvalidPrincipalArn";
    public const string PolicyValidationFailed = "PolicyValidationFailed";
    public const string ReplicationFailed = "ReplicationFailed";
    // Get-SecretAuditEvent (CloudTrail LookupEvents); each error of LookupEvents' API model has its own.
    public const string InvalidAuditTimeRange = "InvalidAuditTimeRange";
    public const string UnknownAuditEventName = "UnknownAuditEventName";
    public const string InvalidAuditLookup = "InvalidAuditLookup";
    public const string InvalidAuditPageSize = "InvalidAuditPageSize";
    public const string InvalidAuditNextToken = "InvalidAuditNextToken";
    public const string InvalidAuditEventCategory = "InvalidAuditEventCategory";
    public const string AuditLookupNotSupported = "AuditLookupNotSupported";
    public const string AuditLookupNotPermitted = "AuditLookupNotPermitted";
    public const string NothingToExport = "NothingToExport";
    public const string UnsupportedInputObject = "UnsupportedInputObject";
}
