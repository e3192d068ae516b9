using MoiAimerToi.Web.Memories;

namespace MoiAimerToi.Tests.Memories;

public class SearchTextTests
{
    [Theory]
    [InlineData("Été à Annecy", "ete a annecy")]
    [InlineData("ÉTÉ", "ete")]
    [InlineData("Noël au chalet", "noel au chalet")]
    [InlineData("Un cœur gros comme ça", "un coeur gros comme ca")]
    [InlineData("Ex æquo", "ex aequo")]
    [InlineData("Crème brûlée, Ça y est", "creme brulee, ca y est")]
    [InlineData("Lake in Summer", "lake in summer")]
    public void Case_Accents_And_Ligatures_Are_Set_Aside(string text, string searched) =>
        Assert.Equal(searched, SearchText.Normalize(text));

    [Fact]
    public void A_Memory_Is_Searched_By_Its_Title_And_Its_Description() =>
        Assert.Equal("pique-nique le lac, l’ete", SearchText.Of("Pique-nique", null, "", "Le lac, l’été"));
}
