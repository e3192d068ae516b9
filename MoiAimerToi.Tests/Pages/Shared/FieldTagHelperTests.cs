using MoiAimerToi.Tests.Infrastructure;

namespace MoiAimerToi.Tests.Pages.Shared;

public class FieldTagHelperTests
{
    [Fact]
    public void Every_Form_Writes_Its_Fields_Through_The_Field_Tag_Helper()
    {
        // A hand-written field is where aria-invalid, aria-describedby or the message get forgotten.
        var views = Directory.EnumerateFiles(Path.Combine(Repository.Root, "MoiAimerToi.Web", "Pages"), "*.cshtml", SearchOption.AllDirectories);

        Assert.Empty(views
            .Where(view => File.ReadAllText(view) is var text && (text.Contains("ValidationMessage(", StringComparison.Ordinal) || text.Contains("aria-invalid", StringComparison.Ordinal)))
            .Select(Path.GetFileName));
    }
}
