using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace MoiAimerToi.Web.Caching;

/// <summary>
/// Renders a visitor's page again in the background, as the same request would, through the site's whole
/// pipeline but with no connection: its answer goes to the cache, not to anybody. The visitors who ask
/// meanwhile are served the stale copy (<see cref="ContentStore"/>).
/// Refreshes run one at a time on a thread of their own, so that a burst of writes costs at most one core
/// and never holds the thread pool's threads, which serve the visitors.
/// </summary>
public sealed partial class ContentRefresher : IDisposable
{
    private readonly IHttpContextAccessor current;
    private readonly IHttpContextFactory contexts;
    private readonly IHostApplicationLifetime lifetime;
    private readonly ILogger<ContentRefresher> logger;
    private readonly ConcurrentDictionary<string, byte> refreshing = new();
    private readonly BlockingCollection<Job> jobs = new();
    private RequestDelegate? pipeline;

    public ContentRefresher(IHttpContextAccessor current, IHttpContextFactory contexts, IHostApplicationLifetime lifetime, ILogger<ContentRefresher> logger)
    {
        this.current = current;
        this.contexts = contexts;
        this.lifetime = lifetime;
        this.logger = logger;
        var thread = new Thread(Work) { IsBackground = true, Name = "Content refresh" };
        // Not in the creator's execution context: each refresh sets an HttpContext of its own, and setting it
        // in a context flowed from a request would clear that request's.
        using (ExecutionContext.SuppressFlow())
        {
            thread.Start();
        }
    }

    /// <summary>True for a refresh's request: the cache must render it, not serve it.</summary>
    public static bool IsRefresh(HttpContext context) => context.Features.Get<Refresh>() is not null;

    /// <summary>Gives the pipeline the refreshes go through (<see cref="ContentCache.UseContentRefresh"/>).</summary>
    public void Attach(RequestDelegate app) => pipeline = app;

    /// <summary>Has the current request's page rendered again, unless that is under way already.</summary>
    /// <param name="key">The page's key in the cache: one refresh at a time per key.</param>
    /// <param name="settled">Called with the key once the refresh has ended, stored or not.</param>
    /// <returns>False when there is nothing to refresh with: no current request, no pipeline, or shutting down.</returns>
    public bool TryRefresh(string key, Action<string> settled)
    {
        if (pipeline is not { } app || current.HttpContext is not { } visitor)
        {
            return false;
        }

        if (!refreshing.TryAdd(key, 0))
        {
            return true;
        }

        try
        {
            jobs.Add(new Job(app, key, Copy(visitor), settled));
            return true;
        }
        catch (InvalidOperationException)
        {
            // Disposed: the site is stopping.
            refreshing.TryRemove(key, out _);
            return false;
        }
    }

    public void Dispose() => jobs.CompleteAdding();

    private void Work()
    {
        foreach (var job in jobs.GetConsumingEnumerable())
        {
            try
            {
                // Blocking is this thread's job; the render's own awaits mostly complete at once (SQLite is synchronous).
                RunAsync(job).GetAwaiter().GetResult();
            }
            catch (Exception exception)
            {
                // Nothing a refresh does may end the process: an exception escaping this thread would.
                LogFailed(logger, exception, job.Features.Get<IHttpRequestFeature>()?.Path ?? job.Key);
            }
        }
    }

    private async Task RunAsync(Job job)
    {
        var started = Stopwatch.GetTimestamp();
        var context = contexts.Create(job.Features);
        var response = job.Features.GetRequiredFeature<Refresh>();
        try
        {
            await job.App(context);
            LogRefreshed(logger, context.Request.Path, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception exception)
        {
            LogFailed(logger, exception, context.Request.Path);
        }
        finally
        {
            await response.CompleteAsync(exception => LogFailed(logger, exception, context.Request.Path));
            contexts.Dispose(context);
            refreshing.TryRemove(job.Key, out _);
            job.Settled(job.Key);
        }
    }

    /// <summary>The visitor's request as the cache keys it (address, headers, culture), answered by a <see cref="Refresh"/>.</summary>
    private FeatureCollection Copy(HttpContext visitor)
    {
        var request = visitor.Request;
        var headers = new HeaderDictionary();
        foreach (var (name, value) in request.Headers)
        {
            headers[name] = value;
        }

        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature
        {
            Protocol = request.Protocol,
            Method = request.Method,
            Scheme = request.Scheme,
            PathBase = request.PathBase,
            Path = request.Path,
            QueryString = request.QueryString.Value ?? "",
            RawTarget = visitor.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "",
            Headers = headers,
        });
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature
        {
            ConnectionId = "content-refresh",
            LocalIpAddress = visitor.Connection.LocalIpAddress,
            LocalPort = visitor.Connection.LocalPort,
            RemoteIpAddress = visitor.Connection.RemoteIpAddress,
            RemotePort = visitor.Connection.RemotePort,
        });
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = lifetime.ApplicationStopping });
        var response = new Refresh();
        features.Set(response);
        features.Set<IHttpResponseFeature>(response);
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
        return features;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refreshed the cached page {Path} ({Status}) in {Milliseconds:0.0} ms")]
    private static partial void LogRefreshed(ILogger logger, string path, int status, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the cached page {Path} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string path);

    private sealed record Job(RequestDelegate App, string Key, FeatureCollection Features, Action<string> Settled);

    /// <summary>The response of a refresh: what a server does with the callbacks, without a connection.</summary>
    private sealed class Refresh : HttpResponseFeature
    {
        private readonly Stack<(Func<object, Task> Callback, object State)> starting = new();
        private readonly Stack<(Func<object, Task> Callback, object State)> completed = new();
        private bool started;

        public override bool HasStarted => started;

        public override void OnStarting(Func<object, Task> callback, object state) => starting.Push((callback, state));

        public override void OnCompleted(Func<object, Task> callback, object state) => completed.Push((callback, state));

        /// <summary>Runs the callbacks, last registered first, as a server does; a failing one does not stop the rest.</summary>
        public async Task CompleteAsync(Action<Exception> failed)
        {
            foreach (var callbacks in new[] { starting, completed })
            {
                while (callbacks.TryPop(out var next))
                {
                    try
                    {
                        await next.Callback(next.State);
                    }
                    catch (Exception exception)
                    {
                        failed(exception);
                    }
                }

                started = true;
            }
        }
    }
}
