using Microsoft.AspNetCore.Identity;
using MoiAimerToi.Web.Hosting;

namespace MoiAimerToi.Web.Accounts;

public sealed class AppUser : IdentityUser
{
    public const int DisplayNameMaxLength = 60;

    /// <summary>The name the pages show (« écrit par Camille »); the user name when none was chosen.</summary>
    [ShownOnPages]
    public string DisplayName { get; set; } = "";

    public AccountRole Role { get; set; } = AccountRole.Partner;

    /// <summary>The perspective a partner owns: 1 for the first partner, 2 for the one they invited; null for a guest.</summary>
    public int? PerspectiveNumber { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>A partner's birthday, in the couple's calendar for the signed-in and in the calendar feeds.</summary>
    [ShownOnPages]
    public DateOnly? Birthday { get; set; }

    /// <summary>The language of what the site sends this person when no browser asks (calendar feed, e-mails): "fr" or "en".</summary>
    public string Language { get; set; } = "fr";

    /// <summary>What the pages call this person.</summary>
    public string ShownName => string.IsNullOrWhiteSpace(DisplayName) ? UserName ?? "" : DisplayName;
}
