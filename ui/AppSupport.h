#pragma once

#include "tasks/TaskSpec.h"

#include <QString>

#include <vector>

class QApplication;

namespace cmtl::ui {

// samples/lending_club.csv, looked up beside the executable, in an installed share directory and
// in the source tree the program was built from. Empty when none exists.
QString sampleFilePath();

// The tasks of the sample's three-task demo: Class (bad), grade and int_rate.
std::vector<TaskSpec> sampleTasks();

// "zh_CN", "en" or "system" (QSettings key "language"); installs the workbench's and Qt's own
// translations for it. Returns the language actually used ("en" when none was found).
QString installTranslations(QApplication &application, const QString &language);

} // namespace cmtl::ui
