#pragma once

// Test support shared by the suites that need programs and a real PostgreSQL server
// (tst_sqlexport, tst_database): running a program with a time limit, and a throwaway cluster.

#include "ProgramRun.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>

#include <pwd.h>
#include <unistd.h>

namespace cmtl::test {

using Run = cmtl::testing::ProgramRun;

// cmtl::testing::runProgram with these suites' argument order.
inline Run runProgram(const QString &program, const QStringList &arguments, const QByteArray &input = {},
                      int timeoutMs = 120000,
                      const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    cmtl::testing::ProgramOptions options;
    options.input = input;
    options.timeoutMs = timeoutMs;
    options.environment = environment;
    return cmtl::testing::runProgram(program, arguments, options);
}

// A throwaway PostgreSQL cluster in a temporary folder, listening on a Unix socket only, run by
// an unprivileged user when the test runs as root (PostgreSQL refuses to run as root); stopped
// and removed when the object goes (cleanupTestCase, also after failures).
class PostgresServer {
public:
    ~PostgresServer() { stop(); }

    // Empty when started; otherwise why not. `absent` is set when the server package is missing.
    QString start(bool &absent)
    {
        absent = false;
        const QStringList versions = QDir(QStringLiteral("/usr/lib/postgresql"))
                                         .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed);
        for (const QString &version : versions) {
            const QString bin = QStringLiteral("/usr/lib/postgresql/%1/bin/").arg(version);
            if (QFileInfo::exists(bin + QStringLiteral("initdb")) && QFileInfo::exists(bin + QStringLiteral("psql"))) {
                m_bin = bin;
                break;
            }
        }
        if (m_bin.isEmpty()) {
            absent = true;
            return QStringLiteral("the PostgreSQL server is not installed (no /usr/lib/postgresql/*/bin/initdb; "
                                  "Debian package postgresql, see scripts/install-deps.sh)");
        }
        if (!m_folder.isValid())
            return QStringLiteral("no temporary folder");
        if (geteuid() == 0) {
            const passwd *nobody = getpwnam("nobody");
            if (!nobody)
                return QStringLiteral("running as root and there is no user \"nobody\" to run the server as");
            m_user = QStringLiteral("nobody");
            if (chown(QFile::encodeName(m_folder.path()).constData(), nobody->pw_uid, nobody->pw_gid) != 0)
                return QStringLiteral("cannot give the temporary folder to nobody");
        }
        const Run init = asServerUser(QStringLiteral("initdb"), {QStringLiteral("-D"), cluster(), QStringLiteral("-U"),
                                                                 QStringLiteral("postgres"), QStringLiteral("-A"),
                                                                 QStringLiteral("trust"), QStringLiteral("--no-sync")});
        if (init.exitCode != 0)
            return QStringLiteral("initdb failed: ") + init.err + init.out;
        const QString serverOptions =
            QStringLiteral("-c listen_addresses='' -k %1 -c fsync=off -c max_stack_depth=6MB").arg(m_folder.path());
        const Run started =
            asServerUser(QStringLiteral("pg_ctl"),
                         {QStringLiteral("-D"), cluster(), QStringLiteral("-l"),
                          m_folder.filePath(QStringLiteral("server.log")), QStringLiteral("-o"), serverOptions,
                          QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("start")});
        m_running = started.exitCode == 0;
        if (!m_running) {
            QFile log(m_folder.filePath(QStringLiteral("server.log")));
            log.open(QIODevice::ReadOnly);
            return QStringLiteral("pg_ctl start failed: ") + started.err + QString::fromUtf8(log.readAll());
        }
        return {};
    }

    void stop()
    {
        if (!m_running)
            return;
        asServerUser(QStringLiteral("pg_ctl"),
                     {QStringLiteral("-D"), cluster(), QStringLiteral("-m"), QStringLiteral("immediate"),
                      QStringLiteral("-w"), QStringLiteral("stop")});
        m_running = false;
    }

    // Runs a script with psql; the query's rows as CSV on out.
    Run psql(const QString &script) const
    {
        return runProgram(m_bin + QStringLiteral("psql"),
                          {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("--csv"), QStringLiteral("-v"),
                           QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"), m_folder.path(),
                           QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-d"),
                           QStringLiteral("postgres"), QStringLiteral("-f"), QStringLiteral("-")},
                          script.toUtf8());
    }

    // Makes a login role `user` that must give `password` (SCRAM-SHA-256, PostgreSQL's default
    // password_encryption since 14) on the Unix socket, allowed to read and create tables in the
    // public schema; the superuser stays trusted for the tests' own set-up. Empty when done,
    // otherwise why not.
    QString requirePassword(const QString &user, const QString &password)
    {
        QString literal = password;
        literal.replace(QLatin1Char('\''), QStringLiteral("''"));
        const Run role = psql(QStringLiteral("SET password_encryption = 'scram-sha-256'; CREATE ROLE %1 LOGIN "
                                             "PASSWORD '%2'; GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1; "
                                             "GRANT CREATE ON SCHEMA public TO %1;")
                                  .arg(user, literal));
        if (role.exitCode != 0)
            return QStringLiteral("creating the role failed: ") + role.err;
        // pg_hba.conf is read top down: this line before initdb's "local all all trust".
        QFile rules(cluster() + QStringLiteral("/pg_hba.conf"));
        if (!rules.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read pg_hba.conf");
        const QByteArray before = rules.readAll();
        rules.close();
        if (!rules.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return QStringLiteral("cannot write pg_hba.conf");
        rules.write("local all " + user.toUtf8() + " scram-sha-256\n" + before);
        rules.close();
        const Run reload =
            asServerUser(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), cluster(), QStringLiteral("reload")});
        if (reload.exitCode != 0)
            return QStringLiteral("pg_ctl reload failed: ") + reload.err;
        // The reload is signalled, not waited for: wait until the role, without a password, is refused.
        for (int attempt = 0; attempt < 100; ++attempt) {
            const Run login =
                runProgram(m_bin + QStringLiteral("psql"),
                           {QStringLiteral("-X"), QStringLiteral("-w"), QStringLiteral("-h"), m_folder.path(),
                            QStringLiteral("-U"), user, QStringLiteral("-d"), QStringLiteral("postgres"),
                            QStringLiteral("-c"), QStringLiteral("SELECT 1")});
            if (login.exitCode != 0 && login.err.contains(QStringLiteral("password")))
                return {};
            QThread::msleep(50);
        }
        return QStringLiteral("the password rule was not in force after 5 s");
    }

    // The folder of the server's Unix socket (its "host"); the superuser is postgres, trusted.
    QString socketFolder() const { return m_folder.path(); }

private:
    QString cluster() const { return m_folder.filePath(QStringLiteral("cluster")); }
    Run asServerUser(const QString &tool, const QStringList &arguments) const
    {
        if (m_user.isEmpty())
            return runProgram(m_bin + tool, arguments);
        return runProgram(QStringLiteral("runuser"),
                          QStringList{QStringLiteral("-u"), m_user, QStringLiteral("--"), m_bin + tool} + arguments);
    }

    QTemporaryDir m_folder{QStringLiteral("/tmp/cmtl-pg-XXXXXX")}; // short: a socket path has 107 bytes
    QString m_bin, m_user;
    bool m_running = false;
};

} // namespace cmtl::test
