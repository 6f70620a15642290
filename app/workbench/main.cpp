// The desktop workbench: a thin main over the cmtl_ui library.
#include "AppSupport.h"
#include "MainWindow.h"
#include "ResourcesInit.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QSettings>
#include <QTimer>

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CreditMTL"));
    QApplication::setApplicationName(QStringLiteral("creditmtl"));
    QApplication::setApplicationDisplayName(QStringLiteral("CreditMTL"));
    QApplication::setApplicationVersion(QStringLiteral(CREDITMTL_VERSION));
    cmtl::initResources();
    cmtl::ui::installTranslations(application,
                                  QSettings().value(QStringLiteral("language"), QStringLiteral("system")).toString());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "CreditMTL workbench: multi-task credit models."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("file"),
        QApplication::translate("main", "A CSV file, a .cmtl model file or a .cmtlproj project to open."));
    parser.process(application);

    cmtl::ui::MainWindow window;
    window.show();
    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty()) {
        const QString path = QFileInfo(files.front()).absoluteFilePath();
        // Once the event loop runs, so that the window is on screen while the file loads.
        QTimer::singleShot(0, &window, [&window, path] {
            if (path.endsWith(QLatin1String(".cmtlproj"), Qt::CaseInsensitive))
                window.openProject(path);
            else if (path.endsWith(QLatin1String(".cmtl"), Qt::CaseInsensitive))
                window.openModelFile(path);
            else if (QFileInfo(path).canonicalFilePath() == QFileInfo(cmtl::ui::sampleFilePath()).canonicalFilePath())
                window.openSample();
            else
                window.openDataFile(path);
        });
    }
    // Work autosaved before a crash or a kill is offered back (after any file given above).
    QTimer::singleShot(0, &window, [&window] { window.offerRecovery(); });
    return QApplication::exec();
}
