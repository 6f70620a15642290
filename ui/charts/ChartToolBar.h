#pragma once

#include "charts/ImageExport.h"

#include <QWidget>

#include <functional>

class QAction;
class QToolButton;

namespace cmtl::ui {

// "Save chart…" and "Copy chart" for one chart: two actions (the chart's context menu lists them)
// shown as small tool buttons with icons in the chart's top-right corner, where they stay as the
// chart is resized. The buttons are reached with Tab and named for screen readers; neither action
// has a shortcut (Ctrl+S saves the project, wherever the focus is).
class ChartToolBar : public QWidget {
    Q_OBJECT
public:
    // `chart` is the parent; `picture` gives what is exported at the moment of the click.
    ChartToolBar(QWidget *chart, std::function<ChartPicture()> picture);

    QAction *saveAction() const { return m_save; }
    QAction *copyAction() const { return m_copy; }
    QToolButton *saveButton() const { return m_saveButton; }
    QToolButton *copyButton() const { return m_copyButton; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();

    std::function<ChartPicture()> m_picture;
    QAction *m_save;
    QAction *m_copy;
    QToolButton *m_saveButton;
    QToolButton *m_copyButton;
};

} // namespace cmtl::ui
