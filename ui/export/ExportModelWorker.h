#pragma once

#include "RunRecord.h"
#include "export/SqlExport.h"
#include "workers/Worker.h"

#include <QString>

namespace cmtl::ui {

// Writes a run's model as ONNX or SQL on a worker thread, through the same engine functions as
// `creditmtl-cli export` (exportOnnx, exportSql) and the same atomic write, so that the file is
// byte for byte the command line's.
class ExportModelWorker : public Worker {
    Q_OBJECT
public:
    enum class Format { Onnx, Sql };
    struct Params {
        RunPtr run; // keeps the model alive while the worker reads it
        Format format = Format::Onnx;
        SqlExportOptions sql; // Format::Sql
        QString path;
    };
    explicit ExportModelWorker(Params params) : m_params(std::move(params)) {}

    // False when this build has no ONNX library (the command line's export --onnx refuses too).
    static bool onnxAvailable();

Q_SIGNALS:
    void succeeded(const QString &path, qint64 bytes);

protected:
    void work() override;

private:
    Params m_params;
};

} // namespace cmtl::ui
