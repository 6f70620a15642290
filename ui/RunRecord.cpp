#include "RunRecord.h"

#include <QStringList>

namespace cmtl::ui {

const TaskScores *RunRecord::scoresOf(const std::string &task) const
{
    for (const TaskScores &candidate : scores) {
        if (candidate.task == task)
            return &candidate;
    }
    return nullptr;
}

QString RunRecord::lambdaSummary() const
{
    QStringList parts;
    for (const TaskSpec &task : roles.tasks)
        parts << QStringLiteral("%1 %2").arg(QString::fromStdString(task.column)).arg(task.lambda, 0, 'g', 3);
    return parts.join(QStringLiteral(" : "));
}

} // namespace cmtl::ui
