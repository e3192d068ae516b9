using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Accounts;

namespace MoiAimerToi.Tests.Letters;

/// <summary>A letter is for the partner it named: one who joins after that partner left never reads it.</summary>
public class LetterRecipientTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_Partner_Who_Joins_Later_Does_Not_Read_Letters_Meant_For_The_One_Who_Left()
    {
        factory.Clock.Set(DateTimeOffset.UtcNow);
        var sam = await factory.CreateAccountAsync("sam", AccountRole.Partner, perspectiveNumber: 2, displayName: "Sam");
        var alex = await factory.CreateTokenClientAsync();
        var today = factory.Service<MoiAimerToi.Web.Couple.CoupleClock>().Today;
        var written = await alex.PostAsJsonAsync("/api/letters", new { to = "partner", content = "Pour Sam seulement.", opens_on = today.AddDays(1).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Created, written.StatusCode);

        Assert.True((await factory.InScopeAsync(s => s.GetRequiredService<AccountRemoval>().RemoveAsync(sam))).Succeeded);
        await factory.CreateAccountAsync("chris", AccountRole.Partner, perspectiveNumber: 2, displayName: "Chris");
        factory.Clock.Set(DateTimeOffset.UtcNow.AddDays(2));

        var chris = await factory.CreateTokenClientAsync("chris");
        Assert.Equal("[]", await chris.GetStringAsync("/api/letters"));
        Assert.Empty((await (await alex.GetAsync("/api/letters")).JsonAsync()).EnumerateArray()); // It went with the one it was for.
    }
}
