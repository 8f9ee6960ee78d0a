using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.SimpleSystemsManagement.Model;
using SecretsTools.Aws;

namespace SecretsTools.Stores.ParameterStore;

/// <summary>
/// Writes and deletes whose reply was lost. Parameter Store has no request tokens: a PutParameter
/// sent again is a second version, a delete sent again answers "not found" for a name the first
/// send deleted. So the SDK does not resend these (LostReplyHandler); here, the server is asked
/// what it holds first, and the request is sent again only when the first send did not land.
/// </summary>
internal sealed partial class ParameterStoreStore
{
    /// <summary>
    /// PutParameter, once. <paramref name="versionBefore"/> is the version the write replaces (0 for a
    /// create): a version after it holding this value and type is this write, so it is not sent again.
    /// </summary>
    private async Task<PutParameterResponse> PutOnceAsync(PutParameterRequest put, long versionBefore, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await RetryTooManyUpdates(() => _ssm.PutParameterAsync(put, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            catch (LostReplyException lost) when (attempt < ParameterStoreLimits.LostReplyAttempts)
            {
                await PauseBeforeResendAsync(lost, attempt, cancellationToken).ConfigureAwait(false);
                var landed = await LandedAsync(put, versionBefore, cancellationToken).ConfigureAwait(false);
                if (landed is not null) return landed;
            }
            catch (LostReplyException lost) when (lost.Cause is Amazon.Runtime.AmazonServiceException answered)
            {
                // A 5xx every time: the service's error for this name, as the SDK would have ended with.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(answered);
            }
        }
    }

    /// <summary>The answer the lost reply would have been, when the server holds this write; else null.</summary>
    private async Task<PutParameterResponse?> LandedAsync(PutParameterRequest put, long versionBefore, CancellationToken cancellationToken)
    {
        Parameter parameter;
        try
        {
            parameter = (await _ssm.GetParameterAsync(new GetParameterRequest { Name = put.Name, WithDecryption = true }, cancellationToken).ConfigureAwait(false)).Parameter;
        }
        catch (ParameterNotFoundException)
        {
            return null;
        }
        catch (Amazon.Runtime.AmazonServiceException ex) when (!AwsErrorTranslator.IsSessionWide(ex))
        {
            // Not allowed to look (a write-only policy) or the look failed: send again, as the SDK
            // would have; at worst that is the extra version this check exists to avoid.
            return null;
        }
        // A later version with the same value and type: this write (or one equal to it, which makes
        // the same state). Another writer's value in between is not ours: send ours again, last wins.
        bool ours = parameter.Version > versionBefore && parameter.Value == put.Value && parameter.Type == put.Type;
        return ours ? new PutParameterResponse { Version = parameter.Version, Tier = put.Tier } : null;
    }

    /// <summary>
    /// A 5xx is often an overloaded service: wait before sending again, as the SDK's retry would
    /// have. A lost connection is resent at once (after the check), as the SDK does.
    /// </summary>
    private static Task PauseBeforeResendAsync(LostReplyException lost, int attempt, CancellationToken cancellationToken) =>
        lost.Cause is Amazon.Runtime.AmazonServiceException
            ? Task.Delay(System.Random.Shared.Next(ParameterStoreLimits.WriteBackoffBaseMs / 2, (ParameterStoreLimits.WriteBackoffBaseMs << (attempt - 1)) + 1), cancellationToken)
            : Task.CompletedTask;

    /// <summary>
    /// DeleteParameters, with lost replies resent. A name the resend reports missing was there for the
    /// first send, as far as anyone can tell, and is gone now, which is what was asked: it is deleted,
    /// not "not found". (A name that never existed is reported deleted only in this case.)
    /// </summary>
    private async Task<(List<string> Deleted, HashSet<string> Missing)> DeleteOnceAsync(List<string> names, CancellationToken cancellationToken)
    {
        bool resent = false;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                var response = await _ssm.DeleteParametersAsync(new DeleteParametersRequest { Names = names }, cancellationToken).ConfigureAwait(false);
                var missing = new HashSet<string>(response.InvalidParameters ?? new List<string>(), System.StringComparer.Ordinal);
                if (resent) missing.Clear();
                return (names.FindAll(n => !missing.Contains(n)), missing);
            }
            catch (LostReplyException lost) when (attempt < ParameterStoreLimits.LostReplyAttempts)
            {
                await PauseBeforeResendAsync(lost, attempt, cancellationToken).ConfigureAwait(false);
                resent = true;
            }
            catch (LostReplyException lost) when (lost.Cause is Amazon.Runtime.AmazonServiceException answered)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(answered);
            }
        }
    }
}
