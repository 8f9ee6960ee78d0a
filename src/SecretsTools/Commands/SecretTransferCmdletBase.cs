using System.Management.Automation;
using SecretsTools.Aws;
using SecretsTools.Model;

namespace SecretsTools.Commands;

/// <summary>
/// Base of the cmdlets that move values from one place to another (Copy-Secret, Move-Secret, the
/// migration cmdlets): the source is the usual connection (-Region, -ProfileName, ...), the
/// destination is the same connection changed by the Destination* parameters, so copies go across
/// Regions and accounts with one command.
/// </summary>
public abstract class SecretTransferCmdletBase : SecretCmdletBase
{
    /// <summary>The destination store; default: the destination name's prefix, else the source's store.</summary>
    /// <remarks>Virtual so that a cmdlet with no sensible default (a migration plan) can make it mandatory.</remarks>
    [Parameter]
    public virtual SecretStoreKind? DestinationStore { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(Completion.RegionCompleter))]
    public string? DestinationRegion { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(Completion.ProfileNameCompleter))]
    public string? DestinationProfileName { get; set; }

    [Parameter]
    public string? DestinationEndpointUrl { get; set; }

    [Parameter]
    [Credential]
    public PSCredential? DestinationCredential { get; set; }

    /// <summary>
    /// The connection of a destination in store kind: the source's (origin: its Region, maybe an
    /// ARN's, profile and credentials) with the Destination* overrides. The endpoint is the
    /// destination store's own (-DestinationEndpointUrl, else -EndpointUrl, else that store's
    /// configured one): a copy from Parameter Store to Secrets Manager must not call Secrets
    /// Manager at Parameter Store's endpoint.
    /// </summary>
    internal AwsConnectionSettings DestinationConnection(AwsConnectionSettings origin, SecretStoreKind kind)
    {
        Validation.RegionRules.Validate(DestinationRegion, "-DestinationRegion");
        var destination = DestinationConnectionChecked(origin, kind);
        Validation.RegionRules.ValidateKnown(DestinationRegion, ownEndpoint: destination.EndpointUrl is not null, "-DestinationRegion");
        return destination;
    }

    private AwsConnectionSettings DestinationConnectionChecked(AwsConnectionSettings origin, SecretStoreKind kind) => origin with
    {
        Region = DestinationRegion ?? origin.Region,
        ProfileName = DestinationProfileName ?? origin.ProfileName,
        EndpointUrl = DestinationEndpointUrl ?? ConnectionFor(kind).EndpointUrl,
        AccessKeyId = DestinationCredential?.UserName ?? origin.AccessKeyId,
        SecretAccessKey = DestinationCredential is null ? origin.SecretAccessKey : SecretKeyOf(DestinationCredential),
        SessionToken = DestinationCredential is null ? origin.SessionToken : null,
    };
}
