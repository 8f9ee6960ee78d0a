using System;
using System.Security.Cryptography;
using System.Text;
using SecretsTools.Stores;

namespace SecretsTools.Caching;

/// <summary>
/// A cached value, encrypted with AES-GCM under a key made for this process, so the cache holds
/// no plain-text string for a memory dump, a debugger's string view or a swapped page to show.
/// The value is decrypted only while it is served; Clear wipes the ciphertext on eviction.
/// </summary>
internal sealed class SealedValue
{
    private static readonly byte[] ProcessKey = RandomNumberGenerator.GetBytes(32);
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly SecretValueKind _kind;
    private readonly byte[] _sealed; // nonce | tag | ciphertext

    private SealedValue(SecretValueKind kind, byte[] sealedBytes)
    {
        _kind = kind;
        _sealed = sealedBytes;
    }

    public static SealedValue Seal(SecretValue value)
    {
        byte[] plain = value.Binary is { } binary ? (byte[])binary.Clone() : Encoding.UTF8.GetBytes(value.Text ?? "");
        try
        {
            var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
            var nonce = sealedBytes.AsSpan(0, NonceSize);
            RandomNumberGenerator.Fill(nonce);
            using var aes = new AesGcm(ProcessKey, TagSize);
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize));
            return new SealedValue(value.Kind, sealedBytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    public SecretValue Open()
    {
        var plain = new byte[_sealed.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(ProcessKey, TagSize);
            aes.Decrypt(_sealed.AsSpan(0, NonceSize), _sealed.AsSpan(NonceSize + TagSize), _sealed.AsSpan(NonceSize, TagSize), plain);
            return _kind switch
            {
                SecretValueKind.Binary => SecretValue.FromBinary((byte[])plain.Clone()),
                SecretValueKind.StringList => SecretValue.FromStringList(Encoding.UTF8.GetString(plain)),
                _ => SecretValue.FromText(Encoding.UTF8.GetString(plain)),
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    public void Clear() => CryptographicOperations.ZeroMemory(_sealed);

    public override string ToString() => "SealedValue(redacted)";
}
