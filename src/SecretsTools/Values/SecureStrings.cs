using System;
using System.Runtime.InteropServices;
using System.Security;

namespace SecretsTools.Values;

/// <summary>Conversions between SecureString and string, zeroing the unmanaged copy.</summary>
internal static class SecureStrings
{
    public static SecureString FromString(string value)
    {
        var secure = new SecureString();
        foreach (char c in value) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    public static string ToPlainText(SecureString secure)
    {
        IntPtr pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
        try { return Marshal.PtrToStringUni(pointer) ?? ""; }
        finally { Marshal.ZeroFreeGlobalAllocUnicode(pointer); }
    }
}
