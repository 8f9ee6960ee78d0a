using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.Rotation;
using SecretsTools.Stores;
using SecretsTools.Values;

namespace SecretsTools.Commands;

/// <summary>
/// Invoke-SecretRotation's custom rotation, without a Lambda: the new value comes from a script
/// block (-ScriptBlock) or a fresh password (-GeneratePassword); -SetScript puts it into service
/// and -TestScript proves it, following Secrets Manager's four-step protocol (Parameter Store: a
/// new version and a previous label). -Resume finishes a half-done rotation, -Abandon drops it.
/// </summary>
public sealed partial class InvokeSecretRotationCommand
{
    private const string ScriptSet = "ScriptBlock";
    private const string PasswordSet = "GeneratePassword";
    private const string ResumeSet = "Resume";
    private const string AbandonSet = "Abandon";

    /// <summary>Makes the new value: gets the current one ($Current; SecureString unless -AsPlainText) and returns the new one.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ScriptSet)]
    public ScriptBlock? ScriptBlock { get; set; }

    /// <summary>The new value is a fresh password: one key of a JSON secret (-PasswordKey), or the whole value.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PasswordSet)]
    public SwitchParameter GeneratePassword { get; set; }

    /// <summary>With -GeneratePassword: the JSON key that gets the password. Default: password, or the whole value when it is not JSON.</summary>
    [Parameter(ParameterSetName = PasswordSet)]
    public string? PasswordKey { get; set; }

    [Parameter(ParameterSetName = PasswordSet)]
    [ValidateRange(PasswordOptions.MinLength, PasswordOptions.MaxLength)]
    public int Length { get; set; } = 32;

    [Parameter(ParameterSetName = PasswordSet)]
    public string? ExcludeCharacters { get; set; }

    [Parameter(ParameterSetName = PasswordSet)]
    public SwitchParameter ExcludePunctuation { get; set; }

    /// <summary>Finishes a half-done rotation (set, test, promote) with the value it stored.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ResumeSet)]
    public SwitchParameter Resume { get; set; }

    /// <summary>Drops a half-done rotation: the value from before it stays (or becomes) current.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AbandonSet)]
    public SwitchParameter Abandon { get; set; }

    /// <summary>Puts the new value into service: gets $Pending and $Current. Throwing stops the rotation and undoes it.</summary>
    [Parameter(ParameterSetName = ScriptSet)]
    [Parameter(ParameterSetName = PasswordSet)]
    [Parameter(ParameterSetName = ResumeSet)]
    public ScriptBlock? SetScript { get; set; }

    /// <summary>Proves the new value works: gets $Pending. Throwing or returning $false stops the rotation and undoes it.</summary>
    [Parameter(ParameterSetName = ScriptSet)]
    [Parameter(ParameterSetName = PasswordSet)]
    [Parameter(ParameterSetName = ResumeSet)]
    public ScriptBlock? TestScript { get; set; }

    /// <summary>The script blocks get plain strings instead of SecureStrings.</summary>
    [Parameter(ParameterSetName = ScriptSet)]
    [Parameter(ParameterSetName = PasswordSet)]
    [Parameter(ParameterSetName = ResumeSet)]
    public SwitchParameter AsPlainText { get; set; }

    /// <summary>Parameter Store: the label the replaced version gets. Default: previous.</summary>
    [Parameter(ParameterSetName = ScriptSet)]
    [Parameter(ParameterSetName = PasswordSet)]
    [Parameter(ParameterSetName = ResumeSet)]
    [Parameter(ParameterSetName = AbandonSet)]
    public string PreviousLabel { get; set; } = "previous";

    private bool IsCustom => ParameterSetName is ScriptSet or PasswordSet or ResumeSet or AbandonSet;

    /// <summary>One secret rotated by SecretsTools itself; SecretStoreException for the caller to report.</summary>
    private void RotateCustom(string raw)
    {
        var reference = ResolveForChange(raw);
        var key = KeyFor(reference);
        var store = StoreFor(key);
        store.ValidateName(reference.Name, forWrite: true);
        var mode = Resume ? RotationMode.Resume : Abandon ? RotationMode.Abandon : RotationMode.Start;
        string action = mode switch
        {
            RotationMode.Resume => "Finish the half-done rotation",
            RotationMode.Abandon => "Drop the half-done rotation",
            _ => GeneratePassword ? "Rotate to a generated password" : "Rotate to the value -ScriptBlock makes",
        };
        if (!ShouldProcessOrExplain(Target(reference), action)) return;
        var versions = CreateClient(() => SecretStores.VersionsFor(key.Kind, key.Connection));
        ICustomRotation rotation = reference.Store == SecretStoreKind.SecretsManager
            ? new SecretsManagerCustomRotation(this, store, versions)
            : new ParameterStoreCustomRotation(this, store, versions, PreviousLabel);
        WriteObject(rotation.Run(reference.Name, mode, Steps(reference.Name)));
    }

    private RotationSteps Steps(string name) => new(
        Create: current => GeneratePassword ? NewPassword(current, name) : NewValue(current, name),
        Set: SetScript is null ? null : (pending, current) => SetScript.Invoke(Shown(pending, name), Shown(current, name)),
        Test: TestScript is null ? null : pending => TestScript.Invoke(Shown(pending, name)).Where(o => o is not null).LastOrDefault() is not { } last
            || LanguagePrimitives.IsTrue(last));

    private SecretValue NewValue(SecretValue current, string name)
    {
        var output = ScriptBlock!.Invoke(Shown(current, name)).Where(o => o is not null).ToList();
        if (output.Count != 1)
            throw new SecretStoreException(ErrorIds.RotationValueInvalid, ErrorCategory.InvalidResult, name,
                $"-ScriptBlock returned {output.Count} values for '{name}'; it must return the one new value. Nothing was changed.");
        var value = SecretInputConverter.Convert(output[0], name);
        if (value.SameAs(current))
            throw new SecretStoreException(ErrorIds.RotationValueInvalid, ErrorCategory.InvalidResult, name,
                $"-ScriptBlock returned the current value of '{name}'; a rotation needs a new one. Nothing was changed.");
        return value;
    }

    private SecretValue NewPassword(SecretValue current, string name)
    {
        string password = PasswordGenerator.Generate(new PasswordOptions
        {
            Length = Length,
            ExcludeCharacters = ExcludeCharacters ?? "",
            ExcludePunctuation = ExcludePunctuation,
        });
        bool json = SecretText.IsJsonObject(current);
        if (!json && PasswordKey is null) return SecretValue.FromText(password);
        string key = PasswordKey ?? "password";
        if (!SecretText.Fields(current, name).Any(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase)))
            throw new SecretStoreException(ErrorIds.SecretKeyNotFound, ErrorCategory.ObjectNotFound, name,
                $"Secret '{name}' has no key '{key}' to put a new password in; give -PasswordKey. Nothing was changed.");
        return SecretValue.FromText(JsonMerge.Apply(current.Text!, new Hashtable { [key] = password }, name));
    }

    /// <summary>A value as the script blocks get it: SecureString by default, text with -AsPlainText.</summary>
    private object Shown(SecretValue value, string name) => AsPlainText
        ? SecretText.Of(value, null, name)
        : SecureStrings.FromString(SecretText.Of(value, null, name));
}
