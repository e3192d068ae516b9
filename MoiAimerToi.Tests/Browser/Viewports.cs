using Microsoft.Playwright;

namespace MoiAimerToi.Tests.Browser;

public static class Viewports
{
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    public static ViewportSize Named(string name) => name == "phone" ? Phone : Desktop;
}
