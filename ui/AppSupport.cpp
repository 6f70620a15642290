#include "AppSupport.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace cmtl::ui {

std::vector<TaskSpec> sampleTasks()
{
    return {{"Class", TaskType::Binary, "bad", 1.0},
            {"grade", TaskType::Multiclass, "", 1.0},
            {"int_rate", TaskType::Regression, "", 1.0}};
}

QString sampleFilePath()
{
    const QString name = QStringLiteral("samples/lending_club.csv");
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList candidates = {
        appDir + QLatin1Char('/') + name,
        appDir + QStringLiteral("/../share/creditmtl/") + name,
        QStringLiteral(CMTL_SOURCE_DIR "/") + name,
    };
    for (const QString &candidate : candidates) {
        if (QFileInfo::exists(candidate))
            return QDir::cleanPath(QFileInfo(candidate).absoluteFilePath());
    }
    return {};
}

QString installTranslations(QApplication &application, const QString &language)
{
    static QTranslator *ours = nullptr;
    static QTranslator *qt = nullptr;
    for (QTranslator *translator : {ours, qt}) {
        if (translator) {
            application.removeTranslator(translator);
            delete translator;
        }
    }
    ours = qt = nullptr;
    const QLocale locale = language == QLatin1String("system") ? QLocale::system() : QLocale(language);
    if (locale.language() != QLocale::Chinese) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        return QStringLiteral("en");
    }
    auto *translator = new QTranslator(&application);
    if (!translator->load(QStringLiteral(":/i18n/creditmtl_zh_CN.qm"))) {
        delete translator;
        return QStringLiteral("en");
    }
    application.installTranslator(translator);
    ours = translator;
    auto *base = new QTranslator(&application);
    if (base->load(QLocale(QLocale::Chinese, QLocale::China), QStringLiteral("qtbase"), QStringLiteral("_"),
                   QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        application.installTranslator(base);
        qt = base;
    } else {
        delete base;
    }
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    return QStringLiteral("zh_CN");
}

} // namespace cmtl::ui
