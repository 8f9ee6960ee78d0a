namespace SecretsTools.Model;

/// <summary>What Export-SecretInfo writes. One format today; the parameter leaves room for others (Terraform).</summary>
public enum SecretInfoExportFormat
{
    CloudFormation,
}

/// <summary>The serialization of a CloudFormation template.</summary>
public enum CloudFormationTemplateFormat
{
    Yaml,
    Json,
}

/// <summary>
/// Where a Secrets Manager secret's value comes from in an exported template (never from the
/// export: it holds no value). NoEchoParameter: a template parameter with NoEcho that the user
/// supplies at deploy time, so the stack can take over the current value. GenerateSecretString:
/// CloudFormation generates a new random password (for new environments, not for importing).
/// </summary>
public enum CloudFormationSecretValue
{
    NoEchoParameter,
    GenerateSecretString,
}
