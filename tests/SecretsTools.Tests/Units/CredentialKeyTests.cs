using System.Management.Automation;
using System.Security;
using SecretsTools.Commands;
using Xunit;

namespace SecretsTools.Tests.Units;

/// <summary>
/// The SDK takes the secret access key as a string, so -Credential's password must become plain
/// text once; a command makes that string once per credential, not once per connection it builds
/// (one per piped object), so no more copies of the key are left in memory than the SDK forces.
/// </summary>
public class CredentialKeyTests
{
    private static PSCredential Credential(string key)
    {
        var password = new SecureString();
        foreach (char c in key) password.AppendChar(c);
        password.MakeReadOnly();
        return new PSCredential("AKIAEXAMPLEKEYID", password);
    }

    [Fact]
    public void One_command_makes_the_key_a_string_once_per_credential()
    {
        using var command = new GetSecretCommand();
        var first = Credential("secret-key-one");
        var second = Credential("secret-key-two");

        string a = command.SecretKeyOf(first);
        string again = command.SecretKeyOf(first);
        string b = command.SecretKeyOf(second);

        Assert.Equal("secret-key-one", a);
        Assert.Same(a, again); // the same string object: not made a second time
        Assert.Equal("secret-key-two", b);
        Assert.Same(b, command.SecretKeyOf(second));
    }
}
