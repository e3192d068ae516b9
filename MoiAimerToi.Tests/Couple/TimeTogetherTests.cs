using MoiAimerToi.Web.Couple;

namespace MoiAimerToi.Tests.Couple;

public class TimeTogetherTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static TimeTogether At(string start, string utcNow) =>
        TimeTogether.Between(DateOnly.Parse(start), DateTimeOffset.Parse(utcNow), Paris);

    [Fact]
    public void Counts_Years_Months_Days_And_Hours_On_The_Couples_Calendar()
    {
        // 2025-06-20 14:30 in Paris (UTC+2 in summer).
        var elapsed = At("2023-04-15", "2025-06-20T12:30:00Z");

        Assert.Equal((2, 2, 5, 14, 30, 0), (elapsed.Years, elapsed.Months, elapsed.Days, elapsed.Hours, elapsed.Minutes, elapsed.Seconds));
        Assert.Equal(797, elapsed.TotalDays);
    }

    [Fact]
    public void A_Month_From_The_31st_Ends_On_The_Last_Day_Of_A_Shorter_Month()
    {
        Assert.Equal((0, 0, 27), Parts(At("2025-01-31", "2025-02-27T11:00:00Z")));
        Assert.Equal((0, 1, 0), Parts(At("2025-01-31", "2025-02-28T11:00:00Z")));
        Assert.Equal((0, 1, 1), Parts(At("2025-01-31", "2025-03-01T11:00:00Z")));
        Assert.Equal((0, 2, 0), Parts(At("2025-01-31", "2025-03-31T10:00:00Z")));
    }

    [Fact]
    public void A_Leap_Day_Start_Has_Its_Anniversary_On_28_February_In_Other_Years()
    {
        Assert.Equal((0, 11, 29), Parts(At("2020-02-29", "2021-02-27T12:00:00Z")));
        Assert.Equal((1, 0, 0), Parts(At("2020-02-29", "2021-02-28T12:00:00Z")));
        Assert.Equal((4, 0, 0), Parts(At("2020-02-29", "2024-02-29T12:00:00Z")));
    }

    [Fact]
    public void Counting_Into_A_Leap_Day_Adds_The_Extra_Day()
    {
        Assert.Equal((0, 0, 2), Parts(At("2024-02-28", "2024-03-01T12:00:00Z")));
        Assert.Equal((0, 0, 1), Parts(At("2025-02-28", "2025-03-01T12:00:00Z")));
    }

    [Fact]
    public void The_Day_Turns_At_Midnight_In_The_Couples_Time_Zone_Not_In_Utc()
    {
        // 23:30 UTC on 1 January is already 00:30 on 2 January in Paris.
        var elapsed = At("2024-12-01", "2025-01-01T23:30:00Z");

        Assert.Equal((0, 1, 1), Parts(elapsed));
        Assert.Equal(0, elapsed.Hours);
        Assert.Equal(30, elapsed.Minutes);
    }

    [Fact]
    public void On_The_Spring_Dst_Change_The_Hours_Are_The_Real_Hours_Since_Midnight()
    {
        // 30 March 2025: Paris clocks jump from 02:00 to 03:00. Noon local (10:00 UTC) is 11 real hours after midnight.
        var elapsed = At("2025-03-01", "2025-03-30T10:00:00Z");

        Assert.Equal((0, 0, 29), Parts(elapsed));
        Assert.Equal(11, elapsed.Hours);
    }

    [Fact]
    public void On_The_Autumn_Dst_Change_The_Hours_Are_The_Real_Hours_Since_Midnight()
    {
        // 26 October 2025: Paris clocks fall back from 03:00 to 02:00. Noon local (11:00 UTC) is 13 real hours after midnight.
        var elapsed = At("2025-10-01", "2025-10-26T11:00:00Z");

        Assert.Equal((0, 0, 25), Parts(elapsed));
        Assert.Equal(13, elapsed.Hours);
    }

    [Fact]
    public void The_Start_Day_Itself_Counts_Only_Hours()
    {
        var elapsed = At("2025-05-10", "2025-05-10T07:15:42Z");

        Assert.Equal((0, 0, 0, 9, 15, 42), (elapsed.Years, elapsed.Months, elapsed.Days, elapsed.Hours, elapsed.Minutes, elapsed.Seconds));
    }

    [Fact]
    public void A_Start_Date_After_Today_Counts_Nothing()
    {
        Assert.Equal(new TimeTogether(0, 0, 0, 0, 0, 0, 0), At("2030-01-01", "2025-05-10T07:15:42Z"));
    }

    private static (int, int, int) Parts(TimeTogether t) => (t.Years, t.Months, t.Days);
}
