#include "workers/Worker.h"

#include "ErrorMessages.h"
#include "common/Error.h"

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

} // namespace cmtl::ui
