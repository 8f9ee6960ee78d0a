using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Stop-SecretReplication: promotes a replica to a standalone secret (StopReplicationToReplica).
/// It runs in the replica's Region: -Region names it, or an ARN of the replica does. ConfirmImpact
/// High: the replica stops following the primary, and cannot be made a replica again in place.
/// </summary>
[Cmdlet(VerbsLifecycle.Stop, "SecretReplication", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpUris.Docs + "Stop-SecretReplication.md")]
[OutputType(typeof(SecretInfo))]
public sealed class StopSecretReplicationCommand : SecretsManagerFeatureCmdletBase
{
    /// <summary>Promote without asking for confirmation (-WhatIf and an explicit -Confirm still apply).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() =>
        ForEachSecret(SecretStores.ReplicationFor, AddSecretReplicaCommand.NoReplication, (reference, key, replication) =>
        {
            string where = key.Connection.Region ?? "the configured Region";
            if (!ShouldProcessUnlessForced(Force, Target(reference), $"Promote the replica in {where} to a standalone secret (replication from the primary stops)")) return;
            var info = Await(replication.PromoteReplicaAsync(reference.Name, CancellationToken));
            if (PassThru) WriteObject(info);
        });
}
