using System;
using System.Threading;

namespace SecretsTools.Configuration;

/// <summary>
/// The Process scope: settings in memory, shared by every runspace of this process (as the AWS
/// clients are), gone when it exits. Immutable values swapped as a whole, so a command that
/// runs while another runspace changes a setting sees either all of the change or none of it.
/// </summary>
internal static class ProcessConfiguration
{
    private static ConfigurationValues _values = ConfigurationValues.Empty;

    public static ConfigurationValues Current => Volatile.Read(ref _values);

    public static ConfigurationValues Update(Func<ConfigurationValues, ConfigurationValues> change)
    {
        while (true)
        {
            var before = Current;
            var after = change(before);
            if (ReferenceEquals(Interlocked.CompareExchange(ref _values, after, before), before)) return after;
        }
    }
}
