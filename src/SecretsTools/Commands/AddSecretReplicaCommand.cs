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

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        // Checked once for the command, before any name: a bad Region spoils every secret alike.
        try
        {
            foreach (string region in ReplicaRegion)
            {
                if (string.IsNullOrWhiteSpace(region))
                    throw new SecretStoreException(ErrorIds.InvalidRegion, ErrorCategory.InvalidArgument, region, "-ReplicaRegion cannot be empty. Nothing was sent.");
                Validation.RegionRules.Validate(region, "-ReplicaRegion");
            }
            Validation.KmsKeyIdRules.Validate(KmsKeyId ?? "", KmsKeyId);
        }
        catch (SecretStoreException ex)
        {
            ThrowTerminatingError(ex.ToErrorRecord());
        }
    }

    protected override void ProcessRecord()
    {
        var regions = ReplicaRegion.Distinct(StringComparer.Ordinal).ToArray();
        foreach (string raw in Name)
        {
            try
            {
                var (reference, key, replication) = ResolveFeature(raw, SecretStores.ReplicationFor, NoReplication);
                if (key.Connection.Region is { } primary && regions.Contains(primary, StringComparer.Ordinal))
                    throw new SecretStoreException(ErrorIds.InvalidRegion, ErrorCategory.InvalidArgument, reference.Name,
                        $"'{reference.Name}' is called in {primary}, which cannot also be one of its replica Regions. Nothing was sent.");
                string action = $"Replicate to {string.Join(", ", regions)}{(KmsKeyId is null ? "" : $" with KMS key '{KmsKeyId}'")}{(Force ? " (overwriting a secret of the same name there)" : "")}";
                if (!ShouldProcessOrExplain(Target(reference), action)) continue;
                var info = Await(replication.AddReplicasAsync(reference.Name, regions.Select(r => new ReplicaRequest(r, KmsKeyId)).ToList(), Force, CancellationToken));
                ReportFailures(info, regions);
                if (PassThru) WriteObject(info);
            }
            catch (SecretStoreException ex)
            {
                WriteError(ex);
            }
        }
    }

    // The call succeeds even when a Region could not take the replica; its status says so.
    private void ReportFailures(SecretInfo info, string[] regions)
    {
        foreach (var failed in (info.Replicas ?? Array.Empty<SecretReplica>()).Where(r => r.Status == "Failed" && regions.Contains(r.Region, StringComparer.Ordinal)))
            WriteError(new SecretStoreException(ErrorIds.ReplicationFailed, ErrorCategory.WriteError, info.Name,
                $"'{info.Name}' was not replicated to {failed.Region}: {failed.StatusMessage} Remove the failed replica with 'Remove-SecretReplica {info.Name} -ReplicaRegion {failed.Region}', then add it again (with -Force to overwrite a secret of that name there)."));
    }
}
