using System.Text;
using MemberHub.Text;

namespace MemberHub.Tests.Unit;

public class TextEncodingSnifferTests
{
    private const string Sample = "氏名,フリガナ\r\n髙橋 健一,ﾀｶﾊｼ ｹﾝｲﾁ\r\n";

    [Fact]
    public void A_byte_order_mark_means_utf8()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Sample)).ToArray();
        Assert.Equal(CsvEncoding.Utf8Bom, TextEncodingSniffer.Detect(bytes));
        Assert.Equal(Sample, TextEncodingSniffer.Decode(bytes, CsvEncoding.Utf8Bom));
    }

    [Fact]
    public void Valid_utf8_without_a_mark_is_utf8() =>
        Assert.Equal(CsvEncoding.Utf8, TextEncodingSniffer.Detect(Encoding.UTF8.GetBytes(Sample)));

    [Fact]
    public void Shift_jis_from_excel_is_recognised_and_read_with_the_cp932_extensions()
    {
        var bytes = TextEncodingSniffer.ShiftJis.GetBytes(Sample + "①\r\n");
        Assert.Equal(CsvEncoding.ShiftJis, TextEncodingSniffer.Detect(bytes));
        Assert.Equal(Sample + "①\r\n", TextEncodingSniffer.Decode(bytes, CsvEncoding.ShiftJis));
    }

    [Fact]
    public void Plain_ascii_counts_as_utf8() =>
        Assert.Equal(CsvEncoding.Utf8, TextEncodingSniffer.Detect("name,kana\r\n"u8));
}
