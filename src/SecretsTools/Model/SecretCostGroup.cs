namespace SecretsTools.Model;

/// <summary>
/// What Measure-SecretCost emits: the estimated monthly cost of the secrets and parameters under
/// one name prefix (Group), by store, tier and replica, and what the group would cost as one JSON
/// secret. Amounts are US dollars for a 30-day month at the prices the row names (the defaults
/// are the list prices; see the cmdlet's help). Nothing here is read from AWS billing.
/// </summary>
public sealed record SecretCostGroup
{
    /// <summary>The first N path segments of the names (Measure-SecretCost -GroupByDepth), ending in '/'; "/" for names at the top level.</summary>
    public string Group { get; init; } = "";

    /// <summary>Secrets Manager secrets (primaries).</summary>
    public int Secrets { get; init; }

    /// <summary>Their replicas in other Regions, each billed as a secret.</summary>
    public int Replicas { get; init; }

    /// <summary>Parameter Store Standard (and Intelligent-Tiering) parameters: free to store.</summary>
    public int StandardParameters { get; init; }

    public int AdvancedParameters { get; init; }

    /// <summary>(Secrets + Replicas) × PricePerSecret.</summary>
    public decimal SecretsManagerStorage { get; init; }

    /// <summary>AdvancedParameters × PricePerAdvancedParameter.</summary>
    public decimal ParameterStoreStorage { get; init; }

    /// <summary>Reads a month: ReadsPerDay × 30 for every secret and parameter of the group.</summary>
    public decimal ReadsPerMonth { get; init; }

    /// <summary>The charged reads ÷ 10,000 × PricePer10kCalls (Parameter Store reads only with -HigherThroughput).</summary>
    public decimal ApiCost { get; init; }

    public decimal MonthlyCost { get; init; }

    /// <summary>
    /// The group as one JSON secret: one secret with the group's most replicas, read ReadsPerDay
    /// times a day (one read returns every value). Does not check the 65,536-character limit.
    /// </summary>
    public decimal AsOneSecret { get; init; }

    /// <summary>MonthlyCost − AsOneSecret: what grouping would save (negative: it would cost more).</summary>
    public decimal Saving { get; init; }

    public decimal PricePerSecret { get; init; }
    public decimal PricePer10kCalls { get; init; }
    public decimal PricePerAdvancedParameter { get; init; }
    public double ReadsPerDay { get; init; }

    public override string ToString() => $"{Group} {MonthlyCost:0.00}";
}
