using SecretsTools.Completion;
using Xunit;

namespace SecretsTools.Tests.Units;

public class CompletionTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("@team", "'@team'")]
    [InlineData("-dash", "'-dash'")]
    [InlineData("it's", "'it''s'")]
    [InlineData("a b", "'a b'")]
    [InlineData("a|b", "'a|b'")]
    [InlineData("/app/db", "/app/db")]
    [InlineData("ssm:/app/db", "ssm:/app/db")]
    public void Completion_text_is_quoted_when_PowerShell_would_misread_it(string text, string expected) =>
        Assert.Equal(expected, CompletionText.Quote(text));
}
