using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Aws;
using SecretsTools.Configuration;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// What every AWS cmdlet shares: where to connect (-Region, -ProfileName, -EndpointUrl,
/// -Credential, named as in AWS.Tools), and a cancellation token that StopProcessing (Ctrl+C)
/// cancels, so a slow AWS call stops promptly. SDK calls run to completion on the pipeline
/// thread: PowerShell's pipeline thread has no synchronisation context, so blocking cannot deadlock,
/// and output, errors and ShouldProcess stay on the thread that owns them.
/// </summary>
public abstract class AwsCmdletBase : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>
    /// The AWS Region, e.g. us-east-1. Default: the configured Region (Process, AWS_REGION,
    /// CurrentUser), then the profile's region. Bound from piped SecretInfo objects too, so each
    /// one is acted on in the region it was listed in.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("RegionToCall")]
    [ArgumentCompleter(typeof(Completion.RegionCompleter))]
    public string? Region { get; set; }

    /// <summary>A named profile from the shared config and credentials files. Default: the configured ProfileName (Process, AWS_PROFILE, CurrentUser).</summary>
    [Parameter]
    [Alias("AWSProfileName", "StoredCredentials")]
    [ArgumentCompleter(typeof(Completion.ProfileNameCompleter))]
    public string? ProfileName { get; set; }

    /// <summary>A service endpoint to call instead of AWS's, e.g. a local test server; for both stores. Default: the configured one of each store.</summary>
    [Parameter]
    public string? EndpointUrl { get; set; }

    /// <summary>An access key: the user name is the access key id, the password the secret access key.</summary>
    [Parameter]
    [Credential]
    public PSCredential? Credential { get; set; }

    protected internal CancellationToken CancellationToken => _cancellation.Token;

    private EffectiveConfiguration? _configuration;

    /// <summary>The configuration as this command found it when it first asked (one command, one configuration).</summary>
    internal EffectiveConfiguration Configuration => _configuration ??= EffectiveConfiguration.Capture();

    /// <summary>
    /// Where to connect for one store: -Region, -ProfileName and -EndpointUrl, else the
    /// configuration (per store for the endpoint), with -Credential. Built afresh on each use:
    /// -Region may change from one piped object to the next. A bad configuration terminates.
    /// </summary>
    internal AwsConnectionSettings ConnectionFor(SecretStoreKind kind) => ConnectionFor(kind, null);

    /// <summary>
    /// The same connection in another Region (an ARN's, a replica's): built for that Region, not
    /// copied with it, so a RegionEndpoint entry of that Region applies.
    /// </summary>
    internal AwsConnectionSettings ConnectionFor(SecretStoreKind kind, string? inRegion)
    {
        // Per use, not at binding: -Region also comes from piped records, one per item.
        Validation.RegionRules.Validate(Region);
        var connection = FromConfiguration(c => c.ConnectionFor(kind, inRegion ?? Region, ProfileName, EndpointUrl));
        Validation.RegionRules.ValidateKnown(Region, ownEndpoint: connection.EndpointUrl is not null);
        return Credential is null ? connection : connection with
        {
            AccessKeyId = Credential.UserName,
            SecretAccessKey = SecretKeyOf(Credential),
        };
    }

    private readonly List<(PSCredential Credential, string Key)> _secretKeys = new(2);

    /// <summary>
    /// The SDK's credentials take the secret key as a string, so it must be plain text once; this
    /// makes it once per command and credential, not on every connection built (each piped object).
    /// </summary>
    internal string SecretKeyOf(PSCredential credential)
    {
        foreach (var (known, key) in _secretKeys)
            if (ReferenceEquals(known, credential)) return key;
        string plain = Values.SecureStrings.ToPlainText(credential.Password);
        _secretKeys.Add((credential, plain));
        return plain;
    }

    /// <summary>For the value cache: a command's -CacheTtl, else the configured one; null when caching is off.</summary>
    internal TimeSpan? EffectiveCacheTtl(TimeSpan? parameter) => FromConfiguration(c => c.EffectiveCacheTtl(parameter));

    /// <summary>Reads the configuration; a bad variable or a broken CurrentUser file stops the command.</summary>
    internal T FromConfiguration<T>(Func<EffectiveConfiguration, T> read)
    {
        try
        {
            return read(Configuration);
        }
        catch (SecretStoreException ex)
        {
            ThrowTerminatingError(ex.ToErrorRecord());
            throw; // unreachable: ThrowTerminatingError always throws
        }
    }

    protected override void StopProcessing() => _cancellation.Cancel();

    public void Dispose()
    {
        _cancellation.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Waits for an AWS call. Cancellation becomes PipelineStoppedException; failures that no
    /// further input could avoid (no credentials, no region, bad signature, no network) terminate.
    /// The engine has already turned every SDK exception into AwsCallException.
    /// </summary>
    internal T Await<T>(Task<T> task)
    {
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (AwsCallException ex)
        {
            ThrowTerminatingError(ToErrorRecord(ex));
            throw; // unreachable: ThrowTerminatingError always throws
        }
    }

    /// <summary>
    /// An exception caught off the pipeline thread (a parallel item), raised here the way Await
    /// raises a failed call: cancellation stops the pipeline, AWS failures terminate with our ErrorIds.
    /// </summary>
    internal void RethrowCallFailure(Exception ex) => Await(Task.FromException<bool>(ex));

    private static ErrorRecord ToErrorRecord(AwsCallException ex)
    {
        var (id, category, message) = ex.Failure switch
        {
            AwsFailure.Credentials => (ErrorIds.AccessDenied, ErrorCategory.AuthenticationError, ex.Message),
            AwsFailure.Connection => (ErrorIds.AwsRequestFailed, ErrorCategory.ConnectionError, ex.Message),
            AwsFailure.Installation => (ErrorIds.AwsConfigurationError, ErrorCategory.ResourceUnavailable, ex.Message + "."),
            AwsFailure.Configuration => (ErrorIds.AwsConfigurationError, ErrorCategory.ConnectionError,
                $"Could not call AWS ({ex.Message}). Set -Region, -ProfileName or -Credential, or AWS_REGION and AWS_PROFILE."),
            // Stores translate the errors they expect; anything else still gets our ErrorId.
            _ => (ex.ErrorId ?? ErrorIds.AwsRequestFailed, ErrorCategory.NotSpecified, ex.Message),
        };
        return new ErrorRecord(ex, id, category, null) { ErrorDetails = new ErrorDetails(message) };
    }

    internal void Await(Task task) => Await(AsUnit(task));

    /// <summary>Builds a client (or a store on one); a configuration the SDK refuses terminates.</summary>
    internal T CreateClient<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (AwsCallException ex) when (ex.Failure == AwsFailure.Installation)
        {
            ThrowTerminatingError(ToErrorRecord(ex));
            throw; // unreachable
        }
        catch (AwsCallException ex) when (ex.Failure == AwsFailure.Configuration)
        {
            // No region, unreadable profile: nothing further can work.
            ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.AwsConfigurationError, ErrorCategory.InvalidArgument, null)
            {
                ErrorDetails = new ErrorDetails($"Could not set up the AWS client ({ex.Message}). Give -Region (or set AWS_REGION) and, if needed, -ProfileName or -Credential."),
            });
            throw; // unreachable: ThrowTerminatingError always throws
        }
    }

    private static async Task<bool> AsUnit(Task task)
    {
        await task.ConfigureAwait(false);
        return true;
    }

    /// <summary>Writes each item of an async stream as soon as it arrives.</summary>
    internal void WriteEach<T>(IAsyncEnumerable<T> source, Action<T> write)
    {
        var enumerator = source.GetAsyncEnumerator(CancellationToken);
        try
        {
            while (Await(enumerator.MoveNextAsync().AsTask())) write(enumerator.Current);
        }
        finally
        {
            Await(enumerator.DisposeAsync().AsTask());
        }
    }
}
