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
    QThread *thread = m_thread;
    connect(m_thread, &QThread::finished, this, [this, thread] {
        thread->deleteLater();
        if (m_thread == thread)
            m_thread = nullptr;
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
    cancel();
    m_thread->quit();
    m_thread->wait();
    // The worker's deleteLater was queued to a thread that no longer runs: delete it here.
    delete m_worker.data();
    m_thread->deleteLater();
    m_thread = nullptr;
}

bool WorkerThread::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

} // namespace cmtl::ui
