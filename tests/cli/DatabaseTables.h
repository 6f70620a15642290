#pragma once

// Test support shared by the suites that put the sample into a database and read it back
// (tst_database, tst_opendatabase): the CREATE TABLE of a table typed as the CSV reader types it,
// and a cell-by-cell comparison of two tables.

#include "PostgresServer.h"
#include "data/Table.h"

#include <QString>
#include <QStringList>
#include <QTest>

namespace cmtl::test {

inline QString quoted(const std::string &name)
{
    return QLatin1Char('"') + QString::fromStdString(name) + QLatin1Char('"');
}

// CREATE TABLE for the sample, typed as the CSV reader types it (numbers as `numberType`).
inline QString createSampleTable(const Table &csv, const QString &table, const QString &numberType)
{
    QStringList columns;
    for (const Column &column : csv.columns())
        columns << quoted(column.name) + QLatin1Char(' ') +
                       (column.type == ColumnType::Numeric ? numberType : QStringLiteral("TEXT"));
    return QStringLiteral("CREATE TABLE %1 (%2);").arg(table, columns.join(QStringLiteral(", ")));
}

// Every cell equal, as text (the CSV reader's shortest form), and every column of the same type.
inline void compareTables(const Table &expected, const Table &actual)
{
    QCOMPARE(actual.columnCount(), expected.columnCount());
    QCOMPARE(actual.rowCount(), expected.rowCount());
    for (std::size_t c = 0; c < expected.columnCount(); ++c) {
        const Column &want = expected.column(c);
        const Column &got = actual.column(c);
        QCOMPARE(got.name, want.name);
        QVERIFY2(got.type == want.type, want.name.c_str());
        if (want.type == ColumnType::Categorical)
            QCOMPARE(got.levels, want.levels); // first-seen order too
        for (std::size_t row = 0; row < expected.rowCount(); ++row) {
            if (got.cellText(row) != want.cellText(row))
                QFAIL(qPrintable(
                    QStringLiteral("column %1, row %2: %3 instead of %4")
                        .arg(QString::fromStdString(want.name))
                        .arg(row + 1)
                        .arg(QString::fromStdString(got.cellText(row)), QString::fromStdString(want.cellText(row)))));
        }
    }
}

// Starts `server` and copies the sample CSV at `sample` (read as `csv`) into its table "loans",
// typed as the CSV reader types it (numbers float8). Returns "" when done; else why not, with
// `absent` set when the server package is missing (the caller skips the PostgreSQL cases).
inline QString startWithSample(PostgresServer &server, const Table &csv, const QString &sample, bool &absent)
{
    const QString notStarted = server.start(absent);
    if (!notStarted.isEmpty())
        return notStarted;
    const Run copy = server.psql(createSampleTable(csv, QStringLiteral("loans"), QStringLiteral("float8")) +
                                 QStringLiteral("\n\\copy loans from '%1' csv header\n").arg(sample));
    return copy.exitCode == 0 ? QString() : QStringLiteral("psql \\copy failed: ") + copy.err;
}

} // namespace cmtl::test
