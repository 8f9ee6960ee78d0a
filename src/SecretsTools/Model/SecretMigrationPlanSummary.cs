using System;
using System.Globalization;
using System.Text;

namespace SecretsTools.Model;

/// <summary>
/// What a migration plan adds up to: the counts of its actions, what the run will cost in API
/// calls and time at the services' quotas, and the monthly Secrets Manager cost with and without
/// grouping, so a user sees what grouping saves before anything is written. New-SecretMigrationPlan
/// writes it to the information stream (tags PSHOST and SecretsTools.PlanSummary); ToString is
/// the text the host shows.
/// </summary>
public sealed record SecretMigrationPlanSummary
{
    public SecretStoreKind DestinationStore { get; init; }

    public int Items { get; init; }
    public int Create { get; init; }
    public int Update { get; init; }
    public int Skip { get; init; }
    public int Conflict { get; init; }

    /// <summary>The destination secrets (or parameters) the plan accounts for after it runs: its Create, Update and Skip items.</summary>
    public int SecretsAfter { get; init; }

    /// <summary>How many there would be with one per source (what grouping saves): SecretsAfter when nothing is grouped.</summary>
    public int SecretsWithoutGrouping { get; init; }

    /// <summary>
    /// The API calls the run is expected to make: batched reads of the sources and of the
    /// destinations, one write per Create and Update, and batched reads to verify what was written.
    /// </summary>
    public int ApiCalls { get; init; }

    /// <summary>The time those calls take at the documented rate quotas (e.g. PutParameter 3 a second).</summary>
    public double EstimatedSeconds { get; init; }

    /// <summary>Secrets Manager secrets after the run, times PricePerSecret; Parameter Store Standard parameters are free.</summary>
    public decimal MonthlyCost { get; init; }

    public decimal MonthlyCostWithoutGrouping { get; init; }

    public decimal PricePerSecret { get; init; }

    /// <summary>A readable summary for an 80-column terminal, the grouping saving side by side.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        string store = DestinationStore == SecretStoreKind.ParameterStore ? "Parameter Store" : "Secrets Manager";
        text.AppendLine(Invariant($"Migration plan to {store}: {Count(Items, "item")}"));
        text.AppendLine(Invariant($"  Create {Create:N0}, Update {Update:N0}, Skip {Skip:N0}, Conflict {Conflict:N0}"));
        text.AppendLine(Invariant($"  About {ApiCalls:N0} API calls, {Duration(EstimatedSeconds)} at the service quotas"));
        if (DestinationStore == SecretStoreKind.ParameterStore)
        {
            text.Append(Invariant($"  {Count(SecretsAfter, "parameter")} after the run; Standard parameters are free"));
            return text.ToString();
        }
        text.AppendLine();
        text.AppendLine(Invariant($"  {"",-28}{"With grouping",15}{"Without grouping",19}"));
        text.AppendLine(Invariant($"  {"Secrets Manager secrets",-28}{SecretsAfter,15:N0}{SecretsWithoutGrouping,19:N0}"));
        text.Append(Invariant($"  {"Monthly cost, " + Money(PricePerSecret) + " each",-28}{Money(MonthlyCost),15}{Money(MonthlyCostWithoutGrouping),19}"));
        decimal saving = MonthlyCostWithoutGrouping - MonthlyCost;
        if (saving > 0) text.AppendLine().Append(Invariant($"  Grouping saves {Money(saving)} a month."));
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Count(int n, string noun) => Invariant($"{n:N0} {noun}{(n == 1 ? "" : "s")}");

    private static string Money(decimal amount) => "$" + amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string Duration(double seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Ceiling(seconds));
        if (seconds <= 0) return "0 s";
        if (seconds < 60) return Invariant($"{Math.Max(seconds, 0.1):0.#} s");
        if (span.TotalHours < 1) return Invariant($"{span.Minutes} min {span.Seconds} s");
        return Invariant($"{(int)span.TotalHours} h {span.Minutes} min");
    }
}
