#include "report/SvgChart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cmtl {

namespace {

constexpr double kWidth = 560, kHeight = 300;
constexpr double kLeft = 72, kRight = 150, kTop = 28, kBottom = 42; // margins; the legend sits on the right
constexpr const char *kColours[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

std::string coordinate(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

std::string tickText(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", std::abs(value) < 1e-12 ? 0.0 : value);
    return buffer;
}

struct Range {
    double lowest = std::numeric_limits<double>::infinity(), highest = -std::numeric_limits<double>::infinity();
    void add(double value)
    {
        if (std::isfinite(value)) {
            lowest = std::min(lowest, value);
            highest = std::max(highest, value);
        }
    }
    // A range that can be drawn: something when empty, widened when a single value.
    void settle()
    {
        if (!(lowest <= highest)) {
            lowest = 0;
            highest = 1;
        } else if (lowest == highest) {
            lowest -= 0.5;
            highest += 0.5;
        }
    }
};

// Axes, ticks and labels of a plot area mapping `xs` and `ys` into the chart's frame.
struct Frame {
    Range xs, ys;
    double bottom = kBottom; // bar charts need more room for their turned labels
    double plotWidth() const { return kWidth - kLeft - kRight; }
    double plotHeight() const { return kHeight - kTop - bottom; }
    double x(double value) const { return kLeft + (value - xs.lowest) / (xs.highest - xs.lowest) * plotWidth(); }
    double y(double value) const
    {
        return kTop + plotHeight() - (value - ys.lowest) / (ys.highest - ys.lowest) * plotHeight();
    }
};

std::string openSvg(const std::string &id, const std::string &title)
{
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + xmlEscape(id) + "\" class=\"chart\" width=\"" +
           coordinate(kWidth) + "\" height=\"" + coordinate(kHeight) + "\" viewBox=\"0 0 " + coordinate(kWidth) + ' ' +
           coordinate(kHeight) + "\" role=\"img\" aria-label=\"" + xmlEscape(title) + "\"><title>" + xmlEscape(title) +
           "</title><text x=\"" + coordinate(kLeft) + "\" y=\"16\" font-size=\"13\" font-weight=\"bold\">" +
           xmlEscape(title) + "</text>";
}

std::string axes(const Frame &frame, const std::string &xLabel, const std::string &yLabel, bool xTicks)
{
    const double bottom = kTop + frame.plotHeight(), right = kLeft + frame.plotWidth();
    std::string svg = "<g stroke=\"#444\" fill=\"none\"><path d=\"M" + coordinate(kLeft) + ' ' + coordinate(kTop) +
                      " V" + coordinate(bottom) + " H" + coordinate(right) + "\"/></g><g font-size=\"10\">";
    constexpr int kTicks = 4;
    for (int t = 0; t <= kTicks; ++t) {
        const double yValue = frame.ys.lowest + (frame.ys.highest - frame.ys.lowest) * t / kTicks;
        svg += "<text x=\"" + coordinate(kLeft - 4) + "\" y=\"" + coordinate(frame.y(yValue) + 3) +
               "\" text-anchor=\"end\">" + tickText(yValue) + "</text>";
        if (xTicks) {
            const double xValue = frame.xs.lowest + (frame.xs.highest - frame.xs.lowest) * t / kTicks;
            svg += "<text x=\"" + coordinate(frame.x(xValue)) + "\" y=\"" + coordinate(bottom + 13) +
                   "\" text-anchor=\"middle\">" + tickText(xValue) + "</text>";
        }
    }
    svg += "<text x=\"" + coordinate(kLeft + frame.plotWidth() / 2) + "\" y=\"" + coordinate(kHeight - 6) +
           "\" text-anchor=\"middle\">" + xmlEscape(xLabel) + "</text><text transform=\"translate(12 " +
           coordinate(kTop + frame.plotHeight() / 2) + ") rotate(-90)\" text-anchor=\"middle\">" + xmlEscape(yLabel) +
           "</text></g>";
    return svg;
}

} // namespace

std::string xmlEscape(const std::string &text)
{
    std::string escaped;
    escaped.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            escaped += "&amp;";
            break;
        case '<':
            escaped += "&lt;";
            break;
        case '>':
            escaped += "&gt;";
            break;
        case '"':
            escaped += "&quot;";
            break;
        case '\'':
            escaped += "&#39;";
            break;
        default:
            // Control characters other than tab and newline are not allowed in XML 1.0.
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n')
                escaped += ' ';
            else
                escaped += c;
        }
    }
    return escaped;
}

std::string svgLineChart(const SvgLineChart &chart, const std::string &id)
{
    Frame frame;
    for (const SvgSeries &series : chart.series) {
        for (std::size_t i = 0; i < series.x.size() && i < series.y.size(); ++i) {
            if (std::isfinite(series.x[i]) && std::isfinite(series.y[i])) {
                frame.xs.add(series.x[i]);
                frame.ys.add(series.y[i]);
            }
        }
    }
    if (chart.diagonal) {
        for (const double corner : {0.0, 1.0}) {
            frame.xs.add(corner);
            frame.ys.add(corner);
        }
    }
    frame.xs.settle();
    frame.ys.settle();
    std::string svg = openSvg(id, chart.title) + axes(frame, chart.xLabel, chart.yLabel, true);
    if (chart.diagonal)
        svg += "<path d=\"M" + coordinate(frame.x(0)) + ' ' + coordinate(frame.y(0)) + " L" + coordinate(frame.x(1)) +
               ' ' + coordinate(frame.y(1)) + "\" stroke=\"#aaa\" stroke-dasharray=\"4 3\" fill=\"none\"/>";
    if (std::isfinite(chart.markerX) && chart.markerX >= frame.xs.lowest && chart.markerX <= frame.xs.highest) {
        const std::string x = coordinate(frame.x(chart.markerX));
        svg += "<path d=\"M" + x + ' ' + coordinate(kTop) + " V" + coordinate(kTop + frame.plotHeight()) +
               "\" stroke=\"#888\" stroke-dasharray=\"2 2\"/><text x=\"" + x + "\" y=\"" + coordinate(kTop - 3) +
               "\" font-size=\"10\" text-anchor=\"middle\">" + xmlEscape(chart.markerLabel) + "</text>";
    }
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const SvgSeries &series = chart.series[s];
        const char *colour = kColours[s % std::size(kColours)];
        std::string path;
        for (std::size_t i = 0; i < series.x.size() && i < series.y.size(); ++i) {
            if (!std::isfinite(series.x[i]) || !std::isfinite(series.y[i]))
                continue;
            const std::string x = coordinate(frame.x(series.x[i])), y = coordinate(frame.y(series.y[i]));
            if (series.points)
                svg += "<circle cx=\"" + x + "\" cy=\"" + y + "\" r=\"1.8\" fill=\"" + colour + "\"/>";
            else if (path.empty())
                path = "M" + x + ' ' + y;
            else if (series.step)
                path += " H" + x + " V" + y;
            else
                path += " L" + x + ' ' + y;
        }
        if (!path.empty())
            svg += "<path d=\"" + path + "\" stroke=\"" + colour + "\" stroke-width=\"1.6\" fill=\"none\"" +
                   (series.dashed ? " stroke-dasharray=\"5 3\"" : "") + "/>";
        const double legendY = kTop + 12 + 16 * static_cast<double>(s);
        const double legendX = kWidth - kRight + 12;
        svg += "<path d=\"M" + coordinate(legendX) + ' ' + coordinate(legendY - 4) + " h16\" stroke=\"" + colour +
               "\" stroke-width=\"2\"" + (series.dashed ? " stroke-dasharray=\"5 3\"" : "") + "/><text x=\"" +
               coordinate(legendX + 20) + "\" y=\"" + coordinate(legendY) + "\" font-size=\"10\">" +
               xmlEscape(series.name) + "</text>";
    }
    return svg + "</svg>";
}

std::string svgBarChart(const SvgBarChart &chart, const std::string &id)
{
    Frame frame;
    frame.bottom = 90;
    frame.ys.add(0);
    for (const double value : chart.values)
        frame.ys.add(value);
    frame.ys.settle();
    frame.xs = {0, static_cast<double>(std::max<std::size_t>(chart.values.size(), 1))};
    std::string svg = openSvg(id, chart.title) + axes(frame, "", chart.valueLabel, false);
    const double slot = frame.plotWidth() / frame.xs.highest;
    const double zero = frame.y(0);
    for (std::size_t i = 0; i < chart.values.size(); ++i) {
        const double left = kLeft + slot * static_cast<double>(i);
        if (std::isfinite(chart.values[i])) {
            const double top = std::min(zero, frame.y(chart.values[i]));
            svg += "<rect x=\"" + coordinate(left + slot * 0.1) + "\" y=\"" + coordinate(top) + "\" width=\"" +
                   coordinate(slot * 0.8) + "\" height=\"" + coordinate(std::abs(frame.y(chart.values[i]) - zero)) +
                   "\" fill=\"" + kColours[0] + "\"/>";
        }
        const std::string label = i < chart.labels.size() ? chart.labels[i] : std::string();
        // Labels turned 45 degrees so that long column names do not overlap.
        const double x = left + slot / 2, y = kTop + frame.plotHeight() + 10;
        svg += "<text x=\"" + coordinate(x) + "\" y=\"" + coordinate(y) + "\" font-size=\"9\" transform=\"rotate(30 " +
               coordinate(x) + ' ' + coordinate(y) + ")\">" + xmlEscape(label.substr(0, 18)) + "</text>";
    }
    return svg + "</svg>";
}

} // namespace cmtl
