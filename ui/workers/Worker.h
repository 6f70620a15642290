#pragma once

#include "common/Cancellation.h"

#include <QObject>
#include <QString>

namespace cmtl::ui {

// A long operation run on a QThread (in the manner of qBittorrent's TorrentCreator): the caller
// fills a parameters struct, moves the worker to a thread and connects QThread::started to run().
// run() catches every exception and reports it as a message a user can read; cancel() may be
// called from any thread and is seen by the engine at its next batch or parsed chunk.
class Worker : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    void cancel() noexcept { m_cancel.cancel(); }
    bool isCancelled() const noexcept { return m_cancel.isCancelled(); }

public Q_SLOTS:
    void run();

Q_SIGNALS:
    void started();
    // fraction in [0, 1]; text says what is being done.
    void progress(double fraction, const QString &text);
    void failed(const QString &message, const QString &details);
    void cancelled();
    // Always emitted last, after succeeded/failed/cancelled.
    void finished();

protected:
    // Does the work and emits the subclass's succeeded signal. Throws on failure.
    virtual void work() = 0;
    const CancellationToken *token() const { return &m_cancel; }

private:
    CancellationToken m_cancel;
};

// How many threads a worker's engine call may use.
// - Work the user goes on beside (training, importance, scoring a file, stability): every core
//   but one, which stays with the UI thread so that the window answers at once while it runs.
// - A file's first read, which the user waits for with nothing else to do: every core. The UI
//   thread only repaints the progress bar meanwhile (at most 20 times a second), which the
//   scheduler fits in; on a 2-core machine leaving one core idle doubled the read (1.2 s -> 2.3 s
//   on the 1,000,000-row reference file).
int threadsBesideTheUi();
int threadsForAWaitedRead();

} // namespace cmtl::ui
