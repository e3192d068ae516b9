using MoiAimerToi.Web.Remembering;

namespace MoiAimerToi.Tests.Remembering;

public class CoupleCalendarTests
{
    private static CalendarSources From(string start, bool monthsaries = false, IReadOnlyList<ImportantDate>? dates = null, IReadOnlyList<Birthday>? birthdays = null) =>
        new(DateOnly.Parse(start), monthsaries, dates ?? [], birthdays ?? []);

    private static IReadOnlyList<Occasion> Year(CalendarSources sources, string today) =>
        CoupleCalendar.Between(sources, DateOnly.Parse(today), DateOnly.Parse(today).AddYears(1).AddDays(-1));

    [Fact]
    public void The_Next_Anniversary_Counts_The_Years()
    {
        var next = Year(From("2020-09-01"), "2025-06-01").First(o => o.Kind == OccasionKind.Anniversary);

        Assert.Equal((new DateOnly(2025, 9, 1), 5), (next.Date, next.Number));
    }

    [Fact]
    public void An_Anniversary_Today_Is_The_Next_One()
    {
        var next = CoupleCalendar.Between(From("2020-06-01"), new DateOnly(2025, 6, 1), new DateOnly(2027, 6, 1)).First();

        Assert.Equal((OccasionKind.Anniversary, 5, 0), (next!.Kind, next.Number, next.DaysFrom(new DateOnly(2025, 6, 1))));
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(100, 100)]
    [InlineData(101, 200)]
    [InlineData(201, 365)]
    [InlineData(366, 500)]
    [InlineData(501, 1000)]
    [InlineData(1001, 1500)]
    [InlineData(9501, 10000)]
    public void Round_Days_Go_100_200_365_500_Then_Every_500(int daysSoFar, int expected)
    {
        var start = new DateOnly(2000, 1, 1);
        var today = start.AddDays(daysSoFar);

        var next = CoupleCalendar.Between(From("2000-01-01"), today, today.AddYears(2)).First(o => o.Kind == OccasionKind.RoundDays);

        Assert.Equal((expected, start.AddDays(expected)), (next.Number, next.Date));
    }

    [Fact]
    public void No_Round_Number_After_Ten_Thousand_Days()
    {
        var start = new DateOnly(1990, 1, 1);

        Assert.DoesNotContain(CoupleCalendar.Between(From("1990-01-01"), start.AddDays(10_001), start.AddDays(20_000)), o => o.Kind == OccasionKind.RoundDays);
    }

    [Fact]
    public void A_Start_On_29_February_Is_Celebrated_On_The_28th_In_Other_Years_And_Says_So()
    {
        var occasions = CoupleCalendar.Between(From("2024-02-29"), new DateOnly(2025, 1, 1), new DateOnly(2028, 12, 31))
            .Where(o => o.Kind == OccasionKind.Anniversary).ToList();

        Assert.Equal([new DateOnly(2025, 2, 28), new DateOnly(2026, 2, 28), new DateOnly(2027, 2, 28), new DateOnly(2028, 2, 29)], occasions.Select(o => o.Date));
        Assert.Equal([true, true, true, false], occasions.Select(o => o.MovedFromLeapDay));
    }

    [Fact]
    public void Monthsaries_Only_In_The_First_Year_And_Only_When_Wanted()
    {
        var today = new DateOnly(2025, 1, 10);

        Assert.DoesNotContain(Year(From("2025-01-10"), "2025-01-10"), o => o.Kind == OccasionKind.Monthsary);
        var months = Year(From("2025-01-31", monthsaries: true), "2025-01-10").Where(o => o.Kind == OccasionKind.Monthsary).ToList();
        Assert.Equal(Enumerable.Range(1, 11), months.Select(o => o.Number));
        Assert.Equal(new DateOnly(2025, 2, 28), months[0].Date); // The 31st, in a shorter month: its last day.
    }

    [Fact]
    public void Birthdays_And_The_Couples_Own_Dates_Come_Yearly_Or_Once()
    {
        var dates = new List<ImportantDate>
        {
            new() { Id = 1, Title = "Premier baiser", Date = new DateOnly(2019, 7, 14), Yearly = true },
            new() { Id = 2, Title = "Le mariage", Date = new DateOnly(2025, 9, 20), Yearly = false },
            new() { Id = 3, Title = "Passé", Date = new DateOnly(2024, 1, 1), Yearly = false },
        };
        var sources = From("2019-06-01", dates: dates, birthdays: [new Birthday("u1", "Camille", new DateOnly(1994, 3, 3))]);

        var year = Year(sources, "2025-01-01");

        var kiss = Assert.Single(year, o => o.Key == "date-1");
        Assert.Equal((new DateOnly(2025, 7, 14), 6, true), (kiss.Date, kiss.Number, kiss.Yearly));
        var wedding = Assert.Single(year, o => o.Key == "date-2");
        Assert.False(wedding.Yearly);
        Assert.DoesNotContain(year, o => o.Key == "date-3");
        var birthday = Assert.Single(year, o => o.Kind == OccasionKind.Birthday);
        Assert.Equal((new DateOnly(2025, 3, 3), "Camille", "birthday-u1"), (birthday.Date, birthday.Title, birthday.Key));
        Assert.Equal(year.OrderBy(o => o.Date), year);
    }
}
