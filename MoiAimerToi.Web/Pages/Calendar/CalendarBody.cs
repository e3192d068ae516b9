using MoiAimerToi.Web.Remembering;

namespace MoiAimerToi.Web.Pages.Calendar;

/// <summary>What <c>#calendar-body</c> shows: the next twelve months, the couple's own dates and the add form.</summary>
public sealed record CalendarBody(DateOnly Today, IReadOnlyList<Occasion> Occasions, IReadOnlyList<ImportantDate> Dates, bool Monthsaries, DateInput NewDate, int? Editing, DateInput? EditedDate);
