#pragma once

#include <Eigen/Core>

#include <QStringList>
#include <QWidget>

#include <cstdint>

namespace cmtl::ui {

// A confusion matrix (rows actual, columns predicted) drawn as a heat map: each cell shaded by
// its share of the actual class, labelled with the count and that share. Saveable as PNG/SVG.
class ConfusionHeatmap : public QWidget {
    Q_OBJECT
public:
    using Matrix = Eigen::Matrix<std::int64_t, Eigen::Dynamic, Eigen::Dynamic>;

    explicit ConfusionHeatmap(QWidget *parent = nullptr);

    void setMatrix(const QStringList &classes, const Matrix &matrix);
    const Matrix &matrix() const { return m_matrix; }
    bool saveImage(const QString &path);

    QSize sizeHint() const override { return {420, 360}; }
    QSize minimumSizeHint() const override { return {220, 200}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    QStringList m_classes;
    Matrix m_matrix;
};

} // namespace cmtl::ui
