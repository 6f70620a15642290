#include "workers/WorkerThread.h"

namespace cmtl::ui {

WorkerThread::WorkerThread(QObject *parent) : QObject(parent) {}

WorkerThread::~WorkerThread()
{
    stop();
}

void WorkerThread::start(Worker *worker)
{
    stop();
    m_thread = new QThread(this);
    m_worker = worker;
    worker->moveToThread(m_thread);
    connect(m_thread, &QThread::started, worker, &Worker::run);
    connect(worker, &Worker::finished, m_thread, &QThread::quit);
    connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    // Queued to this (UI) thread once the worker's thread has stopped: only then is the worker
    // really done, so isRunning() is false for whoever reacts to finished().
    const QPointer<QThread> thread = m_thread;
    connect(m_thread, &QThread::finished, this, [this, thread] {
        if (!thread || thread != m_thread)
            return; // stop() already cleaned up
        m_thread = nullptr;
        thread->deleteLater();
        Q_EMIT finished();
    });
    m_thread->start();
}

void WorkerThread::cancel()
{
    if (m_worker)
        m_worker->cancel();
}

void WorkerThread::stop()
{
    if (!m_thread)
        return;
    QThread *thread = m_thread;
    m_thread = nullptr;
    cancel();
    thread->quit();
    thread->wait();
    // The worker's deleteLater was queued to a thread that no longer runs: delete both here.
    delete m_worker.data();
    delete thread;
}

bool WorkerThread::isRunning() const
{
    // True until the UI thread has handled the thread's end (and emitted finished()).
    return m_thread != nullptr;
}

} // namespace cmtl::ui
