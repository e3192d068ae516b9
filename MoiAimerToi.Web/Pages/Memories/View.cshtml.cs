using MoiAimerToi.Web.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MoiAimerToi.Web.Memories;

namespace MoiAimerToi.Web.Pages.Memories;

/// <summary>One memory, its photo large, with the newer and older memories a swipe or an arrow key away.</summary>
[OutputCache(PolicyName = PageCache.Policy)]
public sealed class ViewModel(MemoryService memories) : PageModel
{
    public Memory Memory { get; private set; } = null!;

    public Memory? Newer { get; private set; }

    public Memory? Older { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await memories.FindAsync(id) is not { } memory)
        {
            return NotFound();
        }

        Memory = memory;
        (Newer, Older) = await memories.NeighboursAsync(memory);
        return Page();
    }
}
