#pragma once

#include "report/ComparisonJson.h"
#include "workers/Worker.h"

#include <QString>

#include <optional>

namespace cmtl::ui {

// Writes the model report (core/report/ModelReport.h) on a worker thread: the same file as
// `creditmtl-cli report` gives for the same model, data and time, and, when asked, a PDF of it.
class ReportWorker : public Worker {
    Q_OBJECT

public:
    struct Params {
        QString modelPath, dataPath, basePath; // basePath empty: no PSI / CSI
        QString htmlPath;                      // the report
        QString pdfPath;                       // empty: no PDF
        QString generatedAt;                   // empty: now, in UTC (ISO 8601), as the CLI writes it
        int importanceRepeats = 5;
        quint64 importanceSeed = 1;
        int threads = 0;
        // The multi-task evidence, as `report --comparison` shows it; a file's SHA-256 left empty
        // is taken from provenance.dataSource when the report starts. comparisonName names it in
        // a refusal (a comparison of other tasks or data).
        std::optional<StoredComparison> comparison;
        QString comparisonName;
    };
    explicit ReportWorker(Params params) : m_params(std::move(params)) {}

Q_SIGNALS:
    void succeeded(const QString &htmlPath, const QString &pdfPath);

protected:
    void work() override;

private:
    Params m_params;
};

} // namespace cmtl::ui
