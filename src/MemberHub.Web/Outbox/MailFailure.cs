using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace MemberHub.Web.Outbox;

/// <summary>
/// Why a message could not be sent, in words staff can act on, and whether trying again later can help.
/// SMTP 4xx replies, refused connections, timeouts and dropped connections are temporary; 5xx replies
/// (unknown mailbox, rejected sender or content) are permanent.
/// </summary>
public sealed record MailFailure(bool Permanent, string Reason)
{
    public static MailFailure Classify(Exception e) => e switch
    {
        SmtpCommandException c when (int)c.StatusCode >= 500 => new(true, PermanentReason(c)),
        SmtpCommandException c => new(false, $"メールサーバーが一時的に受け付けませんでした。時間をおいて再送します（サーバーの応答：{(int)c.StatusCode} {c.Message}）。"),
        AuthenticationException => new(false, "メールサーバーへのログインに失敗しました。SMTPのユーザー名とパスワードを確認してください。"),
        SslHandshakeException => new(false, "メールサーバーと暗号化通信を始められませんでした。SMTPのポートと暗号化の設定を確認してください。"),
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => new(false, "メールサーバーに接続できませんでした（接続を拒否されました）。時間をおいて再送します。"),
        SocketException => new(false, "メールサーバーに接続できませんでした。時間をおいて再送します。"),
        TimeoutException or OperationCanceledException => new(false, "メールサーバーから応答がありませんでした（タイムアウト）。時間をおいて再送します。"),
        ProtocolException or IOException or ServiceNotConnectedException => new(false, "メールサーバーとの通信が途中で切れました。時間をおいて再送します。"),
        _ => new(false, "送信中に予期しないエラーが発生しました（" + e.GetType().Name + "）：" + e.Message),
    };

    private static string PermanentReason(SmtpCommandException c)
    {
        var what = c.ErrorCode switch
        {
            SmtpErrorCode.RecipientNotAccepted => $"宛先のメールアドレス（{c.Mailbox?.Address}）がメールサーバーに受け付けられませんでした。アドレスが正しいか確認してください。",
            SmtpErrorCode.SenderNotAccepted => "送信元のメールアドレスがメールサーバーに受け付けられませんでした。SMTPの送信元アドレスの設定を確認してください。",
            _ => "メールがメールサーバーに受け付けられませんでした。",
        };
        return $"{what}（サーバーの応答：{(int)c.StatusCode} {c.Message}）";
    }
}
