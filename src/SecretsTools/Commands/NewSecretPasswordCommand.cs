using System;
using System.Management.Automation;
using System.Security;
using SecretsTools.Stores;
using SecretsTools.Values;

namespace SecretsTools.Commands;

/// <summary>
/// New-SecretPassword: a random password, generated locally with a cryptographic random number
/// generator, or by Secrets Manager's GetRandomPassword with -UseService. SecureString by default.
/// </summary>
[Cmdlet(VerbsCommon.New, "SecretPassword", HelpUri = HelpUris.Docs + "New-SecretPassword.md")]
[OutputType(typeof(SecureString), typeof(string))]
public sealed class NewSecretPasswordCommand : AwsCmdletBase
{
    [Parameter(Position = 0)]
    [ValidateRange(PasswordOptions.MinLength, PasswordOptions.MaxLength)]
    public int Length { get; set; } = 32;

    /// <summary>Characters never to use, e.g. '"@/\'.</summary>
    [Parameter]
    public string? ExcludeCharacters { get; set; }

    [Parameter]
    public SwitchParameter ExcludeNumbers { get; set; }

    [Parameter]
    public SwitchParameter ExcludePunctuation { get; set; }

    [Parameter]
    public SwitchParameter ExcludeUppercase { get; set; }

    [Parameter]
    public SwitchParameter ExcludeLowercase { get; set; }

    [Parameter]
    public SwitchParameter IncludeSpace { get; set; }

    /// <summary>At least one character of every included type (default $true, as in GetRandomPassword).</summary>
    [Parameter]
    public bool RequireEachIncludedType { get; set; } = true;

    /// <summary>Asks Secrets Manager's GetRandomPassword instead of generating locally.</summary>
    [Parameter]
    public SwitchParameter UseService { get; set; }

    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    protected override void EndProcessing()
    {
        var options = new PasswordOptions
        {
            Length = Length,
            ExcludeCharacters = ExcludeCharacters ?? "",
            ExcludeNumbers = ExcludeNumbers,
            ExcludePunctuation = ExcludePunctuation,
            ExcludeUppercase = ExcludeUppercase,
            ExcludeLowercase = ExcludeLowercase,
            IncludeSpace = IncludeSpace,
            RequireEachIncludedType = RequireEachIncludedType,
        };
        string password;
        try
        {
            // Checked here for both ways, so -UseService fails like the local generator, before any call.
            PasswordGenerator.Validate(options);
            password = UseService ? FromService(options) : PasswordGenerator.Generate(options);
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, null));
            return;
        }
        WriteObject(AsPlainText ? password : SecureStrings.FromString(password));
    }

    private string FromService(PasswordOptions options)
    {
        var engine = CreateClient(() => Engine.SecretsEngine.Instance);
        try
        {
            return Await(engine.GetRandomPasswordAsync(ConnectionFor(Model.SecretStoreKind.SecretsManager), options, CancellationToken));
        }
        catch (SecretStoreException ex)
        {
            // One call, one output: a service error ends the command, with our ErrorId.
            ThrowTerminatingError(ex.ToErrorRecord());
            throw;
        }
    }
}
