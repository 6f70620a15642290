#pragma once

#include <limits>
#include <string>
#include <vector>

// A small writer of charts as SVG text (the model report embeds them inline), so that the engine
// draws without QtGui: line and step charts of (x, y) series, and bar charts of labelled values.
// The output is XML (well-formed XHTML when embedded) with the points' coordinates only; every
// number shown in a report is carried by its tables, not read off a chart.
namespace cmtl {

struct SvgSeries {
    std::string name;
    std::vector<double> x, y; // same length; non-finite points are left out
    bool step = false;        // a step line (horizontal, then vertical) instead of straight segments
    bool dashed = false;
    bool points = false; // dots at the points instead of a line (a scatter)
};

struct SvgLineChart {
    std::string title, xLabel, yLabel;
    std::vector<SvgSeries> series;
    // A vertical marker (e.g. the chosen epoch or the KS peak); NaN for none.
    double markerX = std::numeric_limits<double>::quiet_NaN();
    std::string markerLabel;
    bool diagonal = false; // draw y = x (ROC, calibration)
};

struct SvgBarChart {
    std::string title, valueLabel;
    std::vector<std::string> labels;
    std::vector<double> values; // non-finite values are drawn as no bar
};

// The <svg> element of a chart, `id` its element id; the text is XML-escaped.
std::string svgLineChart(const SvgLineChart &chart, const std::string &id);
std::string svgBarChart(const SvgBarChart &chart, const std::string &id);

// Escapes &, <, >, " and ' for XML text and attributes.
std::string xmlEscape(const std::string &text);

} // namespace cmtl
