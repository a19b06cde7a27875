using System.Net.Sockets;
using MailKit.Net.Smtp;
using MemberHub.Messaging;
using MemberHub.Web.Outbox;
using MimeKit;

namespace MemberHub.Tests.Unit.Outbox;

public class OutboxRulesTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(3, 15)]
    [InlineData(4, 60)]
    [InlineData(7, 480)]
    [InlineData(20, 480)]
    public void Each_failed_attempt_waits_longer_before_the_next(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), OutboxRetry.DelayAfter(attempts));

    [Fact]
    public void The_sender_gives_up_after_the_last_attempt()
    {
        Assert.False(OutboxRetry.GivesUp(7, OutboxRetry.DefaultMaxAttempts));
        Assert.True(OutboxRetry.GivesUp(8, OutboxRetry.DefaultMaxAttempts));
    }

    [Fact]
    public void An_unknown_mailbox_is_permanent_and_names_the_address()
    {
        var e = new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable,
            new MailboxAddress("山田 花子", "hanako@example.jp"), "5.1.1 User unknown");
        var f = MailFailure.Classify(e);
        Assert.True(f.Permanent);
        Assert.Contains("hanako@example.jp", f.Reason);
        Assert.Contains("550", f.Reason);
    }

    [Fact]
    public void A_busy_mailbox_is_temporary()
    {
        var e = new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxBusy,
            new MailboxAddress("", "hanako@example.jp"), "4.2.1 Try later");
        Assert.False(MailFailure.Classify(e).Permanent);
    }

    [Fact]
    public void Refused_connections_and_timeouts_are_temporary()
    {
        var refused = MailFailure.Classify(new SocketException((int)SocketError.ConnectionRefused));
        Assert.False(refused.Permanent);
        Assert.Contains("接続を拒否されました", refused.Reason);
        Assert.False(MailFailure.Classify(new TimeoutException()).Permanent);
        Assert.False(MailFailure.Classify(new IOException("reset")).Permanent);
    }
}
