using System.ComponentModel.DataAnnotations;

namespace MoiAimerToi.Web.Pages.Home;

public sealed class StartDateInput
{
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? StartDate { get; set; }
}
