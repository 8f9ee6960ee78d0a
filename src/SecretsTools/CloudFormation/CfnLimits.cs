using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SecretsTools.CloudFormation;

/// <summary>
/// CloudFormation's template quotas, checked after the template is written so a large export is
/// told before a deploy fails: 500 resources and 200 parameters per template, and a 51,200-byte
/// body when passed inline (--template-body; larger ones go through S3, --template-url, up to 1 MB).
/// </summary>
internal static class CfnLimits
{
    public const int MaxResources = 500;
    public const int MaxParameters = 200;
    public const int MaxInlineBytes = 51_200;
    public const int MaxS3Bytes = 1_048_576;

    public static IEnumerable<string> Check(CfnTemplate template, string text)
    {
        int parameters = template.Document.Where(p => p.Key == "Parameters").Select(p => ((CfnMap)p.Value!).Count).FirstOrDefault();
        if (template.ResourceCount > MaxResources)
            yield return $"The template has {template.ResourceCount} resources; CloudFormation takes at most {MaxResources}: export fewer at a time (by path or prefix).";
        if (parameters > MaxParameters)
            yield return $"The template has {parameters} parameters (one per value); CloudFormation takes at most {MaxParameters}: export fewer at a time (by path or prefix).";
        int bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > MaxS3Bytes)
            yield return $"The template is {bytes:N0} bytes; CloudFormation takes at most {MaxS3Bytes:N0} (from S3): export fewer at a time.";
        else if (bytes > MaxInlineBytes)
            yield return $"The template is {bytes:N0} bytes, over the {MaxInlineBytes:N0} bytes of --template-body: upload it to S3 and use --template-url.";
    }
}
