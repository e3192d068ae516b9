using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Data;

namespace MoiAimerToi.Web.Reminders;

/// <summary>
/// Sends the reminders, a round a minute (and at once when a partner changes their choices). Each reminder is a row:
/// recorded when it falls due (<see cref="ReminderPlanner"/>), marked « sending » before it goes to the server and
/// « sent » after. A site that stops between the two finds it « sending » at its next round and never sends it again;
/// a server that fails is tried again later, waiting twice as long each time (up to six hours) until the day passes.
/// </summary>
public sealed class ReminderJobs(
    IServiceScopeFactory scopes, DatabaseStartup database, JobLeases leases, IOptions<SmtpOptions> options, TimeProvider time, ILogger<ReminderJobs> logger)
    : BackgroundService
{
    public static readonly TimeSpan LongestWait = TimeSpan.FromHours(6);
    private static readonly TimeSpan Round = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _wake = new(0);
    private readonly SemaphoreSlim _oneRound = new(1, 1);

    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    /// <summary>How long after the <paramref name="attempts"/>-th failed try the next one is made.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(LongestWait.TotalMinutes, Math.Pow(2, Math.Clamp(attempts, 1, 20) - 1)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsConfigured)
        {
            logger.LogInformation("E-mail reminders are off: Smtp:Host is not set");
            return;
        }

        await database.AnsweringAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunRoundAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Every reminder keeps its row and its state; the next round takes them up.
                logger.LogError(exception, "A round of reminders failed");
            }

            try
            {
                await _wake.WaitAsync(Round, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// One round: record what fell due, then send what is ready. Rounds never overlap, on this instance or across
    /// instances (<see cref="JobLeases"/>): while another instance runs one, this one skips its own.
    /// </summary>
    public async Task RunRoundAsync(CancellationToken cancellationToken = default)
    {
        var smtp = options.Value;
        if (!smtp.IsConfigured)
        {
            return;
        }

        await _oneRound.WaitAsync(cancellationToken);
        try
        {
            await using var lease = await leases.TryTakeAsync("reminders", cancellationToken);
            if (lease is null)
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var provider = scope.ServiceProvider;
            var db = provider.GetRequiredService<AppDbContext>();
            var mail = provider.GetRequiredService<ReminderMail>();
            // One instant for the whole round, so that what is due and what the e-mails say agree.
            var now = time.GetUtcNow().UtcDateTime;
            var clock = provider.GetRequiredService<CoupleClock>();
            var today = clock.DayOf(now);
            var sendingHours = clock.LocalTime(now).Hour >= smtp.SendFromHour;

            // Rounds never overlap: one still « sending » was cut short by a stop (of this instance or of the one that
            // held the lease). It may have gone: it stays unsent. A lease lost midway stops this round before its next
            // reminder, since another instance may then run one (each reminder is claimed, so none goes twice).
            await db.Reminders.Where(r => r.State == ReminderState.Sending)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ReminderState.Unconfirmed), lease.Token);

            var due = await provider.GetRequiredService<ReminderPlanner>().DueAsync(now, lease.Token);
            var ready = await RecordAsync(db, mail, due, now, today, lease.Token);
            if (ready.Count > 0 && sendingHours)
            {
                await SendAsync(db, mail, smtp, ready, now, today, lease.Token);
            }
        }
        finally
        {
            _oneRound.Release();
        }
    }

    /// <summary>Adds a row for each reminder newly due; forgets the waiting ones no longer asked for; returns those to send now.</summary>
    private async Task<List<(Reminder Row, DueReminder Due)>> RecordAsync(
        AppDbContext db, ReminderMail mail, IReadOnlyList<DueReminder> due, DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = (await db.Reminders.Where(r => r.OccasionOn >= today || r.State == ReminderState.Waiting).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.UserId, r.Key, r.OccasionOn));
        var ready = new List<(Reminder, DueReminder)>();
        foreach (var reminder in due)
        {
            var found = rows.TryGetValue((reminder.To.UserId, reminder.Key, reminder.OccasionOn), out var row);
            if (reminder.Topic is DigestTopic { IsEmpty: true })
            {
                // A week with nothing (left) to tell gets no digest: one still waiting, never sent, goes.
                if (found && row!.State == ReminderState.Waiting)
                {
                    db.Reminders.Remove(row);
                    rows.Remove((row.UserId, row.Key, row.OccasionOn));
                }

                continue;
            }

            if (!found)
            {
                row = new Reminder
                {
                    UserId = reminder.To.UserId,
                    Kind = reminder.Kind,
                    Key = reminder.Key,
                    OccasionOn = reminder.OccasionOn,
                    Subject = Truncated(SubjectOf(mail, reminder, today), Reminder.SubjectMaxLength),
                    State = ReminderState.Waiting,
                    CreatedAt = now,
                };
                db.Reminders.Add(row);
                rows[(row.UserId, row.Key, row.OccasionOn)] = row;
            }

            if (row!.State == ReminderState.Waiting && (row.NextAttemptAt is null || row.NextAttemptAt <= now))
            {
                ready.Add((row, reminder));
            }
        }

        var stillDue = due.Select(d => (d.To.UserId, d.Key, d.OccasionOn)).ToHashSet();
        foreach (var (key, row) in rows)
        {
            if (row.State == ReminderState.Waiting && !stillDue.Contains(key))
            {
                if (row.OccasionOn < today)
                {
                    row.State = ReminderState.Missed;
                }
                else
                {
                    // Turned off, or its date or letter changed or went: nothing to send, nothing to keep.
                    db.Reminders.Remove(row);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return ready;
    }

    private async Task SendAsync(
        AppDbContext db, ReminderMail mail, SmtpOptions smtp, List<(Reminder Row, DueReminder Due)> ready, DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        MailConnection connection;
        try
        {
            connection = await MailConnection.OpenAsync(smtp, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The mail server could not be reached ({Error}); {Count} reminders wait", MailConnection.Describe(exception), ready.Count);
            foreach (var (row, _) in ready)
            {
                row.Attempts++;
                Failed(row, exception, now);
            }

            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }

        await using (connection)
        {
            foreach (var (row, due) in ready)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                ReminderEmail email;
                MimeKit.MimeMessage message;
                try
                {
                    email = mail.Write(due, today);
                    message = mail.ToMime(email, smtp.Sender!, due.To, $"reminder-{row.Id}-{row.CreatedAt.Ticks}@moi-aimer-toi");
                }
                catch (Exception exception)
                {
                    // One reminder that cannot be written (a text gone wrong) holds up no other.
                    logger.LogError(exception, "Reminder {Id} could not be written", row.Id);
                    row.Attempts++;
                    Failed(row, exception, now);
                    await db.SaveChangesAsync(CancellationToken.None);
                    continue;
                }

                // Recorded before, and claimed rather than just marked (a second process on the same database skips it):
                // from here on, a stop means « maybe sent », never « send again ».
                var subject = Truncated(email.Subject, Reminder.SubjectMaxLength);
                var claimed = await db.Reminders.Where(r => r.Id == row.Id && r.State == ReminderState.Waiting)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(r => r.State, ReminderState.Sending)
                        .SetProperty(r => r.Attempts, r => r.Attempts + 1)
                        .SetProperty(r => r.Subject, subject), CancellationToken.None);
                await db.Entry(row).ReloadAsync(CancellationToken.None);
                if (claimed == 0)
                {
                    continue;
                }

                try
                {
                    await connection.SendAsync(message);
                    row.State = ReminderState.Sent;
                    row.SentAt = time.GetUtcNow().UtcDateTime;
                    row.LastError = null;
                    row.NextAttemptAt = null;
                }
                catch (Exception exception) when (exception is SmtpCommandException or ServiceNotConnectedException)
                {
                    // The server said no, or nothing was handed over: it did not go, it is tried again.
                    logger.LogWarning("Reminder {Id} was not sent: {Error}", row.Id, MailConnection.Describe(exception));
                    Failed(row, exception, now);
                }
                catch (Exception exception)
                {
                    // Cut off while handing it over (a timeout, a dropped connection): it may have gone, so never again.
                    logger.LogWarning("Reminder {Id} may or may not have gone: {Error}", row.Id, MailConnection.Describe(exception));
                    row.State = ReminderState.Unconfirmed;
                    row.LastError = Truncated(MailConnection.Describe(exception), Reminder.ErrorMaxLength);
                }

                // Recorded after.
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
    }

    private static void Failed(Reminder row, Exception exception, DateTime now)
    {
        row.LastError = Truncated(MailConnection.Describe(exception), Reminder.ErrorMaxLength);
        if (MailConnection.IsRefusedForGood(exception))
        {
            row.State = ReminderState.Refused;
            row.NextAttemptAt = null;
            return;
        }

        row.State = ReminderState.Waiting;
        row.NextAttemptAt = now + Backoff(row.Attempts);
    }

    /// <summary>The subject the reminders page lists until it is sent; a reminder that cannot be written yet still gets a row.</summary>
    private string SubjectOf(ReminderMail mail, DueReminder reminder, DateOnly today)
    {
        try
        {
            return mail.Write(reminder, today).Subject;
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "The subject of reminder {Key} could not be written", reminder.Key);
            return reminder.Key;
        }
    }

    private static string Truncated(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}
