// The workbench's column list shows the distinct counts of describeColumns() as inspect does:
// exact counts as numbers, estimates past the exact cap as "about N"; and the variable labels of
// SAS, Stata and SPSS files (a Label column, and the name's tooltip).
#include "core/StatFileFixtures.h"
#include "data/DistinctCounter.h"
#include "models/ColumnListModel.h"
#include "pages/DataPage.h"

#include <QAbstractItemModel>
#include <QLocale>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
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

    // A label is shown in the Label column and after the name in its tooltip; a column without
    // one shows neither, and a table without labels says so (the Data page hides the column).
    void variableLabelsAreShown()
    {
        Column income, grade;
        income.name = "annual_inc";
        income.values = {52000.0F, 61000.0F};
        grade.name = "grade";
        grade.values = {1.0F, 2.0F};
        auto table = std::make_shared<Table>("loans.dta", std::vector<Column>{income, grade});
        describeColumns(*table);
        ui::ColumnListModel model;
        model.setTable(table, {}, {{"annual_inc", "Annual income"}, {"grade", ""}});
        QVERIFY(model.hasLabels());
        QCOMPARE(model.data(model.index(0, ui::ColumnListModel::Label)).toString(), QStringLiteral("Annual income"));
        QCOMPARE(model.data(model.index(1, ui::ColumnListModel::Label)).toString(), QString());
        QVERIFY2(model.data(model.index(0, ui::ColumnListModel::Name), Qt::ToolTipRole)
                     .toString()
                     .startsWith(QStringLiteral("<b>annual_inc</b> — Annual income")),
                 qPrintable(model.data(model.index(0, ui::ColumnListModel::Name), Qt::ToolTipRole).toString()));
        QVERIFY(!model.data(model.index(1, ui::ColumnListModel::Name), Qt::ToolTipRole)
                     .toString()
                     .contains(QStringLiteral(" — ")));
        QCOMPARE(model.headerData(ui::ColumnListModel::Label, Qt::Horizontal).toString(), QStringLiteral("Label"));
        model.setTable(table, {}, {{"grade", ""}});
        QVERIFY(!model.hasLabels());
    }

    // The Data page with a Stata file written by R's haven (funded_amnt labelled "Funded amount"):
    // its column list shows the label; with a CSV file the Label column is hidden.
    void dataPageShowsTheLabelsOfAStatisticalFile()
    {
        QTemporaryDir folder;
        bool absent = false;
        const QString written = testing::writeStatFixtures(folder.path(), absent);
        if (absent)
            QSKIP(qPrintable(written));
        QVERIFY2(written.isEmpty(), qPrintable(written));
        ui::DataPage page;
        auto *columns = page.findChild<QTableView *>(QStringLiteral("columnList"));
        QVERIFY(columns);
        const auto labelOf = [&](const QString &name) {
            const QAbstractItemModel *shown = columns->model();
            for (int row = 0; row < shown->rowCount(); ++row) {
                if (shown->index(row, ui::ColumnListModel::Name).data().toString() == name)
                    return shown->index(row, ui::ColumnListModel::Label).data().toString();
            }
            return QStringLiteral("(no column %1)").arg(name);
        };
        QSignalSpy loaded(&page, &ui::DataPage::loaded);
        page.openFile(folder.filePath(QStringLiteral("sample.dta")));
        QVERIFY(loaded.wait(60000));
        QCOMPARE(labelOf(QStringLiteral("funded_amnt")), QStringLiteral("Funded amount"));
        QCOMPARE(labelOf(QStringLiteral("grade")), QString());
        QVERIFY(!columns->isColumnHidden(ui::ColumnListModel::Label));
        page.openFile(folder.filePath(QStringLiteral("sample.csv")));
        QVERIFY(loaded.wait(60000));
        QVERIFY(columns->isColumnHidden(ui::ColumnListModel::Label));
    }
};

QTEST_MAIN(TestColumnList)
#include "tst_columnlist.moc"
