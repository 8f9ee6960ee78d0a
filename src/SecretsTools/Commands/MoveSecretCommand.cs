using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SecretsTools.Migration;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Move-Secret: Copy-Secret, then each destination is read back and compared with its source, and
/// only the sources that verified are deleted (Secrets Manager: with a recovery window).
/// </summary>
[Cmdlet(VerbsCommon.Move, "Secret", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ToNameSet, HelpUri = HelpUris.Docs + "Move-Secret.md")]
[OutputType(typeof(SecretCopyResult))]
public sealed class MoveSecretCommand : SecretCopyCmdletBase
{
    /// <summary>Secrets Manager sources: days before the deletion is final, 7 to 30 (default 30).</summary>
    [Parameter]
    [ValidateRange(7, 30)]
    public int RecoveryWindowInDays { get; set; } = 30;

    internal override bool VerifyCopies => true;

    internal override IReadOnlyList<SecretCopyResult> AfterCopies(IReadOnlyList<(SecretCopyRequest Request, SecretCopyResult Result)> copies)
    {
        var removed = new HashSet<SecretCopyRequest>();
        foreach (var group in copies.Where(c => c.Result.Verified == true).GroupBy(c => c.Request.Source))
        {
            var confirmed = group.Where(c => ShouldProcessOrExplain($"{c.Request.DisplayName} ({StoreNames.Display(c.Request.Source.Kind)})",
                    c.Request.Source.Kind == SecretStoreKind.SecretsManager ? $"Delete the source after a verified copy (recovery window {RecoveryWindowInDays} days)" : "Delete the source after a verified copy"))
                .ToList();
            if (confirmed.Count == 0) continue;
            var results = Await(group.Key.RemoveAsync(confirmed.Select(c => c.Request.SourceName).ToList(), new SecretRemoveOptions(RecoveryWindowInDays), CancellationToken));
            foreach (var result in results)
            {
                if (result.Error is not null) WriteError(result.Error);
                else removed.UnionWith(confirmed.Where(c => c.Request.SourceName == result.Name).Select(c => c.Request));
            }
        }
        return copies.Select(c => c.Result with { SourceRemoved = removed.Contains(c.Request) }).ToList();
    }
}
