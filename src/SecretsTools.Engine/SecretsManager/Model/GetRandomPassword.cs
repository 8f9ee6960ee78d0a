using Amazon.Runtime;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Input of the GetRandomPassword operation.
/// </summary>
internal class GetRandomPasswordRequest : SecretsManagerRequest
{
    /// <summary>The length of the password.</summary>
    public long? PasswordLength { get; set; }

    /// <summary>A string of the characters that you don't want in the password.</summary>
    public string? ExcludeCharacters { get; set; }

    /// <summary>Specifies whether to exclude numbers from the password.</summary>
    public bool? ExcludeNumbers { get; set; }

    /// <summary>
    /// Specifies whether to exclude the following punctuation characters from the password: ! " # $ % &amp; ' () * +,
    /// -.
    /// </summary>
    public bool? ExcludePunctuation { get; set; }

    /// <summary>Specifies whether to exclude uppercase letters from the password.</summary>
    public bool? ExcludeUppercase { get; set; }

    /// <summary>Specifies whether to exclude lowercase letters from the password.</summary>
    public bool? ExcludeLowercase { get; set; }

    /// <summary>Specifies whether to include the space character.</summary>
    public bool? IncludeSpace { get; set; }

    /// <summary>Specifies whether to include at least one upper and lowercase letter, one number, and one punctuation.</summary>
    public bool? RequireEachIncludedType { get; set; }
}

/// <summary>
/// Output of the GetRandomPassword operation.
/// </summary>
internal class GetRandomPasswordResponse : AmazonWebServiceResponse
{
    /// <summary>A string with the password. Sensitive: never logged or printed by this module.</summary>
    public string? RandomPassword { get; set; }
}
