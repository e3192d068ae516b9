using MoiAimerToi.Web.Transfer;

namespace MoiAimerToi.Tests.Transfer;

public class PhotoEntryNamesTests
{
    private static readonly DateOnly Day = new(2024, 7, 14);

    [Theory]
    [InlineData("Pique-nique à Annecy", "photos/2024-07-14 Pique-nique à Annecy.jpg")]
    [InlineData("../../etc/passwd", "photos/2024-07-14 .. .. etc passwd.jpg")]
    [InlineData("C:\\Windows\\win.ini", "photos/2024-07-14 C Windows win.ini.jpg")]
    [InlineData("Quoi ? \"Ça\" <b>|*", "photos/2024-07-14 Quoi Ça b.jpg")]
    [InlineData("ligne\nsuivante\ttab\u0000nul", "photos/2024-07-14 ligne suivante tab nul.jpg")]
    [InlineData("photo\u202Egpj.exe", "photos/2024-07-14 photo gpj.exe.jpg")]
    [InlineData("Fin de phrase...", "photos/2024-07-14 Fin de phrase.jpg")]
    [InlineData("   ", "photos/2024-07-14.jpg")]
    [InlineData("Nous 👩‍❤️‍👨", "photos/2024-07-14 Nous 👩‍❤️‍👨.jpg")]
    public void A_Title_Becomes_A_Safe_Readable_Name(string title, string expected)
    {
        Assert.Equal(expected, new PhotoEntryNames().Next(Day, title));
    }

    [Fact]
    public void A_Long_Title_Is_Cut_Without_Splitting_A_Character()
    {
        var name = new PhotoEntryNames().Next(Day, string.Concat(Enumerable.Repeat("é🌸", 100)));

        var title = name["photos/2024-07-14 ".Length..^".jpg".Length];
        Assert.Equal(PhotoEntryNames.MaxTitleLength, new System.Globalization.StringInfo(title).LengthInTextElements);
        Assert.False(char.IsHighSurrogate(title[^1]));
    }

    [Fact]
    public void The_Same_Day_And_Title_Get_Numbered_Whatever_The_Case()
    {
        var names = new PhotoEntryNames();

        Assert.Equal(
            ["photos/2024-07-14 Plage.jpg", "photos/2024-07-14 plage (2).jpg", "photos/2024-07-14 Plage (3).jpg", "photos/2024-07-15 Plage.jpg"],
            [names.Next(Day, "Plage"), names.Next(Day, "plage"), names.Next(Day, "Plage"), names.Next(Day.AddDays(1), "Plage")]);
    }

    [Theory]
    [InlineData("data.json", "data.json")]
    [InlineData("photos/a b é.jpg", "photos/a b é.jpg")]
    [InlineData("./photos//a.jpg", "photos/a.jpg")]
    [InlineData("dir\\a.jpg", "dir/a.jpg")]
    [InlineData("../x.jpg", null)]
    [InlineData("photos/../../x.jpg", null)]
    [InlineData("..\\x.jpg", null)]
    [InlineData("/etc/passwd", null)]
    [InlineData("\\\\server\\share\\x.jpg", null)]
    [InlineData("C:x.jpg", null)]
    [InlineData("a\u0000b.jpg", null)]
    [InlineData("", null)]
    public void An_Entry_Name_Is_Kept_Only_When_It_Stays_Inside_The_Archive(string raw, string? expected)
    {
        Assert.Equal(expected, SafeArchive.SafeName(raw));
    }
}
