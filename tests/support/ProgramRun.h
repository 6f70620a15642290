#pragma once

// Running a program from a test: its exit code and output, under a time limit after which it is
// killed and the run counts as failed ("hung"), so that a test never waits forever and never
// mistakes a program still running for one that succeeded. runCli runs creditmtl-cli in tests
// whose target defines CMTL_CLI_PATH.

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace cmtl::testing {

struct ProgramRun {
    int exitCode = -1;    // -1 when the program did not start, crashed or was killed
    bool crashed = false; // ended by a signal
    bool hung = false;    // killed after the time limit
    QString out, err;     // err says why when the program did not start or finish

    bool succeeded() const { return exitCode == 0 && !crashed && !hung; }
    // The run as a failure message shows it: the exit code and the ends of both outputs.
    QString shown() const
    {
        return QStringLiteral("exit %1%2\nstdout:\n%3\nstderr:\n%4")
            .arg(exitCode)
            .arg(hung      ? QStringLiteral(" (hung)")
                 : crashed ? QStringLiteral(" (crashed)")
                           : QString())
            .arg(out.right(2000), err.right(2000));
    }
};

struct ProgramOptions {
    QByteArray input; // written to the standard input, which is then closed
    int timeoutMs = 120000;
    QString directory; // the working directory; empty: the test's
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
};

inline ProgramRun runProgram(const QString &program, const QStringList &arguments, const ProgramOptions &options = {})
{
    QProcess process;
    process.setProcessEnvironment(options.environment);
    if (!options.directory.isEmpty())
        process.setWorkingDirectory(options.directory);
    process.start(program, arguments);
    ProgramRun run;
    if (!process.waitForStarted(10000)) {
        run.err = program + QStringLiteral(" did not start: ") + process.errorString();
        return run;
    }
    process.write(options.input);
    process.closeWriteChannel();
    if (!process.waitForFinished(options.timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.hung = true;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = program + QStringLiteral(" did not finish within %1 s: ").arg(options.timeoutMs / 1000) +
                  arguments.join(u' ') + u'\n' + QString::fromUtf8(process.readAllStandardError());
        return run;
    }
    run.crashed = process.exitStatus() == QProcess::CrashExit;
    run.exitCode = run.crashed ? -1 : process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

#ifdef CMTL_CLI_PATH
inline ProgramRun runCli(const QStringList &arguments, int timeoutMs = 120000, const QByteArray &input = {})
{
    ProgramOptions options;
    options.timeoutMs = timeoutMs;
    options.input = input;
    return runProgram(QStringLiteral(CMTL_CLI_PATH), arguments, options);
}
#endif

// A file's bytes; empty when it cannot be read.
inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace cmtl::testing
