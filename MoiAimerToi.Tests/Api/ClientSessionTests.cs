using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Perspectives;

namespace MoiAimerToi.Tests.Api;

/// <summary>The session at the end of <c>api-contract.md</c>, request by request, checking the data after each.</summary>
public class ClientSessionTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private Task<T> ServiceAsync<TService, T>(Func<TService, Task<T>> read) where TService : notnull =>
        factory.InScopeAsync(sp => read(sp.GetRequiredService<TService>()));

    [Fact]
    public async Task The_Contracts_Full_Session_Works_Step_By_Step()
    {
        var anonymous = factory.CreateApiClient();

        // TOKEN=$(curl -X POST /api/auth/login -d '{"username":"admin","password":"password"}' | jq -r .token)
        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "admin", password = "password" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.JsonAsync()).GetProperty("token").GetString();
        Assert.False(string.IsNullOrEmpty(token));
        var client = factory.CreateApiClient(token: token);

        // curl /api/couple-data
        var couple = await (await anonymous.GetAsync("/api/couple-data")).JsonAsync();
        var storedCouple = await ServiceAsync<CoupleService, CoupleData>(s => s.GetAsync());
        Assert.Equal(storedCouple.HomeMessage, couple.GetProperty("home_message").GetString());

        // ID=$(curl -X POST /api/memories -d '{"title":"Beach","description":"Sunny"}' | jq -r .id)
        var created = await client.PostAsJsonAsync("/api/memories", new { title = "Beach", description = "Sunny" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        var memory = await ServiceAsync<MemoryService, Memory?>(s => s.FindAsync(id));
        Assert.Equal(("Beach", "Sunny"), (memory?.Title, memory?.Description));

        // curl -X PUT /api/memories/$ID -F photo=@beach.jpg -F title=Beach -F description=Sunny
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(MemoriesApiTests.Jpeg()) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } }, "photo", "beach.jpg" },
            { new StringContent("Beach"), "title" },
            { new StringContent("Sunny"), "description" },
        };
        var photo = await client.PutAsync($"/api/memories/{id}", form);
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        var photoUrl = (await photo.JsonAsync()).GetProperty("photo_url").GetString()!;
        Assert.Matches("^/uploads/[0-9a-f]{32}\\.jpg$", photoUrl);
        Assert.Equal("image/jpeg", (await anonymous.GetAsync(photoUrl)).Content.Headers.ContentType?.MediaType);

        // curl /api/memories
        var list = await (await anonymous.GetAsync("/api/memories")).JsonAsync();
        var listed = list.EnumerateArray().Single(m => m.GetProperty("id").GetInt32() == id);
        Assert.Equal("Beach", listed.GetProperty("title").GetString());
        Assert.Equal(photoUrl, listed.GetProperty("photo_url").GetString());

        // curl -X POST /api/perspectives -d '{"perspective_number":1,"content":"Travel"}'
        var perspective = await client.PostAsJsonAsync("/api/perspectives", new { perspective_number = 1, content = "Travel" });
        Assert.True(perspective.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created);
        Assert.Equal(1, (await perspective.JsonAsync()).GetProperty("perspective_number").GetInt32());
        var perspectives = await ServiceAsync<PerspectiveService, IReadOnlyList<Perspective>>(s => s.ListAsync());
        Assert.Equal("Travel", Assert.Single(perspectives, p => p.Number == 1).Content);

        // curl -X DELETE /api/memories/$ID
        var deleted = await client.DeleteAsync($"/api/memories/{id}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("Memory deleted", (await deleted.JsonAsync()).GetProperty("message").GetString());
        Assert.Null(await ServiceAsync<MemoryService, Memory?>(s => s.FindAsync(id)));
        var after = await (await anonymous.GetAsync("/api/memories")).JsonAsync();
        Assert.DoesNotContain(after.EnumerateArray(), m => m.GetProperty("id").GetInt32() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(photoUrl)).StatusCode);
        Assert.Empty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "uploads")));
    }
}
