using System;

namespace SecretsTools.Stores;

internal enum SecretValueKind
{
    Text,
    StringList,
    Binary,
}

/// <summary>
/// A secret's value as the store holds it: text (maybe JSON), a Parameter Store StringList, or
/// Secrets Manager binary. ToString never reveals it, so an accidental log line stays safe.
/// </summary>
internal sealed class SecretValue
{
    private SecretValue(SecretValueKind kind, string? text, byte[]? binary)
    {
        Kind = kind;
        Text = text;
        Binary = binary;
    }

    public SecretValueKind Kind { get; }

    /// <summary>Text and StringList values (a StringList is comma-joined, as the service stores it).</summary>
    public string? Text { get; }

    public byte[]? Binary { get; }

    public static SecretValue FromText(string text) => new(SecretValueKind.Text, text, null);

    public static SecretValue FromStringList(string joined) => new(SecretValueKind.StringList, joined, null);

    public static SecretValue FromBinary(byte[] bytes) => new(SecretValueKind.Binary, null, bytes);

    /// <summary>Size the services count against their limits: UTF-8 bytes of text, or raw bytes.</summary>
    public int ByteLength => Binary?.Length ?? System.Text.Encoding.UTF8.GetByteCount(Text ?? "");

    public string[] ToStringList() => (Text ?? "").Split(',');

    /// <summary>The same kind and content: a write of this value would change nothing.</summary>
    public bool SameAs(SecretValue other) =>
        Kind == other.Kind && string.Equals(Text, other.Text, StringComparison.Ordinal)
        && (Binary is null ? other.Binary is null : other.Binary is not null && Binary.AsSpan().SequenceEqual(other.Binary));

    public override string ToString() => $"SecretValue({Kind}, redacted)";
}
