#pragma once

#include "charts/ImageExport.h"

#include <QChartView>
#include <QColor>
#include <QSet>
#include <QString>

#include <cstddef>
#include <vector>

class QAbstractSeries;
class QLabel;
class QValueAxis;

namespace cmtl::ui {

class ChartToolBar;

// Base of every chart: a QChartView with antialiasing, a light theme, Save chart… and Copy chart
// in its own corner toolbar and context menu (exports titled with the chart, its task and its
// run), a legend that moves to the right when its entries would not fit in one line below, and a
// message shown in place of the chart when there is nothing to draw.
class ChartView : public QChartView {
    Q_OBJECT
public:
    explicit ChartView(const QString &title, QWidget *parent = nullptr);

    // The title shown on the chart, e.g. "ROC curve".
    void setTitle(const QString &title);
    QString chartTitle() const;
    // The task and the run the chart shows ("Class", "Run 3 (MMoE, uncertainty)"), either empty,
    // named in the title of its exports.
    void setSubject(const QString &task, const QString &run);
    // "ROC curve — Class — Run 3 (MMoE, uncertainty)"
    QString exportTitle() const;
    ChartPicture picture();
    bool saveImage(const QString &path);
    ChartToolBar *toolBar() const { return m_toolBar; }

    // Shows `text` in place of the chart: why it is empty and what to do. Series, axes, legend and
    // the export buttons are hidden until the chart is drawn again.
    void showMessage(const QString &text);
    // The message shown, or empty while the chart is drawn.
    QString message() const;
    // What a chart drawn from per-row scores says in its place when the run has none (a model
    // opened from a file): why, and what to do.
    static QString noScoresMessage();

    // The colour of the index-th series: a fixed qualitative palette, then hues spaced by the
    // golden angle at alternating saturation and brightness, so that no two indices share a colour
    // however many series (tasks, classes) there are. The same index is the same colour in every
    // chart, so a task keeps its colour.
    static QColor seriesColor(int index);
    // The texts the legend shows now, as drawn (a label the legend had to shorten ends in "...").
    QStringList legendTexts() const;

    // Which of `count` curve points to draw: at most kMaxDrawnPoints, evenly spaced, both ends
    // always. A curve can have one point per distinct score, hundreds of thousands; a few thousand
    // look the same at any window size and paint in a fraction of the time.
    static constexpr std::size_t kMaxDrawnPoints = 1500;
    static std::vector<std::size_t> drawnPoints(std::size_t count);

public Q_SLOTS:
    void saveInteractively();

protected:
    // Two value axes, created once; series are attached with attach().
    QValueAxis *xAxis() const { return m_x; }
    QValueAxis *yAxis() const { return m_y; }
    void setAxes(const QString &xTitle, double xMin, double xMax, const QString &yTitle, double yMin, double yMax);
    void attach(QAbstractSeries *series);
    // Keeps an attached series out of the legend (a reference line, a marker).
    void hideFromLegend(QAbstractSeries *series);
    // Forgets a series removed on its own (before deleting it).
    void forgetLegendEntry(const QAbstractSeries *series) { m_unlisted.remove(series); }
    // Removes every series and any message.
    void clearSeries();
    // Called by clearSeries once the series are deleted: a chart drops its pointers to them.
    virtual void forgetSeries() {}
    // Puts the legend below the chart when its visible entries fit there in one line, else on
    // the right, one entry per line, so that no label is cut short. Call after changing series.
    void fitLegend();
    void contextMenuEvent(QContextMenuEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QString m_task, m_run;
    QValueAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
    ChartToolBar *m_toolBar = nullptr;
    QLabel *m_message = nullptr;
    QSet<const QAbstractSeries *> m_unlisted; // attached series kept out of the legend
    QFont m_legendFont;                       // the theme's, before fitLegend makes it smaller
};

} // namespace cmtl::ui
