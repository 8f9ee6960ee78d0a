using System;
using System.Globalization;
using System.Management.Automation;
using System.Text.RegularExpressions;
using SecretsTools.Stores;

namespace SecretsTools.Rotation;

/// <summary>
/// Secrets Manager's rotation rules, checked before any call so a typo costs nothing and changes
/// nothing. Figures from the API model (botocore secretsmanager 2017-10-17, RotationRulesType):
/// AutomaticallyAfterDays 1-1000; Duration "[0-9]+h", 2-3 characters, and a window cannot pass
/// the end of the UTC day, so at most 24h; ScheduleExpression 1-256 characters of
/// [0-9A-Za-z()#?*-/, ], a rate() in hours or days ("as often as every four hours") or a cron().
/// </summary>
internal static class RotationScheduleRules
{
    public const int MinDays = 1;
    public const int MaxDays = 1000;
    public const int MinRateHours = 4;
    public const int MaxDurationHours = 24;
    private const int MaxExpressionLength = 256;

    private static readonly Regex ExpressionCharacters = new(@"^[0-9A-Za-z()#?*\-/, ]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Rate = new(@"^rate\(\s*(?<n>[0-9]+)\s+(?<unit>hours?|days?)\s*\)$", RegexOptions.CultureInvariant);
    private static readonly Regex Cron = new(@"^cron\((?<fields>[^()]*(\([^()]*\))?[^()]*)\)$", RegexOptions.CultureInvariant);
    private static readonly Regex DurationPattern = new(@"^(?<h>[0-9]{1,2})h$", RegexOptions.CultureInvariant);

    // arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME[:VERSION-OR-ALIAS]; names are 1-64 of
    // [A-Za-z0-9_-], qualifiers a version number, $LATEST or an alias.
    private static readonly Regex LambdaArnPattern = new(
        @"^arn:aws[a-z-]*:lambda:[a-z]{2}(-[a-z]+)+-[0-9]+:[0-9]{12}:function:[A-Za-z0-9_-]{1,64}(:(\$LATEST|[A-Za-z0-9_-]{1,128}))?$",
        RegexOptions.CultureInvariant);

    /// <summary>The rules to send, or SecretStoreException(InvalidRotationSchedule) naming what is wrong.</summary>
    public static RotationSchedule Validate(string? name, int? rotateAfterDays, string? scheduleExpression, string? duration)
    {
        if (rotateAfterDays is not null && scheduleExpression is not null)
            throw Invalid(name, "-RotateAfterDays and -Schedule are exclusive: Secrets Manager takes one of AutomaticallyAfterDays and ScheduleExpression.");
        if (rotateAfterDays is null && scheduleExpression is null)
            throw Invalid(name, "Give a rotation schedule: -RotateAfterDays <1-1000> or -Schedule 'rate(...)' / 'cron(...)'.");
        if (rotateAfterDays is { } days && (days < MinDays || days > MaxDays))
            throw Invalid(name, $"-RotateAfterDays {days} is out of range: Secrets Manager rotates every {MinDays} to {MaxDays} days.");
        string? expression = scheduleExpression?.Trim();
        if (expression is not null) ValidateExpression(name, expression);
        string? window = duration?.Trim();
        if (window is not null) ValidateDuration(name, window);
        return new RotationSchedule(rotateAfterDays, expression, window);
    }

    public static void ValidateLambdaArn(string? name, string lambdaArn)
    {
        if (!LambdaArnPattern.IsMatch(lambdaArn))
            throw new SecretStoreException(ErrorIds.InvalidLambdaArn, ErrorCategory.InvalidArgument, name,
                $"'{lambdaArn}' is not a Lambda function ARN: expected arn:aws:lambda:<region>:<12-digit account>:function:<name>[:<version or alias>].");
    }

    private static void ValidateExpression(string? name, string expression)
    {
        if (expression.Length > MaxExpressionLength || !ExpressionCharacters.IsMatch(expression))
            throw Invalid(name, $"-Schedule '{expression}' has characters Secrets Manager does not take, or is longer than {MaxExpressionLength}: use letters, digits, spaces and ( ) # ? * - / , only.");
        if (expression.StartsWith("rate(", StringComparison.Ordinal))
        {
            var rate = Rate.Match(expression);
            if (!rate.Success)
                throw Invalid(name, $"-Schedule '{expression}' is not a rate expression: write rate(<n> hours) or rate(<n> days), e.g. rate(12 hours) or rate(10 days).");
            if (!long.TryParse(rate.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long n) || n < 1)
                throw Invalid(name, $"-Schedule '{expression}': the interval must be a positive whole number.");
            bool hours = rate.Groups["unit"].Value.StartsWith("hour", StringComparison.Ordinal);
            if (hours && n < MinRateHours)
                throw Invalid(name, $"-Schedule '{expression}': Secrets Manager rotates at most every {MinRateHours} hours.");
            if ((hours ? n / 24.0 : n) > MaxDays)
                throw Invalid(name, $"-Schedule '{expression}': Secrets Manager rotates at least every {MaxDays} days.");
            return;
        }
        if (expression.StartsWith("cron(", StringComparison.Ordinal))
        {
            var cron = Cron.Match(expression);
            string[] fields = cron.Success ? cron.Groups["fields"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) : Array.Empty<string>();
            if (fields.Length != 6)
                throw Invalid(name, $"-Schedule '{expression}' is not a cron expression of six fields: cron(minutes hours day-of-month month day-of-week year), e.g. cron(0 4 ? * SUN *).");
            // As in every AWS cron: one of the two day fields must be '?'.
            if (fields[2] != "?" && fields[4] != "?")
                throw Invalid(name, $"-Schedule '{expression}': one of day-of-month (3rd field) and day-of-week (5th field) must be '?'.");
            return;
        }
        throw Invalid(name, $"-Schedule '{expression}' is neither rate(...) nor cron(...).");
    }

    private static void ValidateDuration(string? name, string duration)
    {
        var match = DurationPattern.Match(duration);
        if (!match.Success || int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) is < 1 or > MaxDurationHours)
            throw Invalid(name, $"-Duration '{duration}' is not a rotation window: give whole hours from 1h to {MaxDurationHours}h, e.g. 3h.");
    }

    private static SecretStoreException Invalid(string? name, string message) =>
        new(ErrorIds.InvalidRotationSchedule, ErrorCategory.InvalidArgument, name, message);
}
