#include "pages/StartPage.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace cmtl::ui {

StartPage::StartPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("startPage"));
    auto *logo = new QLabel(this);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/app.svg")).pixmap(72, 72));
    auto *title = new QLabel(tr("<h1>CreditMTL workbench</h1>"
                                "<p>Train one multi-task neural network on a file of loans — a shared trunk and one "
                                "head per task, such as default, grade and interest rate — and inspect each task's "
                                "results.</p>"
                                "<ol><li><b>Data</b>: open a CSV file</li><li><b>Roles</b>: choose tasks and "
                                "features</li><li><b>Settings</b>: weigh the tasks (lambda) and tune the network</li>"
                                "<li><b>Training</b>: watch the loss curves</li><li><b>Results</b>: ROC, KS, "
                                "confusion matrices, residuals</li><li><b>Runs</b> and <b>Scoring</b>: compare, save "
                                "the model, score new files</li></ol>"),
                             this);
    title->setWordWrap(true);
    title->setTextFormat(Qt::RichText);
    auto *header = new QHBoxLayout;
    header->addWidget(logo, 0, Qt::AlignTop);
    header->addWidget(title, 1);

    m_sample = new QPushButton(QIcon(QStringLiteral(":/icons/data.svg")),
                               tr("Open the &sample (Lending Club loans, three tasks)"), this);
    m_sample->setObjectName(QStringLiteral("openSampleButton"));
    auto *open = new QPushButton(QIcon(QStringLiteral(":/icons/open.svg")), tr("&Open a CSV file…"), this);
    open->setObjectName(QStringLiteral("startOpenButton"));
    auto *model = new QPushButton(QIcon(QStringLiteral(":/icons/model.svg")), tr("Open a &model file…"), this);
    model->setObjectName(QStringLiteral("startOpenModelButton"));
    for (QPushButton *button : {m_sample, open, model}) {
        button->setIconSize(QSize(24, 24));
        button->setMinimumHeight(40);
    }
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_sample);
    buttons->addWidget(open);
    buttons->addWidget(model);
    buttons->addStretch();

    auto *recentLabel = new QLabel(tr("&Recent files:"), this);
    m_recent = new QListWidget(this);
    m_recent->setObjectName(QStringLiteral("recentList"));
    // An item view takes no name from its buddy label: name it for screen readers.
    m_recent->setAccessibleName(tr("Recent files"));
    recentLabel->setBuddy(m_recent);
    auto *recent = new QVBoxLayout;
    recent->addWidget(recentLabel);
    recent->addWidget(m_recent);

    auto *body = new QHBoxLayout;
    body->addLayout(buttons, 1);
    body->addLayout(recent, 1);

    auto *column = new QVBoxLayout;
    column->addLayout(header);
    column->addSpacing(12);
    column->addLayout(body, 1);
    auto *outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(column, 6);
    outer->addStretch(1);

    connect(m_sample, &QPushButton::clicked, this, &StartPage::openSampleRequested);
    connect(open, &QPushButton::clicked, this, &StartPage::openFileRequested);
    connect(model, &QPushButton::clicked, this, &StartPage::openModelRequested);
    connect(m_recent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { Q_EMIT recentFileChosen(item->data(Qt::UserRole).toString()); });
}

void StartPage::setRecentFiles(const QStringList &files)
{
    m_recent->clear();
    for (const QString &file : files) {
        auto *item = new QListWidgetItem(QFileInfo(file).fileName() + QStringLiteral("  —  ") +
                                         QDir::toNativeSeparators(QFileInfo(file).absolutePath()));
        item->setData(Qt::UserRole, file);
        item->setToolTip(file);
        m_recent->addItem(item);
    }
}

void StartPage::setSampleAvailable(bool available)
{
    m_sample->setEnabled(available);
    if (!available)
        m_sample->setToolTip(tr("The sample file was not found beside the program."));
}

} // namespace cmtl::ui
