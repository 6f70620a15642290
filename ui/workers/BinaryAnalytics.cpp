#include "workers/BinaryAnalytics.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace cmtl::ui {

BinaryAnalytics::BinaryAnalytics(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, [this] {
        m_running = false;
        const Result result = m_watcher.result();
        if (m_waiting) {
            Request next = std::move(*m_waiting);
            m_waiting.reset();
            start(std::move(next));
        }
        Q_EMIT ready(result);
    });
}

// A computation still running goes on to its end with its own copy of the scores; its result is
// dropped.
BinaryAnalytics::~BinaryAnalytics() = default;

void BinaryAnalytics::request(Request request)
{
    if (!request.scores)
        return;
    if (m_running) {
        // Waits for the running one. A part the new request does not ask for keeps the waiting
        // request's (the caller drops a part whose generation is no longer its own).
        if (m_waiting && m_waiting->scores == request.scores) {
            if (request.bands == 0) {
                request.bands = m_waiting->bands;
                request.gainsGeneration = m_waiting->gainsGeneration;
            }
            if (!request.cutoff) {
                request.cutoff = m_waiting->cutoff;
                request.cutoffGeneration = m_waiting->cutoffGeneration;
            }
            request.curves = request.curves || m_waiting->curves;
        }
        m_waiting = std::move(request);
        return;
    }
    if (request.scores->scores.size() <= kSynchronousRows) {
        Q_EMIT ready(compute(request));
        return;
    }
    start(std::move(request));
}

void BinaryAnalytics::start(Request request)
{
    m_running = true;
    m_watcher.setFuture(QtConcurrent::run([request = std::move(request)] { return compute(request); }));
}

BinaryAnalytics::Result BinaryAnalytics::compute(const Request &request)
{
    Result result;
    result.request = request;
    const std::vector<float> &scores = request.scores->scores;
    const std::vector<std::uint8_t> &labels = request.scores->labels;
    if (request.bands > 0) {
        result.gains = gainsTable(scores, labels, request.bands);
        result.ks = ksStatistic(scores, labels);
    }
    if (request.cutoff) {
        try {
            result.decision = chooseCutoff(scores, labels, *request.cutoff);
            result.atCutoff = confusionAt(scores, labels, result.decision->cutoff);
        } catch (const std::invalid_argument &error) {
            result.cutoffError = QString::fromStdString(error.what());
        }
    }
    if (request.curves) {
        result.hasCurves = true;
        result.precisionRecall = precisionRecallCurve(scores, labels);
        result.averagePrecision = averagePrecision(scores, labels);
        result.cumulativeGains = cumulativeGainsCurve(scores, labels);
        // Every row flagged: the positives among the rows.
        const ConfusionCounts all = confusionAt(scores, labels, -std::numeric_limits<double>::infinity());
        result.positiveRate =
            double(all.truePositive) / double(std::max<std::int64_t>(1, all.truePositive + all.falsePositive));
    }
    return result;
}

} // namespace cmtl::ui
