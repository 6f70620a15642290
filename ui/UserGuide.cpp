#include "UserGuide.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace cmtl::ui {

UserGuideDialog::UserGuideDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("userGuideDialog"));
    setWindowTitle(tr("CreditMTL User Guide"));
    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("userGuideBrowser"));
    m_browser->setAccessibleName(tr("User guide"));
    m_browser->setOpenExternalLinks(true);
    m_browser->setSource(QUrl(QStringLiteral("qrc") + guidePath()));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(760, 720);
}

QString UserGuideDialog::guidePath()
{
    // The file name is translated like any other string, so that the guide follows the language
    // of the interface; a translation naming a file that is not there falls back to English.
    const QString translated = tr(":/guide/guide_en.html", "resource path of the user guide in this language");
    return QFile::exists(translated) ? translated : QStringLiteral(":/guide/guide_en.html");
}

} // namespace cmtl::ui
