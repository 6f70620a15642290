#pragma once

#include "metrics/BinaryMetrics.h"
#include "metrics/CostCutoff.h"
#include "metrics/Gains.h"
#include "metrics/TaskScores.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace cmtl::ui {

// What a binary task's gains table, cut-off and ranking charts (precision-recall, cumulative gains,
// lift) need from the engine, computed from the task's per-row scores. Each of them sorts the rows:
// instant for a test part of thousands of rows, a second or more for millions. So a small set is
// computed at once on the caller's thread (the result is there when request() returns), a large one
// on a pool thread, one computation at a time: a request made meanwhile waits, and a newer one
// replaces it, so that typing a cost does not queue a computation per keystroke.
class BinaryAnalytics : public QObject {
    Q_OBJECT
public:
    // Rows up to which a request is computed on the caller's thread (about 10 ms).
    static constexpr std::size_t kSynchronousRows = 50'000;

    struct Request {
        std::shared_ptr<const TaskScores> scores;
        int bands = 0;                                     // the gains table over this many bands; 0: not asked
        std::optional<CutoffCriterion> cutoff;             // the cut-off by this criterion; nullopt: not asked
        bool curves = false;                               // the precision-recall and cumulative gains curves
        quint64 gainsGeneration = 0, cutoffGeneration = 0; // the caller's, given back with the result
    };

    struct Result {
        Request request;
        std::optional<GainsTable> gains;
        double ks = NAN; // over every threshold, beside the gains table's band KS
        std::optional<CutoffDecision> decision;
        ConfusionCounts atCutoff; // the counts at the chosen cut-off, for its point on the ROC curve
        QString cutoffError;      // the engine's refusal of the criterion, when it refused it
        bool hasCurves = false;
        std::vector<PrecisionRecallPoint> precisionRecall;
        double averagePrecision = NAN;
        std::vector<CumulativeGainsPoint> cumulativeGains;
        double positiveRate = NAN;
    };

    explicit BinaryAnalytics(QObject *parent = nullptr);
    ~BinaryAnalytics() override;

    // Computes what `request` asks for; ready() brings the result.
    void request(Request request);
    // Whether a computation runs on a pool thread.
    bool busy() const { return m_running; }

    // The computation itself, from the engine's functions.
    static Result compute(const Request &request);

Q_SIGNALS:
    void ready(const cmtl::ui::BinaryAnalytics::Result &result);

private:
    void start(Request request);

    QFutureWatcher<Result> m_watcher;
    bool m_running = false;
    std::optional<Request> m_waiting;
};

} // namespace cmtl::ui
