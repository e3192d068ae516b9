using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Photos;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Perspectives;

namespace MoiAimerToi.Tests.Transfer;

/// <summary>Writes content through the same services the pages use, at chosen moments of the factory's clock.</summary>
public static class SiteSeed
{
    public static async Task TextsAsync(AppFactory factory, string startDate, string homeMessage, string introText) =>
        await factory.InScopeAsync(async sp =>
        {
            var couple = sp.GetRequiredService<CoupleService>();
            Assert.True((await couple.SetStartDateAsync(startDate, null)).Succeeded);
            Assert.True((await couple.SetHomeMessageAsync(homeMessage, null)).Succeeded);
            Assert.True((await couple.SetIntroTextAsync(introText, null)).Succeeded);
            return 0;
        });

    public static async Task<Memory> MemoryAsync(AppFactory factory, DateTimeOffset writtenAt, string title, string description, string takenOn, byte[]? photo = null)
    {
        factory.Clock.Set(writtenAt);
        return await factory.InScopeAsync(async sp =>
        {
            await using var upload = photo is null ? null : new MemoryStream(photo);
            var outcome = await sp.GetRequiredService<MemoryService>().CreateAsync(new MemoryInput(title, description, takenOn), upload, null);
            Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.Select(e => e.Message)));
            return outcome.Value!;
        });
    }

    public static async Task PerspectiveAsync(AppFactory factory, DateTimeOffset writtenAt, int number, string content)
    {
        factory.Clock.Set(writtenAt);
        await factory.InScopeAsync(async sp =>
        {
            Assert.True((await sp.GetRequiredService<PerspectiveService>().SaveAsync(number, content, null)).Succeeded);
            return 0;
        });
    }

    /// <summary>Texts, a memory with a photo and a perspective: something for an import to leave alone or replace.</summary>
    public static async Task SomeContentAsync(AppFactory factory)
    {
        await TextsAsync(factory, "2020-02-14", "Bienvenue", "Il était une fois");
        await MemoryAsync(factory, DateTimeOffset.UtcNow, "Déjà là", "Avant l’import", "2024-01-01", TestImages.Jpeg(320, 240));
        await PerspectiveAsync(factory, DateTimeOffset.UtcNow, 1, "Rester ensemble");
    }
}

/// <summary>A site that already has <see cref="SiteSeed.SomeContentAsync"/>, written once for the class.</summary>
public sealed class SiteWithContent : AppFactory
{
    private readonly Lazy<Task> _seeded;

    public SiteWithContent() => _seeded = new Lazy<Task>(() => SiteSeed.SomeContentAsync(this));

    public Task SeededAsync() => _seeded.Value;
}
