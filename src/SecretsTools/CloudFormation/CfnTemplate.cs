using System.Collections.Generic;
using SecretsTools.Model;

namespace SecretsTools.CloudFormation;

/// <summary>What CfnTemplateBuilder makes: the template, its import list, and what it had to leave out.</summary>
internal sealed class CfnTemplate
{
    public CfnMap Document { get; set; } = new();
    public List<CloudFormationImportItem> Imports { get; } = new();

    /// <summary>SecureString parameters, which CloudFormation cannot create (named in the Description).</summary>
    public List<string> LeftOut { get; } = new();

    /// <summary>Things the user should know (a rotation without a Lambda, a secret without an ARN); no values.</summary>
    public List<string> Warnings { get; } = new();

    public int ResourceCount { get; set; }
}
