using MemberHub.Common;
using MemberHub.Ledger;

namespace MemberHub.Tests.Unit.Ledger;

public class PaymentAllocatorTests
{
    private static readonly OpenInvoice Fy2024 = new(11, 2024, new DateOnly(2024, 5, 31), new Yen(5_000));
    private static readonly OpenInvoice Fy2025 = new(12, 2025, new DateOnly(2025, 5, 31), new Yen(5_000));
    private static readonly OpenInvoice Fy2026 = new(13, 2026, new DateOnly(2026, 5, 31), new Yen(3_000));

    [Fact]
    public void The_oldest_fiscal_year_is_paid_first_whatever_the_order_given()
    {
        var shares = PaymentAllocator.OldestFirst(new Yen(7_000), [Fy2026, Fy2025, Fy2024]);
        Assert.Equal([new InvoiceShare(11, new Yen(5_000)), new InvoiceShare(12, new Yen(2_000))], shares);
    }

    [Fact]
    public void Within_a_year_the_earlier_due_date_comes_first()
    {
        var late = new OpenInvoice(21, 2026, new DateOnly(2026, 9, 30), new Yen(2_000));
        var early = new OpenInvoice(22, 2026, new DateOnly(2026, 5, 31), new Yen(2_000));
        var shares = PaymentAllocator.OldestFirst(new Yen(3_000), [late, early]);
        Assert.Equal([new InvoiceShare(22, new Yen(2_000)), new InvoiceShare(21, new Yen(1_000))], shares);
    }

    [Fact]
    public void An_invoice_never_takes_more_than_its_balance_and_the_rest_is_left_over()
    {
        var shares = PaymentAllocator.OldestFirst(new Yen(20_000), [Fy2024, Fy2025, Fy2026]);
        Assert.Equal(13_000, shares.Sum(s => s.Amount.Value));
        var check = PaymentAllocator.Check(new Yen(20_000), shares, Balances(Fy2024, Fy2025, Fy2026));
        Assert.True(check.IsValid);
        Assert.Equal(new Yen(7_000), check.Rest);
    }

    [Fact]
    public void Nothing_is_allocated_when_there_are_no_open_invoices()
    {
        Assert.Empty(PaymentAllocator.OldestFirst(new Yen(5_000), []));
    }

    [Fact]
    public void Invoices_with_nothing_left_to_pay_are_skipped()
    {
        var paid = Fy2024 with { Balance = Yen.Zero };
        var shares = PaymentAllocator.OldestFirst(new Yen(1_000), [paid, Fy2025]);
        Assert.Equal([new InvoiceShare(12, new Yen(1_000))], shares);
    }

    [Fact]
    public void More_than_the_balance_of_an_invoice_is_refused()
    {
        var check = PaymentAllocator.Check(new Yen(6_000), [new InvoiceShare(13, new Yen(4_000))], Balances(Fy2026),
            new Dictionary<long, string> { [13] = "2026-00013" });
        Assert.False(check.IsValid);
        Assert.Contains("2026-00013への充当額（4,000円）が未納額（3,000円）を超えています。", check.Errors);
    }

    [Fact]
    public void Allocations_may_not_add_up_to_more_than_the_payment()
    {
        var check = PaymentAllocator.Check(new Yen(6_000),
            [new InvoiceShare(11, new Yen(5_000)), new InvoiceShare(12, new Yen(5_000))], Balances(Fy2024, Fy2025));
        Assert.Contains(check.Errors, e => e.Contains("充当額の合計（10,000円）が入金額（6,000円）を超えています", StringComparison.Ordinal));
    }

    [Fact]
    public void An_invoice_that_is_not_open_cannot_take_money()
    {
        var check = PaymentAllocator.Check(new Yen(5_000), [new InvoiceShare(99, new Yen(5_000))], Balances(Fy2024));
        Assert.False(check.IsValid);
        Assert.Contains("入金を受け付けられる請求書ではありません", check.Errors.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_payment_of_zero_or_less_is_refused()
    {
        Assert.False(PaymentAllocator.Check(Yen.Zero, [], Balances()).IsValid);
        Assert.False(PaymentAllocator.Check(new Yen(-500), [], Balances()).IsValid);
    }

    [Fact]
    public void Negative_shares_are_refused()
    {
        var check = PaymentAllocator.Check(new Yen(1_000), [new InvoiceShare(11, new Yen(-1_000))], Balances(Fy2024));
        Assert.False(check.IsValid);
    }

    [Fact]
    public void A_payment_with_no_invoice_is_all_rest()
    {
        var check = PaymentAllocator.Check(new Yen(10_000), [], Balances(Fy2024));
        Assert.True(check.IsValid);
        Assert.Equal(new Yen(10_000), check.Rest);
    }

    private static Dictionary<long, Yen> Balances(params OpenInvoice[] invoices) =>
        invoices.ToDictionary(i => i.InvoiceId, i => i.Balance);
}
