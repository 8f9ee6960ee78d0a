using System.Linq;
using System.Threading.Tasks;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;
using Xunit;

namespace SecretsTools.Tests.SecretsManagerClient;

public class RandomPasswordTests
{
    [Fact]
    public async Task Default_password_is_32_characters()
    {
        using var client = TestClients.Moto();

        var response = await client.GetRandomPasswordAsync(new GetRandomPasswordRequest());

        Assert.Equal(32, response.RandomPassword!.Length);
    }

    [Fact]
    public async Task Exclusions_are_honoured()
    {
        using var client = TestClients.Moto();

        var response = await client.GetRandomPasswordAsync(new GetRandomPasswordRequest
        {
            PasswordLength = 40,
            ExcludeNumbers = true,
            ExcludePunctuation = true,
            ExcludeUppercase = true,
            ExcludeCharacters = "abcdef",
            IncludeSpace = false,
            RequireEachIncludedType = true,
        });

        Assert.Equal(40, response.RandomPassword!.Length);
        Assert.All(response.RandomPassword, c => Assert.InRange(c, 'g', 'z'));
    }

    [Fact]
    public async Task Space_can_be_required_and_lowercase_excluded()
    {
        using var client = TestClients.Moto();

        var response = await client.GetRandomPasswordAsync(new GetRandomPasswordRequest
        {
            PasswordLength = 64, ExcludeLowercase = true, IncludeSpace = true, RequireEachIncludedType = true,
        });

        Assert.DoesNotContain(response.RandomPassword!, char.IsLower);
        Assert.Contains(' ', response.RandomPassword!);
        Assert.Contains(response.RandomPassword!, char.IsUpper);
        Assert.Contains(response.RandomPassword!, char.IsDigit);
    }

    [Fact]
    public async Task Too_long_a_password_is_rejected()
    {
        using var client = TestClients.Moto();

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() =>
            client.GetRandomPasswordAsync(new GetRandomPasswordRequest { PasswordLength = 5000 }));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.False(string.IsNullOrEmpty(ex.ErrorCode));
    }
}
