using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using SecretsTools.AwsJson.Protocol;
using SecretsTools.SecretsManager.Model;
using SecretsTools.Stores;
using SecretsTools.Stores.SecretsManager;
using Xunit;
using Xunit.Abstractions;

namespace SecretsTools.Tests.SecretsManagerClient;

/// <summary>
/// Our Secrets Manager client against the official API model (botocore's service-2.json, which
/// is installed with moto): every operation and member we model has the model's exact JSON name
/// and a type that travels as the model says (timestamps as epoch seconds, blobs as base64,
/// longs as 64-bit), and every error the model lists has its own ErrorId.
/// </summary>
public class ApiModelConformanceTests(ITestOutputHelper output)
{
    internal static readonly Lazy<JsonDocument?> Model = new(LoadModel);

    private static JsonDocument? LoadModel()
    {
        var dir = BotocoreDirectory();
        if (dir is null) return null;
        var path = Path.Combine(dir, "data", "secretsmanager", "2017-10-17", "service-2.json");
        if (File.Exists(path)) return JsonDocument.Parse(File.ReadAllBytes(path));
        if (!File.Exists(path + ".gz")) return null;
        using var gz = new GZipStream(File.OpenRead(path + ".gz"), CompressionMode.Decompress);
        return JsonDocument.Parse(gz);
    }

    private static string? BotocoreDirectory()
    {
        foreach (var python in new[] { "python3", "python" })
        {
            try
            {
                var start = new ProcessStartInfo(python, new[] { "-c", "import botocore,os;print(os.path.dirname(botocore.__file__))" })
                { RedirectStandardOutput = true, RedirectStandardError = true };
                using var process = Process.Start(start)!;
                string dir = process.StandardOutput.ReadToEnd().Trim();
                process.WaitForExit(30_000);
                if (process.ExitCode == 0 && Directory.Exists(dir)) return dir;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // no such interpreter: try the next
            }
        }
        return null;
    }

    private static JsonElement Shapes => Model.Value!.RootElement.GetProperty("shapes");

    private static void RequireModel() => Assert.NotNull(Model.Value);

    /// <summary>Operation name to request and response type, from the client's methods.</summary>
    private static IEnumerable<(string Operation, Type Request, Type Response)> OurOperations() =>
        typeof(SecretsTools.SecretsManager.SecretsManagerClient).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal) && m.GetParameters().FirstOrDefault()?.ParameterType.IsSubclassOf(typeof(SecretsManagerRequest)) == true)
            .Select(m => (m.Name[..^"Async".Length], m.GetParameters()[0].ParameterType, m.ReturnType.GetGenericArguments()[0]));

    [ApiModelFact]
    public void Every_operation_we_model_is_in_the_API_model_with_its_input_and_output()
    {
        RequireModel();
        var operations = Model.Value!.RootElement.GetProperty("operations");
        var ours = OurOperations().ToList();
        Assert.True(ours.Count >= 20, $"found only {ours.Count} operations on the client");
        var problems = new List<string>();
        foreach (var (operation, request, response) in ours)
        {
            if (!operations.TryGetProperty(operation, out var op)) { problems.Add($"{operation}: not an operation of the API"); continue; }
            CompareShape(ShapeName(op, "input"), request, operation + " input", problems, new HashSet<string>());
            CompareShape(ShapeName(op, "output"), response, operation + " output", problems, new HashSet<string>());
        }
        output.WriteLine($"{ours.Count} operations checked.");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static string? ShapeName(JsonElement operation, string part) =>
        operation.TryGetProperty(part, out var io) ? io.GetProperty("shape").GetString() : null;

    private static void CompareShape(string? shapeName, Type type, string where, List<string> problems, HashSet<string> seen)
    {
        var members = OurMembers(type).ToList();
        if (shapeName is null)
        {
            if (members.Count > 0) problems.Add($"{where}: the API has no shape, we model {members.Count} members");
            return;
        }
        if (!seen.Add(shapeName + "|" + type.FullName)) return;
        var shape = Shapes.GetProperty(shapeName);
        var modelMembers = shape.TryGetProperty("members", out var m) ? m : default;
        foreach (var property in members)
        {
            if (modelMembers.ValueKind != JsonValueKind.Object || !modelMembers.TryGetProperty(property.Name, out var member))
            {
                problems.Add($"{where}: {type.Name}.{property.Name} is not a member of {shapeName} (names are case-sensitive)");
                continue;
            }
            CompareType(member.GetProperty("shape").GetString()!, property.PropertyType, $"{where}: {type.Name}.{property.Name}", problems, seen);
        }
    }

    /// <summary>The members that travel: those our model declares (ModelContract drops the SDK base classes').</summary>
    private static IEnumerable<PropertyInfo> OurMembers(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.DeclaringType?.Assembly == typeof(SecretsManagerRequest).Assembly);

    private static void CompareType(string shapeName, Type type, string where, List<string> problems, HashSet<string> seen)
    {
        var shape = Shapes.GetProperty(shapeName);
        string kind = shape.GetProperty("type").GetString()!;
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        bool ok = kind switch
        {
            "string" => plain == typeof(string),
            "timestamp" => plain == typeof(DateTime), // epoch seconds through EpochSecondsDateTimeConverter (checked below)
            "blob" => plain == typeof(byte[]), // base64 (checked below)
            "long" => plain == typeof(long),
            "integer" => plain == typeof(int) || plain == typeof(long),
            "boolean" => plain == typeof(bool),
            "double" or "float" => plain == typeof(double) || plain == typeof(decimal),
            "list" => plain.IsGenericType && typeof(IList).IsAssignableFrom(plain),
            "map" => plain.IsGenericType && plain.GetGenericTypeDefinition() == typeof(Dictionary<,>) && plain.GetGenericArguments()[0] == typeof(string),
            "structure" => plain.IsClass && plain != typeof(string),
            _ => false,
        };
        if (!ok) { problems.Add($"{where}: {Describe(type)} cannot carry the API's {kind} ({shapeName})"); return; }
        switch (kind)
        {
            case "list":
                CompareType(shape.GetProperty("member").GetProperty("shape").GetString()!, plain.GetGenericArguments()[0], where + "[]", problems, seen);
                break;
            case "map":
                CompareType(shape.GetProperty("value").GetProperty("shape").GetString()!, plain.GetGenericArguments()[1], where + "{}", problems, seen);
                break;
            case "structure":
                CompareShape(shapeName, plain, where, problems, seen);
                break;
        }
    }

    private static string Describe(Type type) => type.IsGenericType ? $"{type.Name}<{string.Join(",", type.GetGenericArguments().Select(a => a.Name))}>" : type.Name;

    [ApiModelFact]
    public void Timestamps_blobs_and_longs_travel_as_the_model_says()
    {
        RequireModel();
        Assert.Equal("timestamp", Shapes.GetProperty("CreatedDateType").GetProperty("type").GetString());
        Assert.Equal("blob", Shapes.GetProperty("SecretBinaryType").GetProperty("type").GetString());
        Assert.Equal("long", Shapes.GetProperty("AutomaticallyRotateAfterDaysType").GetProperty("type").GetString());

        var rules = new RotationRulesType { AutomaticallyAfterDays = 3_000_000_000L };
        var json = JsonSerializer.SerializeToElement(rules, AwsJsonSerialization.Options);
        Assert.Equal(3_000_000_000L, json.GetProperty("AutomaticallyAfterDays").GetInt64());

        var body = JsonDocument.Parse(AwsJsonRequestMarshaller.SerializeBody(new PutSecretValueRequest { SecretId = "x", SecretBinary = new byte[] { 0, 1, 254, 255 } })).RootElement;
        Assert.Equal("AAH+/w==", body.GetProperty("SecretBinary").GetString());

        var read = JsonSerializer.Deserialize<DescribeSecretResponse>("{\"CreatedDate\":1700000000.5,\"DeletedDate\":1700000001}", AwsJsonSerialization.Options)!;
        Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, 500, DateTimeKind.Utc), read.CreatedDate);
        Assert.Equal(DateTimeKind.Utc, read.CreatedDate!.Value.Kind);
    }

    [ApiModelFact]
    public void Every_error_in_the_model_has_its_own_ErrorId()
    {
        RequireModel();
        var codes = Shapes.EnumerateObject()
            .Where(s => s.Value.TryGetProperty("exception", out var e) && e.GetBoolean())
            .Select(s => s.Name).ToList();
        Assert.True(codes.Count >= 12, $"the model lists only {codes.Count} errors");
        var generic = codes.Where(code => SecretsManagerErrors.Translate(code, "from the model", "x").ErrorId == ErrorIds.AwsRequestFailed).ToList();
        Assert.True(generic.Count == 0, "mapped to the generic AwsRequestFailed: " + string.Join(", ", generic));
        Assert.Equal(codes.Count, codes.Select(code => SecretsManagerErrors.Translate(code, "m", "x").ErrorId).Distinct().Count());
        output.WriteLine(string.Join(Environment.NewLine, codes.Select(c => $"{c} -> {SecretsManagerErrors.Translate(c, "m", "x").ErrorId}")));
    }
}

/// <summary>
/// A fact that is skipped, saying why, when botocore (and with it the API model) is not installed.
/// xunit 2 has no skipping from inside a test, so the attribute decides when tests are discovered.
/// </summary>
public sealed class ApiModelFactAttribute : FactAttribute
{
    public ApiModelFactAttribute()
    {
        if (ApiModelConformanceTests.Model.Value is null)
            Skip = "botocore is not installed (pip install botocore, or moto[server]): the API model secretsmanager/2017-10-17/service-2.json cannot be read.";
    }
}
