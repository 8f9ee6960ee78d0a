namespace SecretsTools.Exchange;

/// <summary>
/// One name and its plain-text value, as a secrets file holds it. Line is where a parsed entry
/// begins (1-based; null for entries that did not come from a file), so errors can point at it.
/// Not a record, and ToString shows the name only: an entry in a log line or a debugger
/// display must not reveal the value.
/// </summary>
internal sealed class SecretFileEntry
{
    public SecretFileEntry(string name, string value, int? line = null)
    {
        Name = name;
        Value = value;
        Line = line;
    }

    public string Name { get; }

    public string Value { get; }

    public int? Line { get; }

    public override string ToString() => $"{Name} (value redacted)";
}
