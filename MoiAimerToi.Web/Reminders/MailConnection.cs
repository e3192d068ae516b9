using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MoiAimerToi.Web.Reminders;

/// <summary>
/// One conversation with the mail server (MailKit), every step of it bounded by <see cref="SmtpOptions.Timeout"/>:
/// a server that hangs costs the reminders' job that long, and never a page.
/// </summary>
public sealed class MailConnection : IAsyncDisposable
{
    private readonly SmtpClient _client;
    private readonly TimeSpan _timeout;

    private MailConnection(SmtpClient client, TimeSpan timeout) => (_client, _timeout) = (client, timeout);

    public static async Task<MailConnection> OpenAsync(SmtpOptions smtp, CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            using var step = Step(smtp.Timeout, cancellationToken);
            await Bounded(smtp.Timeout, step.Token, cancellationToken, async token =>
            {
                await client.ConnectAsync(smtp.Host!, smtp.EffectivePort, smtp.SocketOptions, token);
                if (!string.IsNullOrEmpty(smtp.User))
                {
                    await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", token);
                }
            });
            return new MailConnection(client, smtp.Timeout);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Hands one message over; not cut short by the site stopping (it would not know whether the server took it).</summary>
    public async Task SendAsync(MimeMessage message)
    {
        using var step = Step(_timeout, CancellationToken.None);
        await Bounded(_timeout, step.Token, CancellationToken.None, token => _client.SendAsync(message, token));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                using var step = Step(_timeout, CancellationToken.None);
                await _client.DisconnectAsync(true, step.Token);
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or MailKit.ProtocolException or SmtpCommandException)
        {
            // Saying goodbye failed; what was sent is sent.
        }
        finally
        {
            _client.Dispose();
        }
    }

    /// <summary>What went wrong, as the reminders page shows it (the server's own words when it answered; never a password).</summary>
    public static string Describe(Exception exception) => exception switch
    {
        SmtpCommandException command => $"{(int)command.StatusCode} {command.Message}",
        AuthenticationException => $"authentication refused: {exception.Message}",
        TimeoutException => exception.Message,
        SocketException or IOException or SslHandshakeException or MailKit.ProtocolException or ServiceNotConnectedException => exception.Message,
        _ => exception.GetType().Name + ": " + exception.Message,
    };

    /// <summary>Refused for good: the server said no to the address (5xx), so trying again would get the same answer.</summary>
    public static bool IsRefusedForGood(Exception exception) =>
        exception is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } command && (int)command.StatusCode >= 500;

    private static CancellationTokenSource Step(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var step = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        step.CancelAfter(timeout);
        return step;
    }

    private static async Task Bounded(TimeSpan timeout, CancellationToken step, CancellationToken stopping, Func<CancellationToken, Task> work)
    {
        try
        {
            await work(step);
        }
        catch (Exception exception) when (exception is TimeoutException || (exception is OperationCanceledException && step.IsCancellationRequested && !stopping.IsCancellationRequested))
        {
            // MailKit's own timeout or ours, whichever came first: the same words on the reminders page.
            throw new TimeoutException($"no answer from the mail server within {timeout.TotalSeconds:0} s");
        }
    }
}
