namespace SecretsTools.Model;

/// <summary>What a migration plan item will do.</summary>
public enum SecretMigrationAction
{
    /// <summary>The destination does not exist: it will be created.</summary>
    Create,

    /// <summary>The destination exists with other content: a new version will be written (the plan was made with -Force).</summary>
    Update,

    /// <summary>The destination already holds this content: nothing to do.</summary>
    Skip,

    /// <summary>The item cannot run as planned; Reason says why. Invoke-SecretMigration leaves it alone.</summary>
    Conflict,
}

/// <summary>
/// One destination of a migration and where its content comes from. It never holds a value.
/// Every member is a scalar, so a plan round-trips through Export-Csv/Import-Csv and
/// ConvertTo-Json/ConvertFrom-Json and can be reviewed and edited before it runs.
/// <para>
/// SourceNames and Keys are lists joined by ';' (a character no secret name holds). With Keys,
/// a Secrets Manager destination is one JSON secret made of the sources, source i under key i
/// (grouping); a Parameter Store destination is key Keys of the one JSON source (splitting).
/// </para>
/// </summary>
public sealed record SecretMigrationPlanItem
{
    public const char ListSeparator = ';';

    public SecretStoreKind SourceStore { get; init; }

    /// <summary>The source names (';'-joined): one, or several for a grouped secret.</summary>
    public string SourceNames { get; init; } = "";

    /// <summary>JSON keys (';'-joined), aligned with SourceNames when grouping; one key when splitting; else empty.</summary>
    public string Keys { get; init; } = "";

    public SecretStoreKind DestinationStore { get; init; }
    public string DestinationName { get; init; } = "";

    /// <summary>Parameter Store type of a Parameter Store destination (SecureString unless the source says otherwise).</summary>
    public string? Type { get; init; }

    public SecretMigrationAction Action { get; init; }

    /// <summary>Why the item is a Skip, an Update or a Conflict, or how a value will be stored (a StringList).</summary>
    public string? Reason { get; init; }

    public string[] SourceNameList() => Split(SourceNames);

    public string[] KeyList() => Split(Keys);

    private static string[] Split(string joined) =>
        joined.Length == 0 ? System.Array.Empty<string>() : joined.Split(ListSeparator);

    public override string ToString() => $"{Action} {DestinationName}";
}
