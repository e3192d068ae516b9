using MoiAimerToi.Web.Couple;

namespace MoiAimerToi.Tests.Couple;

public class MilestonesTests
{
    [Fact]
    public void Next_Anniversary_Is_Later_This_Year_When_It_Has_Not_Passed()
    {
        var next = Milestones.NextAnniversary(new DateOnly(2020, 9, 1), new DateOnly(2025, 6, 1));

        Assert.Equal(new Milestone(new DateOnly(2025, 9, 1), 92, 5), next);
    }

    [Fact]
    public void Next_Anniversary_Is_Next_Year_When_This_Years_Has_Passed()
    {
        var next = Milestones.NextAnniversary(new DateOnly(2020, 3, 1), new DateOnly(2025, 6, 1));

        Assert.Equal(new DateOnly(2026, 3, 1), next.Date);
        Assert.Equal(6, next.Value);
    }

    [Fact]
    public void On_The_Anniversary_Itself_It_Is_Zero_Days_Away()
    {
        var next = Milestones.NextAnniversary(new DateOnly(2020, 6, 1), new DateOnly(2025, 6, 1));

        Assert.Equal((0, 5), (next.DaysUntil, next.Value));
    }

    [Fact]
    public void The_First_Anniversary_Comes_A_Year_After_The_Start()
    {
        var next = Milestones.NextAnniversary(new DateOnly(2025, 1, 10), new DateOnly(2025, 1, 10));

        Assert.Equal((new DateOnly(2026, 1, 10), 1), (next.Date, next.Value));
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(100, 100)]
    [InlineData(101, 500)]
    [InlineData(500, 500)]
    [InlineData(501, 1000)]
    [InlineData(1001, 2000)]
    [InlineData(2999, 3000)]
    public void Round_Days_Go_100_Then_500_Then_Every_Thousand(int daysSoFar, int expected)
    {
        var start = new DateOnly(2020, 1, 1);
        var today = start.AddDays(daysSoFar);

        var next = Milestones.NextRoundDays(start, today);

        Assert.Equal(expected, next.Value);
        Assert.Equal(expected - daysSoFar, next.DaysUntil);
        Assert.Equal(start.AddDays(expected), next.Date);
    }
}
