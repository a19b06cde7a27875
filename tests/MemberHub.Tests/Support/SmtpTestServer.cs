using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace MemberHub.Tests.Support;

/// <summary>
/// A minimal SMTP server on 127.0.0.1 (no TLS, no AUTH) that keeps every message it receives, so tests
/// can let MailKit hold a real SMTP conversation and then read what was sent. Point the app at it with
/// <see cref="Configure"/> before the factory starts.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public SmtpTestServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    /// <summary>Give as a reply to close the connection without answering, as a crashed or unreachable server would.</summary>
    public const string DropConnection = "DROP";

    private readonly ConcurrentDictionary<string, string> _recipientReplies = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _recipientAttempts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How the server answers RCPT TO for this address from now on: "451 4.3.0 Try again later" (temporary),
    /// "550 5.1.1 User unknown" (permanent), <see cref="DropConnection"/>, or null for the normal "250 OK".
    /// </summary>
    public void ReplyToRecipient(string address, string? reply)
    {
        if (reply is null) _recipientReplies.TryRemove(address, out _);
        else _recipientReplies[address] = reply;
    }

    /// <summary>How many times a client has asked to send to this address (accepted or not).</summary>
    public int RecipientAttempts(string address) => _recipientAttempts.GetValueOrDefault(address);

    public void Configure(Dictionary<string, string?> settings)
    {
        settings["Smtp:Host"] = "127.0.0.1";
        settings["Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Smtp:Security"] = "None";
        settings["Site:PublicUrl"] = "https://localhost";
    }

    /// <summary>The messages sent to this address so far (tests share a server, so filter by recipient).</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try { await ConverseAsync(client); }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException) { }
        finally { client.Dispose(); }
    }

    private async Task ConverseAsync(TcpClient client)
    {
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost SMTP test server");
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (command)
            {
                case "EHLO": await writer.WriteLineAsync("250-localhost\r\n250 8BITMIME"); break;
                case "HELO": await writer.WriteLineAsync("250 localhost"); break;
                case "RCPT":
                    var start = line.IndexOf('<') + 1;
                    var end = line.IndexOf('>', start);
                    var address = end > start ? line[start..end] : line[start..].Trim();
                    _recipientAttempts.AddOrUpdate(address, 1, (_, n) => n + 1);
                    if (!_recipientReplies.TryGetValue(address, out var reply)) reply = "250 OK";
                    if (reply == DropConnection) return;
                    await writer.WriteLineAsync(reply);
                    break;
                case "MAIL" or "RSET" or "NOOP": await writer.WriteLineAsync("250 OK"); break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        data.Append(dataLine.StartsWith('.') ? dataLine[1..] : dataLine).Append("\r\n");
                    using (var mime = new MemoryStream(Encoding.Latin1.GetBytes(data.ToString())))
                        Messages.Enqueue(await MimeMessage.LoadAsync(mime));
                    await writer.WriteLineAsync("250 OK: queued");
                    break;
                case "QUIT": await writer.WriteLineAsync("221 Bye"); return;
                default: await writer.WriteLineAsync("502 Command not implemented"); break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
