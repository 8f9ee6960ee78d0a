using System;
using System.Linq;
using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Add-SecretReplica: replicates Secrets Manager secrets to other Regions
/// (ReplicateSecretToRegions). The replica Regions are -ReplicaRegion, because -Region is, as in
/// every cmdlet, the Region called (the primary's). A Region the service reports as Failed
/// (e.g. a secret of that name already there, without -Force) is an error naming the Region.
/// </summary>
[Cmdlet(VerbsCommon.Add, "SecretReplica", SupportsShouldProcess = true, HelpUri = HelpUris.Docs + "Add-SecretReplica.md")]
[OutputType(typeof(SecretInfo))]
public sealed class AddSecretReplicaCommand : SecretsManagerFeatureCmdletBase
{
    /// <summary>The Regions to replicate to, e.g. eu-west-1.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [Alias("AddReplicaRegion")]
    [ArgumentCompleter(typeof(Completion.RegionCompleter))]
    public string[] ReplicaRegion { get; set; } = Array.Empty<string>();

    /// <summary>The KMS key to encrypt the replicas with in each Region; default: aws/secretsmanager there.</summary>
    [Parameter]
    public string? KmsKeyId { get; set; }

    /// <summary>Overwrite a secret of the same name in a replica Region (ForceOverwriteReplicaSecret).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    internal const string NoReplication = "has no multi-Region replication (copy a parameter to another Region with Copy-Secret -DestinationRegion)";

    private string[] _regions = Array.Empty<string>();

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _regions = CheckedReplicaRegions(ReplicaRegion);
        try
        {
            Validation.KmsKeyIdRules.Validate(KmsKeyId ?? "", KmsKeyId);
            RefuseKeyOfAnotherRegion();
        }
        catch (SecretStoreException ex)
        {
            ThrowTerminatingError(ex.ToErrorRecord());
        }
    }

    /// <summary>
    /// A key ARN names the one Region its key is in, and a replica can only use a key of its own
    /// Region: one ARN for several Regions (or another Region) would fail in all but one.
    /// </summary>
    private void RefuseKeyOfAnotherRegion()
    {
        if (KmsKeyId is null || !KmsKeyId.StartsWith("arn:", StringComparison.Ordinal)) return;
        string keyRegion = KmsKeyId.Split(':') is { Length: > 3 } parts ? parts[3] : "";
        if (_regions.Length == 1 && _regions[0] == keyRegion) return;
        throw new SecretStoreException(ErrorIds.InvalidKmsKeyId, ErrorCategory.InvalidArgument, KmsKeyId,
            $"-KmsKeyId is a key in {keyRegion}, and a replica can only use a key of its own Region ({string.Join(", ", _regions)}): "
            + "add one Region at a time with its own key, or give a key id or alias that each Region has. Nothing was sent.");
    }

    protected override void ProcessRecord() =>
        ForEachSecret(SecretStores.ReplicationFor, NoReplication, (reference, key, replication) =>
        {
            RefusePrimaryAsReplica(reference, key, _regions);
            string action = $"Replicate to {string.Join(", ", _regions)}{(KmsKeyId is null ? "" : $" with KMS key '{KmsKeyId}'")}{(Force ? " (overwriting a secret of the same name there)" : "")}";
            if (!ShouldProcessOrExplain(Target(reference), action)) return;
            var info = Await(replication.AddReplicasAsync(reference.Name, _regions.Select(r => new ReplicaRequest(r, KmsKeyId)).ToList(), Force, CancellationToken));
            ReportFailures(info, _regions);
            if (PassThru) WriteObject(info);
        });

    // The call succeeds even when a Region could not take the replica; its status says so.
    private void ReportFailures(SecretInfo info, string[] regions)
    {
        foreach (var failed in (info.Replicas ?? Array.Empty<SecretReplica>()).Where(r => r.Status == "Failed" && regions.Contains(r.Region, StringComparer.Ordinal)))
            WriteError(new SecretStoreException(ErrorIds.ReplicationFailed, ErrorCategory.WriteError, info.Name,
                $"'{info.Name}' was not replicated to {failed.Region}: {failed.StatusMessage} Remove the failed replica with 'Remove-SecretReplica {info.Name} -ReplicaRegion {failed.Region}', then add it again (with -Force to overwrite a secret of that name there)."));
    }
}
