#include "charts/ChartToolBar.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QToolButton>

namespace cmtl::ui {

namespace {

QToolButton *toolButton(QAction *action, const QString &name, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setObjectName(name);
    button->setAutoRaise(true);
    button->setIconSize(QSize(16, 16));
    button->setFocusPolicy(Qt::TabFocus);
    button->setAccessibleName(action->text());
    button->setAccessibleDescription(action->toolTip());
    return button;
}

} // namespace

ChartToolBar::ChartToolBar(QWidget *chart, std::function<ChartPicture()> picture)
    : QWidget(chart), m_picture(std::move(picture))
{
    setObjectName(QStringLiteral("chartToolBar"));
    m_save = new QAction(QIcon(QStringLiteral(":/icons/save-chart.svg")), tr("Save chart…"), chart);
    m_save->setObjectName(QStringLiteral("saveChartAction"));
    m_save->setToolTip(tr("Save this chart as a PNG or SVG image, titled with its task and run"));
    m_copy = new QAction(QIcon(QStringLiteral(":/icons/copy-chart.svg")), tr("Copy chart"), chart);
    m_copy->setObjectName(QStringLiteral("copyChartAction"));
    m_copy->setToolTip(tr("Copy this chart to the clipboard as an image, titled with its task and run"));
    connect(m_save, &QAction::triggered, this, [this] { saveChartPictureInteractively(parentWidget(), m_picture()); });
    connect(m_copy, &QAction::triggered, this, [this] { copyChartPicture(m_picture()); });
    chart->addAction(m_save);
    chart->addAction(m_copy);

    m_saveButton = toolButton(m_save, QStringLiteral("saveChartButton"), this);
    m_copyButton = toolButton(m_copy, QStringLiteral("copyChartButton"), this);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_saveButton);
    layout->addWidget(m_copyButton);
    chart->installEventFilter(this);
    place();
}

bool ChartToolBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parent() && (event->type() == QEvent::Resize || event->type() == QEvent::Show))
        place();
    return QWidget::eventFilter(watched, event);
}

void ChartToolBar::place()
{
    adjustSize();
    move(parentWidget()->width() - width() - 2, 2);
    raise();
}

} // namespace cmtl::ui
