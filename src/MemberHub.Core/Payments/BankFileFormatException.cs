namespace MemberHub.Payments;

/// <summary>
/// A bank file that cannot be imported as it is. The message is in Japanese and meant for the treasurer:
/// it says what is wrong and, where it can, in which record. Nothing of such a file is imported.
/// </summary>
public sealed class BankFileFormatException : Exception
{
    public BankFileFormatException(string message) : base(message) { }

    public BankFileFormatException(string message, Exception inner) : base(message, inner) { }

    /// <summary>1-based number of the record (Zengin) or line (CSV) at fault, when there is one.</summary>
    public int? RecordNumber { get; init; }
}
