// One page, as small as a site can be: what bench/cold-start measures the real site against.
var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/", () => Results.Content("<!DOCTYPE html><html lang=\"fr\"><title>Bonjour</title><p>Bonjour</p></html>", "text/html; charset=utf-8"));
app.Run();
