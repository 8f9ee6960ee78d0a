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

    private string[] _regions = Array.Empty<string>();

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _regions = CheckedReplicaRegions(ReplicaRegion);
    }

    protected override void ProcessRecord() =>
        ForEachSecret(SecretStores.ReplicationFor, AddSecretReplicaCommand.NoReplication, (reference, key, replication) =>
        {
            RefusePrimaryAsReplica(reference, key, _regions);
            if (!ShouldProcessUnlessForced(Force, Target(reference), $"Delete the replicas in {string.Join(", ", _regions)}")) return;
            var info = Await(replication.RemoveReplicasAsync(reference.Name, _regions, CancellationToken));
            if (PassThru) WriteObject(info);
        });
}
