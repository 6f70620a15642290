#pragma once

// The bad-input catalogue's harness. Each case feeds creditmtl-cli (and, for data files, the
// workbench's loader) one bad input and asserts what a user sees: the exit code and the words of
// the message (the file, the line, the column and the value where they apply). A case that hangs
// is killed after its time limit and fails as "hung".

#include "ProgramRun.h"
#include "workers/DataLoader.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace cmtl::catalogue {

using CliRun = cmtl::testing::ProgramRun;

inline CliRun runCli(const QStringList &arguments, int timeoutMs = 60000, const QByteArray &standardInput = {})
{
    return cmtl::testing::runCli(arguments, timeoutMs, standardInput);
}

// Checks a refusal: no hang, no crash, the exit code, and every word (file name, line, column,
// value...) in the output. Use through CMTL_EXPECT_REFUSAL, which ends the test at a failure.
inline void expectRefusal(const CliRun &run, int expectedExitCode, const QStringList &words)
{
    const QString shown = QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3")
                              .arg(run.exitCode)
                              .arg(run.out.right(2000), run.err.right(2000));
    QVERIFY2(!run.hung, qPrintable(QStringLiteral("hung\n") + shown));
    QVERIFY2(!run.crashed, qPrintable(QStringLiteral("crashed\n") + shown));
    QVERIFY2(run.exitCode == expectedExitCode, qPrintable(shown));
    for (const QString &word : words)
        QVERIFY2(run.err.contains(word) || run.out.contains(word),
                 qPrintable(QStringLiteral("missing \"%1\"\n").arg(word) + shown));
}

// CMTL_EXPECT_REFUSAL(runCli({...}), exitCode, QStringList{words...})
#define CMTL_EXPECT_REFUSAL(...)                                                                                       \
    do {                                                                                                               \
        ::cmtl::catalogue::expectRefusal(__VA_ARGS__);                                                                 \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

// A scratch folder for a case's files.
class Scratch {
public:
    QString path(const QString &name) const { return m_directory.filePath(name); }

    QString write(const QString &name, const QByteArray &bytes) const
    {
        QFile file(path(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path(name)));
        return path(name);
    }

    QByteArray read(const QString &name) const
    {
        QFile file(path(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QString fifo(const QString &name) const
    {
        const QString where = path(name);
        if (::mkfifo(QFile::encodeName(where).constData(), 0600) != 0)
            qFatal("cannot make the FIFO %s", qPrintable(where));
        return where;
    }

private:
    QTemporaryDir m_directory;
};

// What the workbench's Data page shows for a file: the loader's failure message (its headline and
// the engine's details, as the error dialog shows both), or an empty string when the file loaded. Runs the same
// DataLoader the page runs, on this thread.
inline QString workbenchLoadError(const QString &path, const CsvOptions &options = {})
{
    ui::DataLoader loader({path, options, {}}); // no password: a file
    QString message;
    QObject::connect(&loader, &ui::Worker::failed, [&](const QString &text, const QString &details) {
        message = text + QLatin1Char('\n') + details;
    });
    loader.run();
    return message;
}

} // namespace cmtl::catalogue
