#pragma once

#include "charts/ImageExport.h"

#include <Eigen/Core>

#include <QStringList>
#include <QWidget>

#include <cstdint>

namespace cmtl::ui {

class ChartToolBar;

// A confusion matrix (rows actual, columns predicted) drawn as a heat map: each cell shaded by
// its share of the actual class, labelled with the count and that share. Save chart… and Copy
// chart in its corner and context menu, as for the other charts.
class ConfusionHeatmap : public QWidget {
    Q_OBJECT
public:
    using Matrix = Eigen::Matrix<std::int64_t, Eigen::Dynamic, Eigen::Dynamic>;

    explicit ConfusionHeatmap(QWidget *parent = nullptr);

    void setMatrix(const QStringList &classes, const Matrix &matrix);
    const Matrix &matrix() const { return m_matrix; }
    bool saveImage(const QString &path);
    // The task and run shown, for the title of exports (see ChartView::setSubject).
    void setSubject(const QString &task, const QString &run);
    QString exportTitle() const;
    ChartPicture picture() const;
    ChartToolBar *toolBar() const { return m_toolBar; }

    QSize sizeHint() const override { return {420, 360}; }
    QSize minimumSizeHint() const override { return {220, 200}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    // Draws the matrix into `area`, under `title` (none when empty).
    void paint(QPainter &painter, const QRect &area, const QString &title) const;

    QString m_task, m_run;
    ChartToolBar *m_toolBar;
    QStringList m_classes;
    Matrix m_matrix;
};

} // namespace cmtl::ui
