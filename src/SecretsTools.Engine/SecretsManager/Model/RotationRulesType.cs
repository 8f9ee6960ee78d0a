namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// A structure that defines the rotation configuration for the secret.
/// </summary>
internal class RotationRulesType
{
    /// <summary>The number of days between rotations of the secret.</summary>
    public long? AutomaticallyAfterDays { get; set; }

    /// <summary>The length of the rotation window in hours, for example 3h for a three hour window.</summary>
    public string? Duration { get; set; }

    /// <summary>A cron() or rate() expression that defines the schedule for rotating your secret.</summary>
    public string? ScheduleExpression { get; set; }
}
