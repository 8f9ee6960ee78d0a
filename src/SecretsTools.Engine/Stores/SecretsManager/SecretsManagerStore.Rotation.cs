using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Model;
using SecretsTools.SecretsManager.Model;

namespace SecretsTools.Stores.SecretsManager;

/// <summary>Lambda rotation: Enable-, Disable- and Invoke-SecretRotation on Secrets Manager.</summary>
internal sealed partial class SecretsManagerStore : ISecretRotationStore
{
    public async Task<SecretInfo> EnableRotationAsync(LambdaRotationSettings settings, CancellationToken cancellationToken)
    {
        await Translated(settings.Name, () => _client.RotateSecretAsync(new RotateSecretRequest
        {
            SecretId = settings.Name,
            RotationLambdaARN = settings.LambdaArn,
            RotationRules = new RotationRulesType
            {
                AutomaticallyAfterDays = settings.Schedule.AutomaticallyAfterDays,
                ScheduleExpression = settings.Schedule.ScheduleExpression,
                Duration = settings.Schedule.Duration,
            },
            // Always sent: AWS's default (true) would rotate at once, which SecretsTools does only when asked.
            RotateImmediately = settings.RotateImmediately,
        }, cancellationToken)).ConfigureAwait(false);
        return await DescribedAsync(settings.Name, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SecretInfo> DisableRotationAsync(string name, CancellationToken cancellationToken)
    {
        await Translated(name, () => _client.CancelRotateSecretAsync(new CancelRotateSecretRequest { SecretId = name }, cancellationToken)).ConfigureAwait(false);
        return await DescribedAsync(name, cancellationToken).ConfigureAwait(false);
    }

    public async Task<LambdaRotationStarted> RotateNowAsync(string name, CancellationToken cancellationToken)
    {
        // RotateSecret without a Lambda on a secret that has none fails with a message about
        // parameters this call never had; one DescribeSecret first says what is really missing.
        // Managed rotation (RotationEnabled without a Lambda) needs no Lambda, so it passes.
        var info = await DescribedAsync(name, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(info.RotationLambdaArn) && info.RotationEnabled != true)
            throw new SecretStoreException(ErrorIds.RotationNotConfigured, ErrorCategory.InvalidOperation, name,
                $"Secret '{name}' has no rotation Lambda: set one up with Enable-SecretRotation -LambdaArn first; nothing was rotated.");
        var response = await Translated(name, () => _client.RotateSecretAsync(new RotateSecretRequest { SecretId = name }, cancellationToken)).ConfigureAwait(false);
        return new LambdaRotationStarted(response.Name ?? info.Name, response.ARN ?? info.Arn, response.VersionId);
    }

    private async Task<SecretInfo> DescribedAsync(string name, CancellationToken cancellationToken) =>
        await DescribeAsync(name, cancellationToken).ConfigureAwait(false) ?? throw SecretStoreException.NotFound(name, Kind);
}
