using System;
using System.Collections.Generic;
using System.Linq;
using SecretsTools.Model;

namespace SecretsTools.Cost;

/// <summary>One secret or parameter to price: its store, name, tier and replica count.</summary>
internal sealed record CostEntry(SecretStoreKind Store, string Name, string? Tier, int Replicas);

/// <summary>The prices and the read rate Measure-SecretCost uses.</summary>
internal sealed record CostRates
{
    public const decimal DaysPerMonth = 30m;
    public decimal PricePerSecret { get; init; } = 0.40m;
    public decimal PricePer10kCalls { get; init; } = 0.05m;
    public decimal PricePerAdvancedParameter { get; init; } = 0.05m;
    public double ReadsPerDay { get; init; }

    /// <summary>Parameter Store higher throughput is on: its reads are charged like Secrets Manager's.</summary>
    public bool HigherThroughput { get; init; }
}

/// <summary>
/// The monthly cost arithmetic, local and exact (decimal): storage by store, tier and replica,
/// reads at a given rate, summed per name prefix, with the cost of each prefix as one JSON secret.
/// </summary>
internal static class SecretCostCalculator
{
    public static List<SecretCostGroup> Calculate(IEnumerable<CostEntry> entries, int depth, CostRates rates)
    {
        decimal readsPerMonth = (decimal)rates.ReadsPerDay * CostRates.DaysPerMonth;
        return entries
            .GroupBy(e => GroupOf(e.Name, depth), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var secrets = g.Where(e => e.Store == SecretStoreKind.SecretsManager).ToList();
                var parameters = g.Where(e => e.Store == SecretStoreKind.ParameterStore).ToList();
                int advanced = parameters.Count(p => string.Equals(p.Tier, "Advanced", StringComparison.OrdinalIgnoreCase));
                int replicas = secrets.Sum(s => s.Replicas);
                decimal smStorage = (secrets.Count + replicas) * rates.PricePerSecret;
                decimal psStorage = advanced * rates.PricePerAdvancedParameter;
                int chargedReaders = secrets.Count + (rates.HigherThroughput ? parameters.Count : 0);
                decimal apiCost = chargedReaders * readsPerMonth / 10_000m * rates.PricePer10kCalls;
                decimal monthly = smStorage + psStorage + apiCost;
                int maxReplicas = secrets.Count == 0 ? 0 : secrets.Max(s => s.Replicas);
                decimal asOne = (1 + maxReplicas) * rates.PricePerSecret + readsPerMonth / 10_000m * rates.PricePer10kCalls;
                return new SecretCostGroup
                {
                    Group = g.Key,
                    Secrets = secrets.Count,
                    Replicas = replicas,
                    StandardParameters = parameters.Count - advanced,
                    AdvancedParameters = advanced,
                    SecretsManagerStorage = smStorage,
                    ParameterStoreStorage = psStorage,
                    ReadsPerMonth = g.Count() * readsPerMonth,
                    ApiCost = apiCost,
                    MonthlyCost = monthly,
                    AsOneSecret = asOne,
                    Saving = monthly - asOne,
                    PricePerSecret = rates.PricePerSecret,
                    PricePer10kCalls = rates.PricePer10kCalls,
                    PricePerAdvancedParameter = rates.PricePerAdvancedParameter,
                    ReadsPerDay = rates.ReadsPerDay,
                };
            })
            .ToList();
    }

    /// <summary>
    /// The first <paramref name="depth"/> path segments, never the whole name (a name is in its
    /// parent's group), without a leading '/' so /app/x (Parameter Store) and app/y (Secrets
    /// Manager) meet under app/. Names at the top level, and every name at depth 0, are in "/".
    /// </summary>
    public static string GroupOf(string name, int depth)
    {
        var segments = name.Split('/', StringSplitOptions.RemoveEmptyEntries);
        int take = Math.Min(depth, segments.Length - 1);
        return take <= 0 ? "/" : string.Join('/', segments.Take(take)) + "/";
    }
}
