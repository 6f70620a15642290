#include "train/GradientBoosting.h"

#include "common/Error.h"

#ifdef CREDITMTL_HAVE_XGBOOST
#include <xgboost/c_api.h>
#endif

#include <cmath>
#include <limits>

namespace cmtl {

#ifdef CREDITMTL_HAVE_XGBOOST

namespace {

// XGBoost reports failures by a return code and a thread-local message.
void check(int code, const char *what)
{
    if (code != 0)
        throw ConfigError(std::string("gradient boosting (XGBoost) failed to ") + what + ": " + XGBGetLastError());
}

// A DMatrix of some columns of `inputs` (one XGBoost row per data row), freed on scope exit.
class RowMatrix {
public:
    RowMatrix(const Eigen::MatrixXf &inputs, const std::vector<std::size_t> &rows)
    {
        // Eigen stores the inputs column-major, one column per data row: a gathered copy is
        // exactly XGBoost's row-major layout.
        Eigen::MatrixXf gathered(inputs.rows(), static_cast<Eigen::Index>(rows.size()));
        for (std::size_t i = 0; i < rows.size(); ++i)
            gathered.col(static_cast<Eigen::Index>(i)) = inputs.col(static_cast<Eigen::Index>(rows[i]));
        check(XGDMatrixCreateFromMat(gathered.data(), static_cast<bst_ulong>(rows.size()),
                                     static_cast<bst_ulong>(inputs.rows()), std::numeric_limits<float>::quiet_NaN(),
                                     &m_handle),
              "take the input rows");
    }
    ~RowMatrix() { XGDMatrixFree(m_handle); }
    RowMatrix(const RowMatrix &) = delete;
    RowMatrix &operator=(const RowMatrix &) = delete;
    DMatrixHandle handle() const { return m_handle; }

private:
    DMatrixHandle m_handle = nullptr;
};

} // namespace

bool gradientBoostingAvailable()
{
    return true;
}

std::string gradientBoostingVersion()
{
    int major = 0, minor = 0, patch = 0;
    XGBoostVersion(&major, &minor, &patch);
    return "XGBoost " + std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

BoostedTrees::BoostedTrees(const Eigen::MatrixXf &inputs, const std::vector<float> &targets,
                           const std::vector<std::size_t> &rows, TaskType type, int classes,
                           const BoostingSettings &settings, std::uint64_t seed, int threads)
    : m_type(type), m_classes(classes)
{
    if (rows.empty())
        throw ConfigError("gradient boosting needs at least one labelled training row");
    const RowMatrix train(inputs, rows);
    std::vector<float> labels;
    for (const std::size_t row : rows)
        labels.push_back(targets[row]);
    check(XGDMatrixSetFloatInfo(train.handle(), "label", labels.data(), static_cast<bst_ulong>(labels.size())),
          "take the labels");
    const DMatrixHandle matrices[] = {train.handle()};
    check(XGBoosterCreate(matrices, 1, &m_booster), "create a booster");
    const auto set = [&](const char *name, const std::string &value) {
        check(XGBoosterSetParam(m_booster, name, value.c_str()), "set its parameters");
    };
    const auto number = [](double value) {
        char text[32];
        std::snprintf(text, sizeof text, "%.17g", value);
        return std::string(text);
    };
    set("verbosity", "0");
    switch (type) {
    case TaskType::Binary:
        set("objective", "binary:logistic");
        break;
    case TaskType::Multiclass:
        set("objective", "multi:softprob");
        set("num_class", std::to_string(classes));
        break;
    case TaskType::Regression:
        set("objective", "reg:squarederror");
        break;
    }
    set("tree_method", "hist");
    set("max_depth", std::to_string(settings.depth));
    set("eta", number(settings.learningRate));
    set("subsample", number(settings.subsample));
    set("colsample_bytree", number(settings.columnSample));
    set("min_child_weight", number(settings.minChildWeight));
    set("lambda", number(settings.l2));
    // XGBoost's seed is a 32-bit int.
    set("seed", std::to_string(seed % 2147483647u));
    set("nthread", std::to_string(threads));
    for (int round = 0; round < settings.rounds; ++round)
        check(XGBoosterUpdateOneIter(m_booster, round, train.handle()), "grow a tree");
}

BoostedTrees::~BoostedTrees()
{
    if (m_booster)
        XGBoosterFree(m_booster);
}

Eigen::MatrixXf BoostedTrees::predict(const Eigen::MatrixXf &inputs, const std::vector<std::size_t> &rows,
                                      int rounds) const
{
    const int outputs = m_type == TaskType::Multiclass ? m_classes : 1;
    Eigen::MatrixXf result(outputs, static_cast<Eigen::Index>(rows.size()));
    if (rows.empty())
        return result;
    const RowMatrix matrix(inputs, rows);
    const std::string config =
        "{\"type\": 0, \"training\": false, \"iteration_begin\": 0, \"iteration_end\": " + std::to_string(rounds) +
        ", \"strict_shape\": true}";
    const bst_ulong *shape = nullptr;
    bst_ulong dimensions = 0;
    const float *values = nullptr;
    check(XGBoosterPredictFromDMatrix(m_booster, matrix.handle(), config.c_str(), &shape, &dimensions, &values),
          "predict");
    // strict_shape: rows x outputs, row-major.
    if (dimensions != 2 || shape[0] != rows.size() || shape[1] != static_cast<bst_ulong>(outputs))
        throw ConfigError("gradient boosting (XGBoost) returned predictions of an unexpected shape");
    for (std::size_t i = 0; i < rows.size(); ++i)
        for (int k = 0; k < outputs; ++k)
            result(k, static_cast<Eigen::Index>(i)) = values[i * static_cast<std::size_t>(outputs) + k];
    return result;
}

#else

bool gradientBoostingAvailable()
{
    return false;
}

std::string gradientBoostingVersion()
{
    return {};
}

BoostedTrees::BoostedTrees(const Eigen::MatrixXf &, const std::vector<float> &, const std::vector<std::size_t> &,
                           TaskType type, int classes, const BoostingSettings &, std::uint64_t, int)
    : m_type(type), m_classes(classes)
{
    throw ConfigError("this build has no gradient boosting: XGBoost (Debian: libxgboost-dev) was not found when "
                      "CreditMTL was configured; install it and configure again");
}

BoostedTrees::~BoostedTrees() = default;

Eigen::MatrixXf BoostedTrees::predict(const Eigen::MatrixXf &, const std::vector<std::size_t> &, int) const
{
    return {};
}

#endif

} // namespace cmtl
