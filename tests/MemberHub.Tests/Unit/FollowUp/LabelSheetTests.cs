using MemberHub.FollowUp;
using Microsoft.AspNetCore.DataProtection;

namespace MemberHub.Tests.Unit.FollowUp;

public class LabelSheetTests
{
    [Fact]
    public void The_first_label_sits_at_the_margins() =>
        Assert.Equal(new LabelPosition(0, 18.6, 21.6), LabelSheet.A4x12.Position(0));

    [Fact]
    public void Labels_fill_a_row_left_to_right_then_go_down() =>
        Assert.Equal((new LabelPosition(0, 105, 21.6), new LabelPosition(0, 18.6, 63.9)),
            (LabelSheet.A4x12.Position(1), LabelSheet.A4x12.Position(2)));

    [Fact]
    public void The_last_label_of_a_sheet_ends_at_the_bottom_margin()
    {
        var last = LabelSheet.A4x12.Position(11);
        Assert.Equal(new LabelPosition(0, 105, 233.1), last);
        Assert.Equal(275.4, Math.Round(last.YMm + LabelSheet.A4x12.LabelHeightMm, 3));
    }

    [Fact]
    public void The_thirteenth_label_starts_the_second_sheet() =>
        Assert.Equal(new LabelPosition(1, 18.6, 21.6), LabelSheet.A4x12.Position(12));

    [Fact]
    public void Twenty_four_labels_are_three_across_eight_down()
    {
        var s = LabelSheet.A4x24;
        Assert.Equal(24, s.PerPage);
        Assert.Equal(new LabelPosition(0, 140, 12.9), s.Position(2));
        Assert.Equal(new LabelPosition(0, 0, 46.8), s.Position(3));
        Assert.Equal(new LabelPosition(0, 140, 250.2), s.Position(23));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(12, 1)]
    [InlineData(13, 2)]
    [InlineData(25, 3)]
    public void Sheets_needed(int labels, int sheets) => Assert.Equal(sheets, LabelSheet.A4x12.PagesFor(labels));

    [Fact]
    public void An_envelope_holds_one_address_per_page() =>
        Assert.Equal(new LabelPosition(3, 15, 30), LabelSheet.Naga3.Position(3));

    [Fact]
    public void The_standard_sheets_fit_their_paper()
    {
        foreach (var s in LabelSheet.All) Assert.Empty(s.Check());
    }

    [Fact]
    public void A_layout_running_off_the_page_is_reported()
    {
        var tooWide = LabelSheet.A4x12 with { LeftMm = 40 };
        Assert.Contains("ラベルが用紙の右端からはみ出します。", tooWide.Check());
        var overlapping = LabelSheet.A4x24 with { PitchYMm = 30 };
        Assert.Contains("ラベルの間隔がラベルの大きさより小さく、重なってしまいます。", overlapping.Check());
    }

    [Fact]
    public void Millimetres_become_points() => Assert.Equal(595.28f, LabelSheet.Points(210), 0.01f);
}

public class UnsubscribeTokenTests
{
    private static readonly IDataProtectionProvider Keys = new EphemeralDataProtectionProvider();
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void A_token_reads_back_as_the_claim_it_was_made_from()
    {
        var tokens = new UnsubscribeToken(Keys);
        var claim = new UnsubscribeClaim(42, 1, 7, Today.AddDays(365));
        var read = tokens.Read(tokens.Create(claim), Today);
        Assert.Equal(UnsubscribeTokenStatus.Valid, read.Status);
        Assert.Equal(claim, read.Claim);
    }

    [Fact]
    public void A_mail_of_no_list_carries_no_list() =>
        Assert.Null(new UnsubscribeToken(Keys).Read(new UnsubscribeToken(Keys).Create(new(42, null, 7, Today)), Today).Claim!.MailingListId);

    [Fact]
    public void A_token_works_on_its_last_day_and_not_after()
    {
        var tokens = new UnsubscribeToken(Keys);
        var token = tokens.Create(new UnsubscribeClaim(42, 1, 7, Today));
        Assert.Equal(UnsubscribeTokenStatus.Valid, tokens.Read(token, Today).Status);
        var expired = tokens.Read(token, Today.AddDays(1));
        Assert.Equal(UnsubscribeTokenStatus.Expired, expired.Status);
    }

    [Fact]
    public void A_changed_character_makes_the_token_invalid()
    {
        var tokens = new UnsubscribeToken(Keys);
        var token = tokens.Create(new UnsubscribeClaim(42, 1, 7, Today.AddDays(10)));
        var i = token.Length / 2;
        var tampered = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
        Assert.Equal(UnsubscribeTokenStatus.Invalid, tokens.Read(tampered, Today).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("test")]
    [InlineData("%%%")]
    public void Garbage_is_invalid(string? token) =>
        Assert.Equal(UnsubscribeTokenStatus.Invalid, new UnsubscribeToken(Keys).Read(token, Today).Status);

    [Fact]
    public void Tokens_of_another_key_ring_are_invalid()
    {
        var token = new UnsubscribeToken(new EphemeralDataProtectionProvider()).Create(new UnsubscribeClaim(42, 1, 7, Today));
        Assert.Equal(UnsubscribeTokenStatus.Invalid, new UnsubscribeToken(Keys).Read(token, Today).Status);
    }
}
