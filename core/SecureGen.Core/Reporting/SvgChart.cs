using System.Globalization;
using System.Net;
using System.Text;

namespace SecureGen.Core.Reporting;

/// <summary>A small SVG writer: shapes and text in user units, numbers formatted invariantly, text escaped.</summary>
internal sealed class SvgChart
{
    private readonly StringBuilder _body = new();

    public SvgChart(int width, int height, string label)
    {
        Width = width;
        Height = height;
        Label = label;
    }

    public int Width { get; }

    public int Height { get; }

    public string Label { get; }

    public SvgChart Rect(double x, double y, double width, double height, string fill, string? title = null, string? cssClass = null)
    {
        _body.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(Math.Max(0, width))}\" height=\"{F(Math.Max(0, height))}\" fill=\"{fill}\"");
        if (cssClass is not null)
        {
            _body.Append(CultureInfo.InvariantCulture, $" class=\"{cssClass}\"");
        }

        if (title is null)
        {
            _body.Append("/>");
        }
        else
        {
            _body.Append("><title>").Append(WebUtility.HtmlEncode(title)).Append("</title></rect>");
        }

        return this;
    }

    public SvgChart Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        _body.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x1)}\" y1=\"{F(y1)}\" x2=\"{F(x2)}\" y2=\"{F(y2)}\" stroke=\"{stroke}\" stroke-width=\"{F(width)}\"");
        if (dash is not null)
        {
            _body.Append(CultureInfo.InvariantCulture, $" stroke-dasharray=\"{dash}\"");
        }

        _body.Append("/>");
        return this;
    }

    public SvgChart Polyline(IEnumerable<(double X, double Y)> points, string stroke, string cssClass)
    {
        var coordinates = string.Join(' ', points.Select(p => $"{F(p.X)},{F(p.Y)}"));
        _body.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{coordinates}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"2\" class=\"{cssClass}\"/>");
        return this;
    }

    public SvgChart Circle(double x, double y, double r, string fill, string? title = null)
    {
        _body.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"{F(r)}\" fill=\"{fill}\">");
        if (title is not null)
        {
            _body.Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>");
        }

        _body.Append("</circle>");
        return this;
    }

    public SvgChart Text(double x, double y, string text, string anchor = "start", int size = 12, string fill = "#222", string weight = "normal")
    {
        _body.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{F(y)}\" text-anchor=\"{anchor}\" font-size=\"{size}\" font-weight=\"{weight}\" fill=\"{fill}\">")
            .Append(WebUtility.HtmlEncode(text)).Append("</text>");
        return this;
    }

    public override string ToString() =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(Label)}\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\">"
        + $"<title>{WebUtility.HtmlEncode(Label)}</title>{_body}</svg>";

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
