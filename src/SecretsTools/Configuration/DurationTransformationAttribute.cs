using System;
using System.Management.Automation;

namespace SecretsTools.Configuration;

/// <summary>
/// Lets a TimeSpan parameter take a number of seconds (300, 0.5) or text ("00:05:00", "300")
/// besides a TimeSpan. Without it PowerShell turns 300 into 300 ticks, 30 microseconds: a cache
/// time-to-live that silently caches nothing. Bounded (the default) applies the cache's limits;
/// an age (Get-SecretInfo -NotRotatedFor) sets it false: any length, but never negative.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class DurationTransformationAttribute : ArgumentTransformationAttribute
{
    public bool Bounded { get; set; } = true;

    private TimeSpan Parse(string text) => Bounded ? SettingRules.Duration(text) : Age(SettingRules.AnyDuration(text));

    private static TimeSpan Age(TimeSpan value) =>
        value >= TimeSpan.Zero ? value : throw new ArgumentException($"An age cannot be negative ('{value}'); give one such as 90.00:00:00 (90 days) or 3600 (seconds).");

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        try
        {
            return value switch
            {
                null => null,
                TimeSpan span => Bounded ? span : Age(span),
                string text when text.Length == 0 => null,
                string text => Parse(text),
                byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal =>
                    Parse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!),
                _ => inputData, // PowerShell's own conversion decides, and says why it cannot
            };
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentTransformationMetadataException(ex.Message, ex);
        }
    }
}
