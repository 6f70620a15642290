#pragma once

#include <QDialog>

class QTextBrowser;

namespace cmtl::ui {

// Help ▸ User Guide: the short guide shipped in the resources (resources/guide/), in the language
// of the user interface, shown in a browser that follows its links.
class UserGuideDialog : public QDialog {
    Q_OBJECT
public:
    explicit UserGuideDialog(QWidget *parent = nullptr);

    // The guide's resource path for the current translation: ":/guide/guide_en.html", or the
    // Simplified Chinese one when the zh_CN translation is installed.
    static QString guidePath();
    QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser;
};

} // namespace cmtl::ui
