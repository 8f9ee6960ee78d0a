namespace SecretsTools.Runbooks;

/// <summary>One value under the name a program or a file gets it by, and where it came from (for errors; never the value).</summary>
internal sealed record NamedValue(string Name, string Source, string Text)
{
    public override string ToString() => $"{Name} from {Source}";
}
