#pragma once

#include "workers/Worker.h"

#include <QObject>
#include <QPointer>
#include <QThread>

namespace cmtl::ui {

// Owns the thread of one worker at a time. start() moves the worker to a fresh thread and runs
// it; stop() cancels, quits and waits (used when a page or the window closes).
class WorkerThread : public QObject {
    Q_OBJECT
public:
    explicit WorkerThread(QObject *parent = nullptr);
    ~WorkerThread() override;

    // Takes ownership of `worker` (which must have no parent); it is deleted when it finishes.
    void start(Worker *worker);
    void cancel();
    void stop();
    bool isRunning() const;

Q_SIGNALS:
    void finished();

private:
    QThread *m_thread = nullptr;
    QPointer<Worker> m_worker;
};

} // namespace cmtl::ui
