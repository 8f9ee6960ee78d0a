using System;
using System.Collections.Generic;

namespace SecretsTools.Tests.Infrastructure.Proxy;

/// <summary>
/// One rate limit, shared by the operations it lists (X-Amz-Target values such as
/// "secretsmanager.CreateSecret" or "AmazonSSM.GetParameter"). A call over it is answered with
/// <see cref="ErrorCode"/> (ThrottlingException, or TooManyUpdates for Parameter Store writes).
/// </summary>
public sealed record Quota(string Name, double RatePerSecond, IReadOnlyList<string> Operations)
{
    public const string Throttling = "ThrottlingException";
    public const string TooManyUpdates = "TooManyUpdates";

    public Quota(string name, double ratePerSecond, params string[] operations)
        : this(name, ratePerSecond, (IReadOnlyList<string>)operations)
    {
    }

    /// <summary>Calls allowed at once after a quiet spell; one second's worth (at least one) unless set.</summary>
    public double? Burst { get; init; }

    public string ErrorCode { get; init; } = Throttling;

    internal double EffectiveBurst => Burst ?? Math.Max(1, RatePerSecond);
}
