#pragma once

#include <QChartView>
#include <QColor>
#include <QString>

#include <cstddef>
#include <vector>

class QValueAxis;
class QAbstractSeries;

namespace cmtl::ui {

// Base of every chart: a QChartView with antialiasing, a light theme, a context menu and
// Ctrl+S to save it as PNG or SVG.
class ChartView : public QChartView {
    Q_OBJECT
public:
    explicit ChartView(const QString &title, QWidget *parent = nullptr);

    bool saveImage(const QString &path);
    // The colour of the index-th series of a per-task chart, the same task for task in every chart.
    static QColor seriesColor(int index);
    // Which of `count` curve points to draw: at most kMaxDrawnPoints, evenly spaced, both ends
    // always. A curve can have one point per distinct score, hundreds of thousands; a few thousand
    // look the same at any window size and paint in a fraction of the time.
    static constexpr std::size_t kMaxDrawnPoints = 1500;
    static std::vector<std::size_t> drawnPoints(std::size_t count);
    QString chartTitle() const { return m_title; }

public Q_SLOTS:
    void saveInteractively();

protected:
    // Two value axes, created once; series are attached with attach().
    QValueAxis *xAxis() const { return m_x; }
    QValueAxis *yAxis() const { return m_y; }
    void setAxes(const QString &xTitle, double xMin, double xMax, const QString &yTitle, double yMin, double yMax);
    void attach(QAbstractSeries *series);
    void clearSeries();
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    QString m_title;
    QValueAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
};

} // namespace cmtl::ui
