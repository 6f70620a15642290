#include "export/OnnxExport.h"

#include "common/Error.h"
#include "csv/CsvReader.h"
#include "csv/CsvTokenizer.h"
#include "export/ExportSupport.h"

#include <onnx/checker.h>
#include <onnx/defs/schema.h>
#include <onnx/onnx_pb.h>
#include <onnx/shape_inference/implementation.h>

#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace cmtl {

const std::vector<std::string> &onnxMissingTokens()
{
    static const std::vector<std::string> tokens = CsvOptions{}.missingTokens;
    return tokens;
}

namespace {

constexpr const char *kMlDomain = "ai.onnx.ml";

// The tensors of a graph under construction: each method adds initializers or nodes and returns
// the name of the tensor it made. Generated names start with "cmtl/" and are checked against the
// graph's input and output names, which are the user's column and task names.
class GraphBuilder {
public:
    explicit GraphBuilder(onnx::GraphProto &graph) : m_graph(graph) {}

    // Reserves a name the graph exposes (an input or output); refuses a duplicate.
    void reserve(const std::string &name, const char *what)
    {
        if (!m_names.insert(name).second)
            throw ConfigError("cannot export to ONNX: the " + std::string(what) + " name \"" + name +
                              "\" is used twice in the graph (an input column and a task output share it); rename "
                              "the column");
    }

    std::string fresh(const std::string &hint)
    {
        std::string name = "cmtl/" + hint;
        for (int suffix = 2; m_names.count(name) > 0; ++suffix)
            name = "cmtl/" + hint + "_" + std::to_string(suffix);
        m_names.insert(name);
        return name;
    }

    std::string floats(const std::string &hint, const float *values, std::int64_t count, std::vector<std::int64_t> dims)
    {
        onnx::TensorProto &tensor = *m_graph.add_initializer();
        tensor.set_name(fresh(hint));
        tensor.set_data_type(onnx::TensorProto::FLOAT);
        for (const std::int64_t dim : dims)
            tensor.add_dims(dim);
        tensor.mutable_float_data()->Add(values, values + count);
        return tensor.name();
    }
    std::string scalar(const std::string &hint, float value) { return floats(hint, &value, 1, {}); }
    // A double scalar (bin bounds compared with the widened input, as the engine compares them).
    std::string doubleScalar(const std::string &hint, double value)
    {
        onnx::TensorProto &tensor = *m_graph.add_initializer();
        tensor.set_name(fresh(hint));
        tensor.set_data_type(onnx::TensorProto::DOUBLE);
        tensor.add_double_data(value);
        return tensor.name();
    }
    std::string floatRow(const std::string &hint, const std::vector<float> &values)
    {
        return floats(hint, values.data(), static_cast<std::int64_t>(values.size()),
                      {1, static_cast<std::int64_t>(values.size())});
    }
    std::string int64s(const std::string &hint, const std::vector<std::int64_t> &values, std::vector<std::int64_t> dims)
    {
        onnx::TensorProto &tensor = *m_graph.add_initializer();
        tensor.set_name(fresh(hint));
        tensor.set_data_type(onnx::TensorProto::INT64);
        for (const std::int64_t dim : dims)
            tensor.add_dims(dim);
        tensor.mutable_int64_data()->Add(values.begin(), values.end());
        return tensor.name();
    }

    // A node of `type` reading `inputs`, writing one tensor: named `output` when given (a graph
    // output), else a fresh name from `hint`.
    onnx::NodeProto &node(const char *type, const std::vector<std::string> &inputs, const std::string &hint,
                          const std::string &output = {}, const char *domain = "")
    {
        onnx::NodeProto &node = *m_graph.add_node();
        node.set_op_type(type);
        node.set_domain(domain);
        for (const std::string &input : inputs)
            node.add_input(input);
        node.add_output(output.empty() ? fresh(hint) : output);
        node.set_name(node.output(0));
        return node;
    }
    std::string apply(const char *type, const std::vector<std::string> &inputs, const std::string &hint)
    {
        return node(type, inputs, hint).output(0);
    }

private:
    onnx::GraphProto &m_graph;
    std::set<std::string> m_names;
};

void setInt(onnx::NodeProto &node, const char *name, std::int64_t value)
{
    onnx::AttributeProto &attribute = *node.add_attribute();
    attribute.set_name(name);
    attribute.set_type(onnx::AttributeProto::INT);
    attribute.set_i(value);
}

void setInts(onnx::NodeProto &node, const char *name, const std::vector<std::int64_t> &values)
{
    onnx::AttributeProto &attribute = *node.add_attribute();
    attribute.set_name(name);
    attribute.set_type(onnx::AttributeProto::INTS);
    attribute.mutable_ints()->Add(values.begin(), values.end());
}

void setStrings(onnx::NodeProto &node, const char *name, const std::vector<std::string> &values)
{
    onnx::AttributeProto &attribute = *node.add_attribute();
    attribute.set_name(name);
    attribute.set_type(onnx::AttributeProto::STRINGS);
    for (const std::string &value : values)
        attribute.add_strings(value);
}

void setFloats(onnx::NodeProto &node, const char *name, const std::vector<float> &values)
{
    onnx::AttributeProto &attribute = *node.add_attribute();
    attribute.set_name(name);
    attribute.set_type(onnx::AttributeProto::FLOATS);
    attribute.mutable_floats()->Add(values.begin(), values.end());
}

void setFloat(onnx::NodeProto &node, const char *name, float value)
{
    onnx::AttributeProto &attribute = *node.add_attribute();
    attribute.set_name(name);
    attribute.set_type(onnx::AttributeProto::FLOAT);
    attribute.set_f(value);
}

void setString(onnx::NodeProto &node, const char *name, const std::string &value)
{
    onnx::AttributeProto &attribute = *node.add_attribute();
    attribute.set_name(name);
    attribute.set_type(onnx::AttributeProto::STRING);
    attribute.set_s(value);
}

// A tensor's type with a shape: the batch dimension "N" (as a symbol), then fixed sizes.
void describeTensor(onnx::ValueInfoProto &info, const std::string &name, onnx::TensorProto::DataType type,
                    const std::vector<std::int64_t> &fixedDims)
{
    info.set_name(name);
    onnx::TypeProto_Tensor &tensor = *info.mutable_type()->mutable_tensor_type();
    tensor.set_elem_type(type);
    onnx::TensorShapeProto &shape = *tensor.mutable_shape();
    shape.add_dim()->set_dim_param("N");
    for (const std::int64_t dim : fixedDims)
        shape.add_dim()->set_dim_value(dim);
}

// The model's missing values for a numeric column that read as numbers: the CSV reader makes
// the cells holding those numbers missing (CsvOptions::columnMissingValues), and so does the graph.
std::vector<float> numericMissingValues(const std::vector<std::string> &texts)
{
    std::vector<float> values;
    for (const std::string &text : texts) {
        float value = 0;
        if (parseNumber(text, value))
            values.push_back(value);
    }
    return values;
}

// The encoders: one function per kind of preprocessing step, each reading its column's graph
// input and returning the blocks of network inputs it makes, in the order of
// Preprocessor::inputNames(). (A new kind of step, such as a weight-of-evidence encoding, is one
// more function here and one more loop in buildInputs.)

// The texts the CSV reader reads as missing in a categorical column, compared after trimming:
// the empty cell, the default tokens and the column's declared missing values.
std::vector<std::string> categoricalMissingTexts(const std::vector<std::string> &missingValues)
{
    std::vector<std::string> texts = {std::string()};
    texts.insert(texts.end(), onnxMissingTokens().begin(), onnxMissingTokens().end());
    for (const std::string &text : missingValues)
        texts.emplace_back(trimBlanks(text));
    return texts;
}

// A numeric input with the column's declared missing values turned to NaN, as the CSV reader
// makes the cells holding them missing.
std::string withMissingAsNaN(GraphBuilder &builder, const std::string &column, const std::vector<float> &missingValues)
{
    std::string isMissingValue;
    for (const float missing : missingValues) {
        const std::string equal =
            builder.apply("Equal", {column, builder.scalar(column + "/missing_value", missing)}, column + "/is_value");
        isMissingValue = isMissingValue.empty() ? equal : builder.apply("Or", {isMissingValue, equal}, column);
    }
    if (isMissingValue.empty())
        return column;
    return builder.apply(
        "Where", {isMissingValue, builder.scalar(column + "/nan", std::numeric_limits<float>::quiet_NaN()), column},
        column + "/with_nan");
}

// A numeric column: its missing values turned to NaN, NaN imputed with the training median, the
// value clipped to the training range, standardised; then the 0/1 missing flag when the step has
// one. Imputing before clipping gives what Preprocessor::transform gives (clip, then impute):
// the median lies inside the training range.
std::vector<std::string> encodeNumeric(GraphBuilder &builder, const NumericStep &step, bool clip,
                                       const std::vector<float> &missingValues)
{
    const std::string &hint = step.column;
    const std::string value = withMissingAsNaN(builder, step.column, missingValues);
    const std::string missing = builder.apply("IsNaN", {value}, hint + "/missing");
    std::string imputed =
        builder.apply("Where", {missing, builder.scalar(hint + "/median", step.median), value}, hint + "/imputed");
    if (clip)
        imputed = builder.apply(
            "Clip",
            {imputed, builder.scalar(hint + "/lowest", step.lowest), builder.scalar(hint + "/highest", step.highest)},
            hint + "/clipped");
    // (x - mean) * (1 / scale) in float, as Preprocessor::transform computes it.
    const std::string centred = builder.apply("Sub", {imputed, builder.scalar(hint + "/mean", step.mean)}, hint);
    std::vector<std::string> blocks = {
        builder.apply("Mul", {centred, builder.scalar(hint + "/inverse_scale", 1.0f / step.scale)}, hint + "/scaled")};
    if (step.missingIndicator) {
        onnx::NodeProto &flag = builder.node("Cast", {missing}, hint + "/missing_flag");
        setInt(flag, "to", onnx::TensorProto::FLOAT);
        blocks.push_back(flag.output(0));
    }
    return blocks;
}

// A categorical column: each text mapped to its input's offset in the block (LabelEncoder), then
// compared with 0..width-1 to give the one-hot row. Kept levels go to their own input; a missing
// cell to the "(missing)" level when kept, else to the pooled "other" input; any other text
// (rare levels pooled in training, levels never seen) to the "other" input, or to none (-1: a
// row of zeros) when the step has none - as Preprocessor::transform maps them.
std::vector<std::string> encodeOneHot(GraphBuilder &builder, const OneHotStep &step,
                                      const std::vector<std::string> &missingValues)
{
    const std::string &hint = step.column;
    const std::int64_t width = static_cast<std::int64_t>(step.levels.size() + (step.otherInput ? 1 : 0));
    const std::int64_t otherInput = step.otherInput ? static_cast<std::int64_t>(step.levels.size()) : -1;
    std::map<std::string, std::int64_t> offsetOfText;
    std::int64_t missingInput = otherInput;
    for (std::size_t i = 0; i < step.levels.size(); ++i) {
        offsetOfText[step.levels[i]] = static_cast<std::int64_t>(i);
        if (step.levels[i] == OneHotStep::kMissingLevel)
            missingInput = static_cast<std::int64_t>(i);
    }
    // The texts read as missing override a level of the same text, as the CSV reader turns them
    // into missing cells before the levels are looked up.
    for (const std::string &text : categoricalMissingTexts(missingValues))
        offsetOfText[text] = missingInput;

    std::vector<std::string> keys;
    std::vector<std::int64_t> offsets;
    for (const auto &[text, offset] : offsetOfText) {
        keys.push_back(text);
        offsets.push_back(offset);
    }
    onnx::NodeProto &encoder = builder.node("LabelEncoder", {step.column}, hint + "/offset", {}, kMlDomain);
    setStrings(encoder, "keys_strings", keys);
    setInts(encoder, "values_int64s", offsets);
    setInt(encoder, "default_int64", otherInput);

    std::vector<std::int64_t> positions(static_cast<std::size_t>(width));
    for (std::int64_t i = 0; i < width; ++i)
        positions[static_cast<std::size_t>(i)] = i;
    const std::string hot = builder.apply(
        "Equal", {encoder.output(0), builder.int64s(hint + "/positions", positions, {1, width})}, hint + "/hot");
    onnx::NodeProto &cast = builder.node("Cast", {hot}, hint + "/one_hot");
    setInt(cast, "to", onnx::TensorProto::FLOAT);
    return {cast.output(0)};
}

// A weight-of-evidence input: the WoE of the cell's bin, as a float (see WoeEncoder.h).
//
// Numeric: the declared missing values turned to NaN, then the value compared in double with the
// bins' double bounds, as numericBin compares the widened float: a NaN takes the missing bin's
// WoE; otherwise a special value's bin wins over the range bin (lower, upper] that holds it; a
// value no bin holds gets 0. Built from the inside out, so the outermost Where decides first.
std::string encodeWoeNumeric(GraphBuilder &builder, const FeatureBinning &binning,
                             const std::vector<float> &missingValues)
{
    const std::string &hint = binning.feature;
    const std::string value = withMissingAsNaN(builder, binning.feature, missingValues);
    onnx::NodeProto &widen = builder.node("Cast", {value}, hint + "/double");
    setInt(widen, "to", onnx::TensorProto::DOUBLE);
    const std::string x = widen.output(0);
    std::string woe = builder.scalar(hint + "/no_bin", 0.0f);
    int missingBin = -1;
    for (std::size_t i = binning.bins.size(); i-- > 0;) {
        const Bin &bin = binning.bins[i];
        const std::string woeOfThisBin = builder.scalar(hint + "/woe", static_cast<float>(bin.woe));
        if (bin.kind == BinKind::Missing)
            missingBin = static_cast<int>(i);
        if (bin.kind != BinKind::Range)
            continue;
        std::string inside;
        if (std::isfinite(bin.lower))
            inside = builder.apply("Greater", {x, builder.doubleScalar(hint + "/lower", bin.lower)}, hint + "/above");
        if (std::isfinite(bin.upper)) {
            const std::string below =
                builder.apply("LessOrEqual", {x, builder.doubleScalar(hint + "/upper", bin.upper)}, hint + "/below");
            inside = inside.empty() ? below : builder.apply("And", {inside, below}, hint + "/inside");
        }
        if (inside.empty()) // (-inf, +inf]: every number but NaN, which the outermost Where takes
            inside = builder.apply("Not", {builder.apply("IsNaN", {x}, hint + "/nan")}, hint + "/inside");
        woe = builder.apply("Where", {inside, woeOfThisBin, woe}, hint + "/range_woe");
    }
    // Special values compared in float, as numericBin compares them; the first one listed wins.
    for (std::size_t i = binning.bins.size(); i-- > 0;) {
        const Bin &bin = binning.bins[i];
        if (bin.kind != BinKind::Special)
            continue;
        const std::string equal = builder.apply(
            "Equal", {value, builder.scalar(hint + "/special", static_cast<float>(bin.special))}, hint + "/is_special");
        woe = builder.apply("Where", {equal, builder.scalar(hint + "/woe", static_cast<float>(bin.woe)), woe},
                            hint + "/special_woe");
    }
    const float missingWoe = static_cast<float>(woeOfBin(binning, missingBin));
    return builder.apply(
        "Where",
        {builder.apply("IsNaN", {value}, hint + "/missing"), builder.scalar(hint + "/missing_woe", missingWoe), woe},
        hint + "/woe_input");
}

// Categorical: each text mapped to its bin's WoE (LabelEncoder), the first bin listing a level
// winning as in BinLookup; the texts read as missing to the missing bin's WoE (they override a
// level of the same text, as the reader turns them into missing cells first); any other text - a
// level never seen in training - to 0.
std::string encodeWoeCategorical(GraphBuilder &builder, const FeatureBinning &binning,
                                 const std::vector<std::string> &missingValues)
{
    std::map<std::string, float> woeOfText;
    int missingBin = -1;
    for (std::size_t i = 0; i < binning.bins.size(); ++i) {
        const Bin &bin = binning.bins[i];
        if (bin.kind == BinKind::Missing)
            missingBin = static_cast<int>(i);
        if (bin.kind == BinKind::Levels || bin.kind == BinKind::Special) {
            for (const std::string &level : bin.levels)
                woeOfText.emplace(level, static_cast<float>(bin.woe));
        }
    }
    for (const std::string &text : categoricalMissingTexts(missingValues))
        woeOfText[text] = static_cast<float>(woeOfBin(binning, missingBin));
    std::vector<std::string> keys;
    std::vector<float> values;
    for (const auto &[text, woe] : woeOfText) {
        keys.push_back(text);
        values.push_back(woe);
    }
    onnx::NodeProto &encoder =
        builder.node("LabelEncoder", {binning.feature}, binning.feature + "/woe_input", {}, kMlDomain);
    setStrings(encoder, "keys_strings", keys);
    setFloats(encoder, "values_floats", values);
    setFloat(encoder, "default_float", 0.0f);
    return encoder.output(0);
}

// The network's input matrix [N, inputs]: every step's blocks side by side.
std::string buildInputs(GraphBuilder &builder, const MultiTaskModel &model)
{
    const Preprocessor &preprocessor = model.preprocessor();
    const auto missingValuesOf = [&](const std::string &column) {
        const auto found = model.inputMissingValues().find(column);
        return found == model.inputMissingValues().end() ? std::vector<std::string>{} : found->second;
    };
    std::vector<std::string> blocks;
    for (const NumericStep &step : preprocessor.numeric) {
        for (std::string &block : encodeNumeric(builder, step, preprocessor.hasTrainingRanges,
                                                numericMissingValues(missingValuesOf(step.column))))
            blocks.push_back(std::move(block));
    }
    for (const FeatureBinning &binning : preprocessor.woe) {
        const std::vector<std::string> missingValues = missingValuesOf(binning.feature);
        blocks.push_back(binning.categorical ? encodeWoeCategorical(builder, binning, missingValues)
                                             : encodeWoeNumeric(builder, binning, numericMissingValues(missingValues)));
    }
    for (const OneHotStep &step : preprocessor.oneHot) {
        for (std::string &block : encodeOneHot(builder, step, missingValuesOf(step.column)))
            blocks.push_back(std::move(block));
    }
    if (blocks.size() == 1)
        return blocks.front();
    onnx::NodeProto &concat = builder.node("Concat", blocks, "inputs");
    setInt(concat, "axis", 1);
    return concat.output(0);
}

// One fully connected layer: x W^T + b. The flat parameters hold W (outputs x inputs) column-
// major, which is W^T row-major: the [inputs, outputs] matrix Gemm multiplies by.
std::string dense(GraphBuilder &builder, const Eigen::VectorXf &parameters, const DenseShape &shape,
                  const std::string &input, const std::string &hint)
{
    const std::string weights = builder.floats(hint + "/weights", parameters.data() + shape.weightOffset,
                                               shape.inputs * shape.outputs, {shape.inputs, shape.outputs});
    const std::string bias =
        builder.floats(hint + "/bias", parameters.data() + shape.biasOffset, shape.outputs, {shape.outputs});
    return builder.apply("Gemm", {input, weights, bias}, hint);
}

// A chain of layers: ReLU after every layer but a linear output (see DenseChain); no dropout,
// as in prediction.
std::string chain(GraphBuilder &builder, const Eigen::VectorXf &parameters, const DenseChain &layers,
                  const std::string &input, const std::string &hint)
{
    std::string value = input;
    for (std::size_t l = 0; l < layers.layers.size(); ++l) {
        const std::string layerHint = hint + "/layer" + std::to_string(l);
        value = dense(builder, parameters, layers.layers[l], value, layerHint);
        if (!(layers.linearOutput && l + 1 == layers.layers.size()))
            value = builder.apply("Relu", {value}, layerHint + "/relu");
    }
    return value;
}

std::string softmax(GraphBuilder &builder, const std::string &logits, const std::string &hint)
{
    onnx::NodeProto &node = builder.node("Softmax", {logits}, hint);
    setInt(node, "axis", 1);
    return node.output(0);
}

// One network of the model: its weights, and the prefix of the names of its tensors ("" for a
// model of one network, so that its graph is the one written before ensembles were exported;
// "member2/" for the second member of a seed ensemble).
struct Member {
    const Eigen::VectorXf &parameters;
    std::string prefix;
};

// What each task's head reads, per the architecture (see forwardNetwork).
std::vector<std::string> buildRepresentations(GraphBuilder &builder, const MultiTaskModel &model, const Member &member,
                                              const std::string &inputs)
{
    const MultiTaskNetwork &network = model.network();
    const Eigen::VectorXf &parameters = member.parameters;
    const std::string &prefix = member.prefix;
    const std::size_t tasks = network.taskCount();
    switch (network.spec().architecture) {
    case Architecture::SharedBottom: {
        const std::string shared = network.experts().empty()
                                       ? inputs
                                       : chain(builder, parameters, network.experts()[0], inputs, prefix + "trunk");
        return std::vector<std::string>(tasks, shared);
    }
    case Architecture::Attention: {
        // x_t = d * softmax(A_t x + b_t) * x, then the shared trunk, once per task.
        const std::string inputCount =
            builder.scalar(prefix + "attention/input_count", static_cast<float>(network.spec().inputs));
        std::vector<std::string> representations;
        for (std::size_t t = 0; t < tasks; ++t) {
            const std::string hint = prefix + "attention" + std::to_string(t);
            const std::string attention =
                softmax(builder, dense(builder, parameters, network.gate(t), inputs, hint + "/logits"), hint);
            const std::string scaled = builder.apply("Mul", {inputCount, attention}, hint + "/scaled");
            const std::string attended = builder.apply("Mul", {scaled, inputs}, hint + "/attended");
            representations.push_back(chain(builder, parameters, network.experts()[0], attended, hint + "/trunk"));
        }
        return representations;
    }
    case Architecture::MMoE:
    case Architecture::PLE:
        break;
    }
    // Mixtures: every expert once, then each task's softmax gate weighs the experts it reads.
    std::vector<std::string> expertOutputs;
    for (std::size_t e = 0; e < network.experts().size(); ++e)
        expertOutputs.push_back(
            chain(builder, parameters, network.experts()[e], inputs, prefix + "expert" + std::to_string(e)));
    std::vector<std::string> representations;
    for (std::size_t t = 0; t < tasks; ++t) {
        const std::string hint = prefix + "gate" + std::to_string(t);
        const std::string gate =
            softmax(builder, dense(builder, parameters, network.gate(t), inputs, hint + "/logits"), hint);
        const std::vector<int> &experts = network.expertsOf(t);
        std::string mixed;
        for (std::size_t k = 0; k < experts.size(); ++k) {
            const auto column = static_cast<std::int64_t>(k);
            const std::string weight = builder.apply("Slice",
                                                     {gate, builder.int64s(hint + "/start", {column}, {1}),
                                                      builder.int64s(hint + "/end", {column + 1}, {1}),
                                                      builder.int64s(hint + "/axis", {1}, {1})},
                                                     hint + "/weight" + std::to_string(k));
            const std::string term = builder.apply("Mul", {expertOutputs[static_cast<std::size_t>(experts[k])], weight},
                                                   hint + "/term" + std::to_string(k));
            // Added in expert order, as forwardNetwork adds them.
            mixed = mixed.empty() ? term : builder.apply("Add", {mixed, term}, hint + "/mixed");
        }
        representations.push_back(mixed);
    }
    return representations;
}

// Wide & deep: task t's linear layer from the inputs, x W_t^T without a bias (the head's bias
// serves), added to the head's outputs as forwardNetwork adds it. W_t (outputs x inputs) is stored
// column-major, which is W_t^T row-major: the [inputs, outputs] matrix MatMul multiplies by.
std::string widePath(GraphBuilder &builder, const MultiTaskModel &model, const Member &member,
                     const std::string &inputs, std::size_t t)
{
    const MultiTaskNetwork &network = model.network();
    const std::int64_t inputCount = network.spec().inputs, outputs = network.spec().taskOutputs[t];
    const std::string hint = member.prefix + "wide" + std::to_string(t);
    const std::string weights = builder.floats(hint + "/weights", member.parameters.data() + network.wideOffset(t),
                                               inputCount * outputs, {inputCount, outputs});
    return builder.apply("MatMul", {inputs, weights}, hint);
}

// The name of the graph output holding task `task`'s predictions: its probability (binary), its
// class probabilities (multiclass) or its value (regression).
std::string predictionOutput(const TargetEncoding &task)
{
    switch (task.spec.type) {
    case TaskType::Binary:
        return task.spec.name() + ".probability";
    case TaskType::Multiclass:
        return task.spec.name() + ".probabilities";
    case TaskType::Regression:
        return task.spec.name() + ".value";
    }
    return {};
}

// Task t's head (plus its wide path) in one member, then its output transform: the member's
// predictions for the task, written into `output` when given (a graph output), else into a fresh
// tensor.
std::string buildTaskPrediction(GraphBuilder &builder, const MultiTaskModel &model, const Member &member,
                                const std::string &inputs, const std::string &representation, std::size_t t,
                                const std::string &output)
{
    const MultiTaskNetwork &network = model.network();
    const TargetEncoding &task = model.tasks()[t];
    const std::string head = member.prefix + "head" + std::to_string(t);
    const std::string name = member.prefix + task.spec.name();
    std::string raw = chain(builder, member.parameters, network.head(t), representation, head);
    if (network.spec().wide)
        raw = builder.apply("Add", {raw, widePath(builder, model, member, inputs, t)}, head + "/wide");
    switch (task.spec.type) {
    case TaskType::Binary:
        return builder.node("Sigmoid", {raw}, name + ".probability", output).output(0);
    case TaskType::Multiclass: {
        onnx::NodeProto &softmaxNode = builder.node("Softmax", {raw}, name + ".probabilities", output);
        setInt(softmaxNode, "axis", 1);
        return softmaxNode.output(0);
    }
    case TaskType::Regression: {
        // Back to the target's unit: z * scale + mean, in float as MultiTaskModel computes it.
        const std::string scaled = builder.apply(
            "Mul", {raw, builder.scalar(name + "/scale", static_cast<float>(task.scale))}, name + "/scaled");
        return builder
            .node("Add", {scaled, builder.scalar(name + "/mean", static_cast<float>(task.mean))}, name + ".value",
                  output)
            .output(0);
    }
    }
    return {};
}

// Declares task t's graph outputs, its predictions (already computed into predictionOutput(task))
// and, for a multiclass task, the most probable class, the first of equals (as predict picks it).
void declareTaskOutputs(GraphBuilder &builder, onnx::GraphProto &graph, const TargetEncoding &task)
{
    const std::string &name = task.spec.name();
    const std::string predictions = predictionOutput(task);
    if (task.spec.type != TaskType::Multiclass) {
        describeTensor(*graph.add_output(), predictions, onnx::TensorProto::FLOAT, {1});
        return;
    }
    const std::string classOutput = name + ".class";
    onnx::NodeProto &argMax = builder.node("ArgMax", {predictions}, name + "/class_index");
    setInt(argMax, "axis", 1);
    setInt(argMax, "keepdims", 0);
    std::vector<std::int64_t> indices;
    for (std::size_t k = 0; k < task.classes.size(); ++k)
        indices.push_back(static_cast<std::int64_t>(k));
    onnx::NodeProto &label = builder.node("LabelEncoder", {argMax.output(0)}, {}, classOutput, kMlDomain);
    setInts(label, "keys_int64s", indices);
    setStrings(label, "values_strings", task.classes);
    setString(label, "default_string", "");
    const auto classes = static_cast<std::int64_t>(task.classes.size());
    describeTensor(*graph.add_output(), predictions, onnx::TensorProto::FLOAT, {classes});
    describeTensor(*graph.add_output(), classOutput, onnx::TensorProto::STRING, {});
}

// The network (every member of a seed ensemble side by side, each reading the same inputs) and
// each task's named outputs. An ensemble's outputs are the mean of its members' predictions
// (probabilities, not logits; values in the target's unit), added in member order and divided by
// the member count in float, as MultiTaskModel::predictInputs averages them.
void buildNetworkAndOutputs(GraphBuilder &builder, onnx::GraphProto &graph, const MultiTaskModel &model,
                            const std::string &inputs)
{
    const std::size_t tasks = model.tasks().size(), members = model.memberCount();
    if (members == 1) {
        const Member only{model.parameters(), {}};
        const std::vector<std::string> representations = buildRepresentations(builder, model, only, inputs);
        for (std::size_t t = 0; t < tasks; ++t) {
            buildTaskPrediction(builder, model, only, inputs, representations[t], t,
                                predictionOutput(model.tasks()[t]));
            declareTaskOutputs(builder, graph, model.tasks()[t]);
        }
        return;
    }
    std::vector<std::string> sums(tasks);
    for (std::size_t m = 0; m < members; ++m) {
        const Member member{model.memberParameters(m), "member" + std::to_string(m + 1) + "/"};
        const std::vector<std::string> representations = buildRepresentations(builder, model, member, inputs);
        for (std::size_t t = 0; t < tasks; ++t) {
            const std::string prediction =
                buildTaskPrediction(builder, model, member, inputs, representations[t], t, {});
            sums[t] = m == 0 ? prediction
                             : builder.apply("Add", {sums[t], prediction}, model.tasks()[t].spec.name() + "/sum");
        }
    }
    const std::string memberCount = builder.scalar("member_count", static_cast<float>(members));
    for (std::size_t t = 0; t < tasks; ++t) {
        const TargetEncoding &task = model.tasks()[t];
        builder.node("Div", {sums[t], memberCount}, {}, predictionOutput(task));
        declareTaskOutputs(builder, graph, task);
    }
}

} // namespace

QByteArray exportOnnx(const MultiTaskModel &model)
{
    refuseUnexportedSteps(model, "ONNX");
    onnx::ModelProto proto;
    proto.set_ir_version(onnx::IR_VERSION);
    proto.set_producer_name("CreditMTL");
    proto.set_producer_version(CREDITMTL_VERSION);
    proto.set_doc_string("A CreditMTL multi-task model: preprocessing, network and output transforms.");
    onnx::OperatorSetIdProto &standard = *proto.add_opset_import();
    standard.set_domain("");
    standard.set_version(kOnnxOpset);
    onnx::OperatorSetIdProto &ml = *proto.add_opset_import();
    ml.set_domain(kMlDomain);
    ml.set_version(kOnnxMlOpset);

    onnx::GraphProto &graph = *proto.mutable_graph();
    graph.set_name("creditmtl");
    GraphBuilder builder(graph);
    const Preprocessor &preprocessor = model.preprocessor();
    for (const NumericStep &step : preprocessor.numeric) {
        builder.reserve(step.column, "input");
        describeTensor(*graph.add_input(), step.column, onnx::TensorProto::FLOAT, {1});
    }
    for (const OneHotStep &step : preprocessor.oneHot) {
        builder.reserve(step.column, "input");
        describeTensor(*graph.add_input(), step.column, onnx::TensorProto::STRING, {1});
    }
    for (const FeatureBinning &binning : preprocessor.woe) {
        builder.reserve(binning.feature, "input");
        describeTensor(*graph.add_input(), binning.feature,
                       binning.categorical ? onnx::TensorProto::STRING : onnx::TensorProto::FLOAT, {1});
    }
    // Output names are reserved before any generated name could take them.
    for (const TargetEncoding &task : model.tasks()) {
        const std::string &name = task.spec.name();
        switch (task.spec.type) {
        case TaskType::Binary:
            builder.reserve(name + ".probability", "output");
            break;
        case TaskType::Multiclass:
            builder.reserve(name + ".probabilities", "output");
            builder.reserve(name + ".class", "output");
            break;
        case TaskType::Regression:
            builder.reserve(name + ".value", "output");
            break;
        }
    }
    const std::string inputs = buildInputs(builder, model);
    buildNetworkAndOutputs(builder, graph, model, inputs);

    std::string bytes;
    if (!proto.SerializeToString(&bytes))
        throw ConfigError("cannot export to ONNX: the graph is too large for one protobuf message (2 GB)");
    QByteArray serialised(bytes.data(), static_cast<qsizetype>(bytes.size()));
    checkOnnxModel(serialised, "the exported graph");
    return serialised;
}

void checkOnnxModel(QByteArrayView bytes, const std::string &sourceName)
{
    onnx::ModelProto proto;
    if (!proto.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
        throw DataError({sourceName, 0, {}}, "not an ONNX model: the bytes do not parse as an ONNX ModelProto");
    try {
        onnx::checker::check_model(proto);
        // The Python checker's full_check: shape and type inference over the whole graph, every
        // node's error raised, inferred types checked against the declared ones.
        onnx::shape_inference::InferShapes(proto, onnx::OpSchemaRegistry::Instance(),
                                           onnx::ShapeInferenceOptions(true, 1, false));
    } catch (const std::exception &error) {
        throw DataError({sourceName, 0, {}}, std::string("the ONNX checker refuses the model: ") + error.what());
    }
}

} // namespace cmtl
