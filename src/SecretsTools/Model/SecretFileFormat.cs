namespace SecretsTools.Model;

/// <summary>The file formats Import-Secret reads (and Export-Secret writes).</summary>
public enum SecretFileFormat
{
    /// <summary>A .env file: NAME=value lines.</summary>
    DotEnv,

    /// <summary>A JSON object of names to string values.</summary>
    Json,

    /// <summary>A PowerShell data file (.psd1): one hashtable of names to string values.</summary>
    PowerShell,
}
