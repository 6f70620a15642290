#include "workers/Worker.h"

#include "ErrorMessages.h"
#include "common/Error.h"

#include <QThread>

#include <algorithm>

namespace cmtl::ui {

void Worker::run()
{
    Q_EMIT started();
    try {
        work();
    } catch (const Cancelled &) {
        Q_EMIT cancelled();
    } catch (...) {
        const UserMessage message = describeCurrentException();
        Q_EMIT failed(message.text, message.details);
    }
    Q_EMIT finished();
}

int threadsBesideTheUi()
{
    return std::max(1, QThread::idealThreadCount() - 1);
}

int threadsForAWaitedRead()
{
    return std::max(1, QThread::idealThreadCount());
}

} // namespace cmtl::ui
