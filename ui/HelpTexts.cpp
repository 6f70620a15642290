#include "HelpTexts.h"

#include <QCoreApplication>
#include <QWidget>

namespace cmtl::ui {

namespace {

// The translation context of the texts below.
class HelpTexts {
    Q_DECLARE_TR_FUNCTIONS(HelpTexts)
public:
    static QString metric(const QString &metric);
};

QString HelpTexts::metric(const QString &metric)
{
    const QString name = metric.section(QLatin1Char('@'), 0, 0);
    if (name == QLatin1String("AUC"))
        return tr("Area under the ROC curve: the chance that a random bad loan scores above a random good one. "
                  "0.5 is a coin toss, 1 a perfect ranking; it does not depend on any threshold.");
    if (name == QLatin1String("KS"))
        return tr("Kolmogorov-Smirnov statistic: the largest gap between the shares of bad and of good loans "
                  "scoring above a cut-off. A common credit-scoring measure of separation; 0 none, 1 complete.");
    if (name == QLatin1String("Gini"))
        return tr("Gini coefficient (accuracy ratio) = 2 × AUC − 1: 0 for a random ranking, 1 for a perfect one.");
    if (name == QLatin1String("log loss"))
        return tr("Mean negative log-likelihood of the outcomes under the predicted probabilities: rewards "
                  "well-calibrated probabilities, punishes confident mistakes. Lower is better.");
    if (name == QLatin1String("Brier"))
        return tr("Brier score: mean squared difference between the predicted probability and the outcome (0 or 1). "
                  "Lower is better; at a 5% default rate, always predicting 5% scores about 0.0475.");
    if (name == QLatin1String("accuracy"))
        return tr("Share of rows classified correctly. At a low default rate it is high even for a model that "
                  "flags nobody: read it with precision and recall.");
    if (name == QLatin1String("precision"))
        return tr("Of the loans flagged as positive (score at or above the threshold), the share that are "
                  "positive. Undefined (—) when nothing is flagged.");
    if (name == QLatin1String("recall"))
        return tr("Of the positive loans, the share flagged (true positive rate). Undefined (—) without positives.");
    if (name == QLatin1String("F1"))
        return tr("Harmonic mean of precision and recall at the threshold: high only when both are.");
    if (name == QLatin1String("macro-F1"))
        return tr("F1 of each class, averaged with equal weight per class: a rare grade counts as much as a common "
                  "one.");
    if (name == QLatin1String("RMSE"))
        return tr("Root mean squared error, in the task's own unit (e.g. interest-rate points): large errors weigh "
                  "more.");
    if (name == QLatin1String("MAE"))
        return tr("Mean absolute error, in the task's own unit: the typical size of an error.");
    if (name == QStringLiteral("R²"))
        return tr("Share of the variance explained: 1 perfect, 0 no better than predicting the mean, below 0 worse.");
    if (name == QLatin1String("rows"))
        return tr("Rows of the part with a known outcome for this task.");
    return {};
}

} // namespace

QString metricHelp(const QString &metric)
{
    return HelpTexts::metric(metric);
}

void setHelp(QWidget *widget, const QString &text)
{
    widget->setToolTip(text);
    widget->setWhatsThis(text);
}

} // namespace cmtl::ui
