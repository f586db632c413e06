using LinkedAudiences.Core.Templates;

namespace LinkedAudiences.Core.Tests.Templates;

public sealed class FluidTemplateRendererTests
{
    private static readonly FluidTemplateRenderer Renderer = new(new TemplateLimits { MaxSteps = 500, MaxOutputLength = 200 });

    private static IReadOnlyDictionary<string, object?> Model() => TemplateModels.FromJsonObject("""
        {"traits": {"first_name": "Ada", "plan": "pro"}, "entities": {"account": [{"entity_key": "7", "status": "active"}, {"entity_key": "9", "status": "closed"}]}}
        """);

    [Fact]
    public async Task Render_TraitsAndEntityLoop_ProducesText()
    {
        var result = await Renderer.RenderAsync(
            "Hi {{ traits.first_name }} ({{ traits.plan | upcase }}):{% for a in entities.account %} {{ a.entity_key }}={{ a.status }}{% endfor %}", Model(), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal("Hi Ada (PRO): 7=active 9=closed", result.Output);
    }

    [Fact]
    public async Task Render_HtmlCharacters_AreNotEncoded()
    {
        var model = new Dictionary<string, object?> { ["name"] = "A & B <c>" };

        var result = await Renderer.RenderAsync("{{ name }}", model, CancellationToken.None);

        Assert.Equal("A & B <c>", result.Output);
    }

    [Fact]
    public async Task Render_JsonFilter_EscapesStrings()
    {
        var model = new Dictionary<string, object?> { ["name"] = "say \"hi\"" };

        var result = await Renderer.RenderAsync("{\"n\": {{ name | json }}}", model, CancellationToken.None);

        Assert.Equal("say \"hi\"", System.Text.Json.JsonDocument.Parse(result.Output!).RootElement.GetProperty("n").GetString());
    }

    [Fact]
    public void Parse_UnclosedTag_ReportsLineAndColumn()
    {
        var result = Renderer.Parse("line one\n  {% if x %} never closed");

        Assert.False(result.Succeeded);
        Assert.NotNull(result.Error!.Line);
        Assert.NotNull(result.Error.Column);
        Assert.Contains("line ", result.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadExpressionOnSecondLine_LocatesLineTwo()
    {
        var result = Renderer.Parse("ok\n{{ traits. }}");

        Assert.Equal(2, result.Error!.Line);
    }

    [Fact]
    public async Task Render_InfiniteLoopBeyondMaxSteps_ReturnsError()
    {
        var result = await Renderer.RenderAsync("{% for i in (1..100000) %}{% endfor %}", Model(), CancellationToken.None);

        Assert.Null(result.Output);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public async Task Render_OutputBeyondLimit_ReturnsError()
    {
        var result = await Renderer.RenderAsync("{% for i in (1..100) %}0123456789{% endfor %}", Model(), CancellationToken.None);

        Assert.Null(result.Output);
        Assert.Contains("200 characters", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ClrObjectNotAllowed_MembersAreNotReachable()
    {
        var model = new Dictionary<string, object?> { ["secret"] = new Holder("hidden") };

        var result = await Renderer.RenderAsync("[{{ secret.Value }}]", model, CancellationToken.None);

        Assert.Equal("[]", result.Output);
    }

    [Fact]
    public async Task Render_ClrTypeAllowed_MembersAreReachable()
    {
        var renderer = new FluidTemplateRenderer(allowedTypes: [typeof(Holder)]);
        var model = new Dictionary<string, object?> { ["secret"] = new Holder("shown") };

        var result = await renderer.RenderAsync("[{{ secret.Value }}]", model, CancellationToken.None);

        Assert.Equal("[shown]", result.Output);
    }

    [Fact]
    public async Task Render_ParseError_IsReturnedNotThrown()
    {
        var result = await Renderer.RenderAsync("{% for %}", Model(), CancellationToken.None);

        Assert.Null(result.Output);
        Assert.NotNull(result.Error);
    }

    public sealed record Holder(string Value);
}
