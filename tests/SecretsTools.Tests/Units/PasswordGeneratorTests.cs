using System;
using System.Linq;
using SecretsTools.Values;
using Xunit;

namespace SecretsTools.Tests.Units;

public class PasswordGeneratorTests
{
    [Fact]
    public void Default_is_32_characters_with_every_type()
    {
        for (int i = 0; i < 50; i++)
        {
            string p = PasswordGenerator.Generate(new PasswordOptions());
            Assert.Equal(32, p.Length);
            Assert.Contains(p, char.IsLower);
            Assert.Contains(p, char.IsUpper);
            Assert.Contains(p, char.IsDigit);
            Assert.Contains(p, c => char.IsPunctuation(c) || char.IsSymbol(c));
            Assert.DoesNotContain(' ', p);
        }
    }

    [Fact]
    public void Honours_exclusions()
    {
        var options = new PasswordOptions { Length = 200, ExcludeNumbers = true, ExcludePunctuation = true, ExcludeCharacters = "abcXYZ" };
        string p = PasswordGenerator.Generate(options);
        Assert.DoesNotContain(p, char.IsDigit);
        Assert.DoesNotContain(p, c => char.IsPunctuation(c) || char.IsSymbol(c));
        Assert.True(p.IndexOfAny("abcXYZ".ToCharArray()) < 0);
    }

    [Fact]
    public void Includes_a_space_when_asked_and_required()
    {
        string p = PasswordGenerator.Generate(new PasswordOptions { Length = 8, IncludeSpace = true });
        Assert.Contains(' ', p);
    }

    [Fact]
    public void Every_included_type_fits_even_in_a_short_password()
    {
        for (int i = 0; i < 50; i++)
        {
            string p = PasswordGenerator.Generate(new PasswordOptions { Length = 4 });
            Assert.Equal(4, p.Length);
            Assert.Contains(p, char.IsLower);
            Assert.Contains(p, char.IsUpper);
            Assert.Contains(p, char.IsDigit);
        }
    }

    [Fact]
    public void Rejects_impossible_options()
    {
        Assert.Throws<ArgumentException>(() => PasswordGenerator.Generate(new PasswordOptions
        { ExcludeLowercase = true, ExcludeUppercase = true, ExcludeNumbers = true, ExcludePunctuation = true }));
        Assert.Throws<ArgumentException>(() => PasswordGenerator.Generate(new PasswordOptions { Length = 3 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => PasswordGenerator.Generate(new PasswordOptions { Length = 4097 }));
    }

    [Fact]
    public void Passwords_differ()
    {
        var passwords = Enumerable.Range(0, 100).Select(_ => PasswordGenerator.Generate(new PasswordOptions())).ToHashSet();
        Assert.Equal(100, passwords.Count);
    }
}
