using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Api;
using MoiAimerToi.Web.Backups;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Dreams;
using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Media;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Pages;
using MoiAimerToi.Web.Perspectives;
using MoiAimerToi.Web.Reminders;
using MoiAimerToi.Web.Remembering;
using MoiAimerToi.Web.Photos;
using MoiAimerToi.Web.Sharing;
using MoiAimerToi.Web.Site;
using MoiAimerToi.Web.Transfer;

NativeMemory.ReturnLargeBuffers();
var (command, hostArgs) = AppCommands.Split(args);
var builder = WebApplication.CreateBuilder(hostArgs);
builder.Logging.AddAppConsole(builder.Environment);

builder.Services
    .AddAppData()
    .AddPageCache()
    .AddAppLocalization()
    .AddAppIdentity(builder.Environment)
    .AddSiteVisibility()
    .AddCouple()
    .AddPhotoPipeline()
    .AddMedia()
    .AddHostedService<MemoryReturn>()
    .AddMemories()
    .AddSharing()
    .AddPerspectives()
    .AddRemembering()
    .AddDreams()
    .AddReminders()
    .AddScoped<MoiAimerToi.Web.Letters.LetterService>()
    .AddBackups()
    .AddAppHealth()
    .AddTransfer()
    .AddAppPages()
    .AddAppApi()
    .AddAppCompression()
    .AddRateLimits()
    .AddProxyHeaders()
    .AddAccessLog()
    .AddSecurityHeaders();

var app = builder.Build();

if (command is not null && AppCommands.RunsBeforeData(command))
{
    return await AppCommands.RunAsync(app, command, args);
}

var dataReady = app.StartDataAsync();
if (command is not null)
{
    await dataReady;
    return await AppCommands.RunAsync(app, command, args);
}

app.UseDataReady();
app.UseForwardedHeaders();
app.UseHttpLogging();

app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseAppApi();
app.UseRequestLocalization();
app.UseServiceWorkerScriptCaching();
app.UseRouting();
app.UseRequestSizeLimits();
// Before authentication: a visitor's cached page costs no more than finding it (PageCache tells the couple by their cookie).
app.UseOutputCache();
// Inside the cache, so that a cached page is stored compressed, once per encoding (PageCache varies by it).
app.UseResponseCompression();
app.UseCors();
app.UseAuthentication();
app.UseRateLimits();
app.UseAuthorization();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages().WithStaticAssets().WithImportLimits();
app.MapUploads();
app.MapMediaEndpoints();
app.MapSharedFiles();
app.MapCalendarFeed();
app.MapRobots();
app.MapHealthApi();
app.MapAppHealth();
app.MapAuthApi();
app.MapCoupleApi();
app.MapMemoriesApi();
app.MapMediaApi();
app.MapSidesApi();
app.MapPerspectivesApi();
app.MapTransferApi();
app.MapInvitesApi();
app.MapSettingsApi();
app.MapShareLinksApi();
app.MapRememberingApi();
app.MapDreamsApi();
app.MapLettersApi();
app.MapOpenApi().RequireAuthorization(ApiAuthentication.ReaderPolicy);

await app.StartAsync();
// A database that cannot be made ready stops the site, with the reason, as before it listened.
await dataReady;
await app.WaitForShutdownAsync();
return 0;

public partial class Program;
