#include "export/ExportModelWorker.h"

#include "common/Error.h"
#include "io/AtomicFile.h"

#ifdef CREDITMTL_HAVE_ONNX
#include "export/OnnxExport.h"
#endif

#include <QFileInfo>

namespace cmtl::ui {

bool ExportModelWorker::onnxAvailable()
{
#ifdef CREDITMTL_HAVE_ONNX
    return true;
#else
    return false;
#endif
}

void ExportModelWorker::work()
{
    if (!m_params.run)
        throw ConfigError("no model to export: train a model or open one first");
    const MultiTaskModel &model = m_params.run->result.model;
    const QString name = QFileInfo(m_params.path).fileName();
    QByteArray bytes;
    if (m_params.format == Format::Onnx) {
        Q_EMIT progress(0.1, tr("Building the ONNX graph and checking it"));
#ifdef CREDITMTL_HAVE_ONNX
        bytes = exportOnnx(model);
#else
        throw ConfigError("this build of the workbench has no ONNX support (the ONNX library was not found when it "
                          "was configured); install libonnx-dev, libprotobuf-dev and protobuf-compiler "
                          "(scripts/install-deps.sh) and rebuild, or export as SQL");
#endif
    } else {
        Q_EMIT progress(0.1, tr("Writing the SQL query"));
        bytes = QByteArray::fromStdString(exportSql(model, m_params.sql));
    }
    if (isCancelled())
        throw Cancelled();
    Q_EMIT progress(0.8, tr("Saving %1").arg(name));
    writeFileAtomically(m_params.path.toStdString(), bytes);
    Q_EMIT progress(1.0, tr("Saved %1").arg(name));
    Q_EMIT succeeded(m_params.path, bytes.size());
}

} // namespace cmtl::ui
