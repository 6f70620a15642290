#pragma once

// The check that a rank's part of a data source (a statistical file's rows, a database's) holds the
// whole source's rows from `next` on: the same columns, types, cells and places. A failure is
// recorded with QTest (the caller returns when QTest::currentTestFailed()).

#include "data/Table.h"

#include <QString>
#include <QTest>

#include <cstddef>

namespace cmtl::testing {

inline void comparePartOfRank(const Table &mine, const Table &all, std::size_t next, std::size_t rank)
{
    QCOMPARE(mine.columnCount(), all.columnCount());
    for (std::size_t c = 0; c < all.columnCount(); ++c) {
        const QString name = QString::fromStdString(all.column(c).name);
        QCOMPARE(mine.column(c).name, all.column(c).name);
        QVERIFY2(mine.column(c).type == all.column(c).type,
                 qPrintable(QStringLiteral("rank %1, column %2").arg(rank).arg(name)));
        for (std::size_t row = 0; row < mine.rowCount(); ++row) {
            if (mine.column(c).cellText(row) != all.column(c).cellText(next + row))
                QFAIL(qPrintable(QStringLiteral("rank %1, column %2, row %3: \"%4\" instead of \"%5\"")
                                     .arg(rank)
                                     .arg(name)
                                     .arg(next + row + 1)
                                     .arg(QString::fromStdString(mine.column(c).cellText(row)),
                                          QString::fromStdString(all.column(c).cellText(next + row)))));
        }
    }
    for (std::size_t row = 0; row < mine.rowCount(); ++row)
        QCOMPARE(mine.rowPlace(row), all.rowPlace(next + row));
}

} // namespace cmtl::testing
