using System;
using System.Linq;
using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Remove-SecretReplica: stops replicating Secrets Manager secrets to Regions and deletes the
/// replicas there (RemoveRegionsFromReplication). ConfirmImpact High: a replica is deleted at
/// once, with no recovery window. Call it in the primary's Region (-Region).
/// </summary>
[Cmdlet(VerbsCommon.Remove, "SecretReplica", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpUris.Docs + "Remove-SecretReplica.md")]
[OutputType(typeof(SecretInfo))]
public sealed class RemoveSecretReplicaCommand : SecretsManagerFeatureCmdletBase
{
    /// <summary>The replica Regions to remove.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [Alias("RemoveReplicaRegion")]
    [ArgumentCompleter(typeof(Completion.RegionCompleter))]
    public string[] ReplicaRegion { get; set; } = Array.Empty<string>();

    /// <summary>Remove without asking for confirmation (-WhatIf and an explicit -Confirm still apply).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        try
        {
            foreach (string region in ReplicaRegion)
            {
                if (string.IsNullOrWhiteSpace(region))
                    throw new SecretStoreException(ErrorIds.InvalidRegion, ErrorCategory.InvalidArgument, region, "-ReplicaRegion cannot be empty. Nothing was sent.");
                Validation.RegionRules.Validate(region, "-ReplicaRegion");
            }
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
                var (reference, _, replication) = ResolveFeature(raw, SecretStores.ReplicationFor, AddSecretReplicaCommand.NoReplication);
                if (!ShouldProcessUnlessForced(Force, Target(reference), $"Delete the replicas in {string.Join(", ", regions)}")) continue;
                var info = Await(replication.RemoveReplicasAsync(reference.Name, regions, CancellationToken));
                if (PassThru) WriteObject(info);
            }
            catch (SecretStoreException ex)
            {
                WriteError(ex);
            }
        }
    }
}
