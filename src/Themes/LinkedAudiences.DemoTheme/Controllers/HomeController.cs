using Microsoft.AspNetCore.Mvc;

namespace LinkedAudiences.DemoTheme.Controllers;

/// <summary>
/// The demo's home page. The demo recipe points the site's home route here, so "/" answers without a content item
/// (the demo site has no page content type of its own).
/// </summary>
public sealed class HomeController : Controller
{
    public IActionResult Index() => View();
}
