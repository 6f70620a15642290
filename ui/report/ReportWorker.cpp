#include "report/ReportWorker.h"

#include "common/Error.h"
#include "io/AtomicFile.h"
#include "io/FileIdentity.h"
#include "io/ModelFile.h"
#include "report/ModelData.h"
#include "report/ModelReport.h"
#include "report/ReportPdf.h"
#include "statfile/DataFileReader.h"

#include <QDateTime>
#include <QFileInfo>

namespace cmtl::ui {

void ReportWorker::work()
{
    const std::string modelPath = m_params.modelPath.toStdString(), dataPath = m_params.dataPath.toStdString();
    const std::string basePath = m_params.basePath.toStdString();
    if (modelPath.empty() || dataPath.empty() || m_params.htmlPath.isEmpty())
        throw ConfigError("choose the model file, the data file and the report file");
    refuseOutputsOverInputs({{"model", modelPath}, {"data", dataPath}, {"base data", basePath}},
                            {{"report", m_params.htmlPath.toStdString()}, {"PDF", m_params.pdfPath.toStdString()}});
    Q_EMIT progress(0.0, tr("Reading %1").arg(QFileInfo(m_params.modelPath).fileName()));
    const ModelFileContents contents = loadModelFile(modelPath);
    // Read as `creditmtl-cli report` reads them (its default CSV options).
    const Table data = readDataFile(dataPath, csvOptionsForModel(contents.model, true, {}), token()).table;
    Table base;
    if (!basePath.empty())
        base = readDataFile(basePath, csvOptionsForModel(contents.model, false, {}), token()).table;
    if (isCancelled())
        throw Cancelled();

    ModelReportInputs inputs;
    inputs.modelPath = modelPath;
    inputs.model = &contents;
    inputs.data = &data;
    inputs.base = basePath.empty() ? nullptr : &base;
    inputs.importanceRepeats = m_params.importanceRepeats;
    inputs.importanceSeed = m_params.importanceSeed;
    inputs.threads = m_params.threads;
    StoredComparison comparison;
    if (m_params.comparison) {
        comparison = *m_params.comparison;
        const std::string &comparedFile = comparison.provenance.dataSource;
        if (comparison.provenance.dataSha256.empty() && QFileInfo(QString::fromStdString(comparedFile)).isFile())
            comparison.provenance.dataSha256 = fileSha256(comparedFile);
        inputs.comparison = &comparison;
        inputs.comparisonPath = m_params.comparisonName.toStdString();
    }
    inputs.generatedAt = m_params.generatedAt.isEmpty()
                             ? QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString()
                             : m_params.generatedAt.toStdString();
    // The engine's steps fill the progress up to 0.9; the PDF takes the rest.
    const std::string html = modelReportHtml(inputs, [this](int done, int total, const std::string &) {
        if (isCancelled())
            throw Cancelled();
        Q_EMIT progress(0.9 * done / total, tr("Writing the report: step %1 of %2").arg(done + 1).arg(total));
    });
    writeFileAtomically(m_params.htmlPath.toStdString(), QByteArray::fromStdString(html));
    if (!m_params.pdfPath.isEmpty()) {
        Q_EMIT progress(0.9, tr("Printing the PDF"));
        printReportToPdf(QString::fromStdString(html), m_params.pdfPath);
    }
    Q_EMIT progress(1.0, tr("Saved %1").arg(QFileInfo(m_params.htmlPath).fileName()));
    Q_EMIT succeeded(m_params.htmlPath, m_params.pdfPath);
}

} // namespace cmtl::ui
