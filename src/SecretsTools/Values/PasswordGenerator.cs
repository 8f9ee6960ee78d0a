using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;

namespace SecretsTools.Values;

/// <summary>
/// A local, cryptographically random password generator with the same character classes and
/// options as Secrets Manager's GetRandomPassword, so no API call is needed for a password.
/// </summary>
internal static class PasswordGenerator
{
    private const string Lowercase = "abcdefghijklmnopqrstuvwxyz";
    private const string Uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Numbers = "0123456789";
    private const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private const string Space = " ";

    /// <summary>The character classes the options include, each without the excluded characters.</summary>
    public static IReadOnlyList<string> CharacterClasses(PasswordOptions options)
    {
        var classes = new List<string>();
        void Add(bool include, string chars)
        {
            if (!include) return;
            string allowed = new(chars.Where(c => !options.ExcludeCharacters.Contains(c)).ToArray());
            if (allowed.Length > 0) classes.Add(allowed);
        }
        Add(!options.ExcludeLowercase, Lowercase);
        Add(!options.ExcludeUppercase, Uppercase);
        Add(!options.ExcludeNumbers, Numbers);
        Add(!options.ExcludePunctuation, Punctuation);
        Add(options.IncludeSpace, Space);
        return classes;
    }

    /// <summary>
    /// Throws ArgumentException for options no password can meet. Also checked before
    /// New-SecretPassword -UseService calls GetRandomPassword, so both ways fail alike and early.
    /// </summary>
    public static void Validate(PasswordOptions options) => ValidatedClasses(options);

    private static IReadOnlyList<string> ValidatedClasses(PasswordOptions options)
    {
        if (options.Length < PasswordOptions.MinLength || options.Length > PasswordOptions.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(options), $"Length must be {PasswordOptions.MinLength} to {PasswordOptions.MaxLength}.");
        var classes = CharacterClasses(options);
        if (classes.Count == 0)
            throw new ArgumentException("The options exclude every character; include at least one character class.");
        if (options.RequireEachIncludedType && options.Length < classes.Count)
            throw new ArgumentException($"A password that has every one of the {classes.Count} included character types needs a length of at least {classes.Count}.");
        return classes;
    }

    public static string Generate(PasswordOptions options)
    {
        var classes = ValidatedClasses(options);

        string pool = string.Concat(classes);
        var chars = new char[options.Length];
        int i = 0;
        if (options.RequireEachIncludedType)
            foreach (string cls in classes) chars[i++] = cls[RandomNumberGenerator.GetInt32(cls.Length)];
        for (; i < chars.Length; i++) chars[i] = pool[RandomNumberGenerator.GetInt32(pool.Length)];

        // Shuffle, so the guaranteed characters are not always at the front.
        for (int j = chars.Length - 1; j > 0; j--)
        {
            int k = RandomNumberGenerator.GetInt32(j + 1);
            (chars[j], chars[k]) = (chars[k], chars[j]);
        }
        return new string(chars);
    }
}
