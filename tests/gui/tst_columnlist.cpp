// The workbench's column list shows the distinct counts of describeColumns() as inspect does:
// exact counts as numbers, estimates past the exact cap as "about N".
#include "data/DistinctCounter.h"
#include "models/ColumnListModel.h"

#include <QLocale>
#include <QTest>

#include <bit>

using namespace cmtl;

class TestColumnList : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void estimatedCountsReadAbout()
    {
        const std::size_t rows = DistinctCounter::kExactCap + 1000;
        Column many, flag;
        many.name = "many";
        flag.name = "flag";
        for (std::size_t i = 0; i < rows; ++i) {
            many.values.push_back(
                std::bit_cast<float>(std::bit_cast<std::uint32_t>(1.0F) + static_cast<std::uint32_t>(i)));
            flag.values.push_back(static_cast<float>(i % 2));
        }
        auto table = std::make_shared<Table>("list.csv", std::vector<Column>{many, flag});
        describeColumns(*table);
        QVERIFY(table->column(0).stats->distinctApproximate);
        const std::int64_t estimate = table->column(0).stats->distinct;

        ui::ColumnListModel model;
        model.setTable(table, {});
        const QModelIndex manyDistinct = model.index(0, ui::ColumnListModel::Distinct);
        const QModelIndex flagDistinct = model.index(1, ui::ColumnListModel::Distinct);
        QCOMPARE(model.data(manyDistinct).toString(),
                 QStringLiteral("about %1").arg(QLocale().toString(static_cast<qlonglong>(estimate))));
        QCOMPARE(model.data(manyDistinct, Qt::UserRole).toLongLong(), estimate);
        QCOMPARE(model.data(flagDistinct).toString(), QLocale().toString(2));
    }
};

QTEST_MAIN(TestColumnList)
#include "tst_columnlist.moc"
