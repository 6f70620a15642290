#pragma once

#include <QWidget>

class QListWidget;
class QPushButton;

namespace cmtl::ui {

// The first page: what the program does, open a file or the sample, and the recent files.
class StartPage : public QWidget {
    Q_OBJECT
public:
    explicit StartPage(QWidget *parent = nullptr);
    void setRecentFiles(const QStringList &files);
    void setSampleAvailable(bool available);

Q_SIGNALS:
    void openFileRequested();
    void openSampleRequested();
    void openModelRequested();
    void recentFileChosen(const QString &path);

private:
    QListWidget *m_recent;
    QPushButton *m_sample;
};

} // namespace cmtl::ui
