using System.Text;

namespace MemberHub.Payments;

/// <summary>The encodings bank files come in. CP932 needs the code-pages provider, registered once here.</summary>
public static class BankEncodings
{
    static BankEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Shift_JIS as Windows writes it (CP932); strict: bytes that are not CP932 throw.</summary>
    public static Encoding ShiftJis { get; } = CreateShiftJis();

    /// <summary>UTF-8 that throws on invalid bytes, used to sniff whether a file is UTF-8.</summary>
    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static Encoding CreateShiftJis()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <summary>True when every byte sequence is valid UTF-8 and at least one character is not ASCII.</summary>
    public static bool LooksLikeUtf8(ReadOnlySpan<byte> bytes)
    {
        var hasMultiByte = false;
        foreach (var b in bytes)
            if (b >= 0x80) { hasMultiByte = true; break; }
        if (!hasMultiByte) return false;
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
