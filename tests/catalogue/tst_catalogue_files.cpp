// Bad-input catalogue: inputs that are not data files at all (missing paths, directories).

#include "Catalogue.h"

using namespace cmtl::catalogue;

class CatalogueFiles : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void missingDataFile()
    {
        const QString path = m_scratch.path(QStringLiteral("nowhere.csv"));
        CMTL_EXPECT_REFUSAL(runCli({QStringLiteral("inspect"), path}), 1,
                            QStringList{path, QStringLiteral("cannot open")});
        QVERIFY(workbenchLoadError(path).contains(QStringLiteral("nowhere.csv")));
    }

    void directoryAsData()
    {
        const QString path = m_scratch.path(QString());
        CMTL_EXPECT_REFUSAL(runCli({QStringLiteral("inspect"), path}), 1,
                            QStringList{QStringLiteral("not a regular file")});
        QVERIFY(!workbenchLoadError(path).isEmpty());
    }

    void directoryAsModel()
    {
        const QString directory = m_scratch.path(QString());
        const QString data = m_scratch.write(QStringLiteral("d.csv"), "a,b\n1,2\n");
        CMTL_EXPECT_REFUSAL(
            runCli({QStringLiteral("predict"), QStringLiteral("--model"), directory, QStringLiteral("--data"), data,
                    QStringLiteral("--out"), m_scratch.path(QStringLiteral("p.csv"))}),
            1, QStringList{directory});
        QVERIFY(!QFile::exists(m_scratch.path(QStringLiteral("p.csv"))));
    }

private:
    Scratch m_scratch;
};

QTEST_GUILESS_MAIN(CatalogueFiles)
#include "tst_catalogue_files.moc"
