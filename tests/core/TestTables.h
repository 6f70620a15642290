#pragma once

// Small tables built in code, so engine tests do not depend on the CSV reader.

#include "data/Table.h"
#include "model/MultiTaskModel.h"
#include "nn/Random.h"
#include "tasks/TaskSpec.h"

#include <cmath>
#include <string>
#include <vector>

namespace cmtl::testing {

inline Column numericColumn(std::string name, std::vector<float> values)
{
    Column column;
    column.name = std::move(name);
    column.type = ColumnType::Numeric;
    column.values = std::move(values);
    return column;
}

inline Column categoricalColumn(std::string name, const std::vector<std::string> &cells)
{
    Column column;
    column.name = std::move(name);
    column.type = ColumnType::Categorical;
    for (const std::string &cell : cells) {
        if (cell.empty()) {
            column.codes.push_back(Column::kMissingCode);
            continue;
        }
        std::size_t code = 0;
        while (code < column.levels.size() && column.levels[code] != cell)
            ++code;
        if (code == column.levels.size())
            column.levels.push_back(cell);
        column.codes.push_back(static_cast<std::int32_t>(code));
    }
    return column;
}

// A seeded three-task problem driven by one latent risk, like the reference workload: numeric
// x1..x3 and a categorical region; tasks default (good/bad), grade (A/B/C), rate (float).
inline Table syntheticLoans(std::size_t rows, std::uint64_t seed)
{
    SplitMix64 random(seed);
    std::vector<float> x1(rows), x2(rows), x3(rows), rate(rows);
    std::vector<std::string> region(rows), outcome(rows), grade(rows);
    const char *regions[] = {"north", "south", "east", "west"};
    const double regionEffect[] = {-0.5, 0.0, 0.3, 0.8};
    for (std::size_t i = 0; i < rows; ++i) {
        x1[i] = static_cast<float>(2 * random.uniform() - 1);
        x2[i] = static_cast<float>(2 * random.uniform() - 1);
        x3[i] = i % 17 == 0 ? std::nanf("") : static_cast<float>(random.uniform());
        const auto r = static_cast<std::size_t>(random.below(4));
        region[i] = regions[r];
        const double risk = 1.5 * x1[i] - 1.0 * x2[i] + regionEffect[r];
        const double probability = 1 / (1 + std::exp(-(2 * risk - 1)));
        outcome[i] = random.uniform() < probability ? "bad" : "good";
        const double noisyRisk = risk + 0.3 * (random.uniform() - 0.5);
        grade[i] = std::string(1, noisyRisk < -0.5 ? 'A' : noisyRisk < 0.7 ? 'B' : 'C');
        rate[i] = static_cast<float>(8 + 3 * risk + 0.5 * (random.uniform() - 0.5));
    }
    std::vector<Column> columns;
    columns.push_back(numericColumn("x1", x1));
    columns.push_back(numericColumn("x2", x2));
    columns.push_back(numericColumn("x3", x3));
    columns.push_back(categoricalColumn("region", region));
    columns.push_back(categoricalColumn("default", outcome));
    columns.push_back(categoricalColumn("grade", grade));
    columns.push_back(numericColumn("rate", rate));
    return Table("synthetic.csv", std::move(columns));
}

// The three tasks of syntheticLoans.
inline RoleAssignment threeTaskRoles(const Table &table, double defaultLambda = 1.0)
{
    return defaultRoles(table,
                        {{"default", TaskType::Binary, "bad", defaultLambda},
                         {"grade", TaskType::Multiclass, "", 1.0},
                         {"rate", TaskType::Regression, "", 1.0}},
                        {});
}

// A small, quick network for tests.
inline ExperimentConfig smallConfig()
{
    ExperimentConfig config;
    config.train.hiddenLayers = {16, 8};
    config.train.epochs = 8;
    config.train.batchSize = 64;
    config.train.learningRate = 5e-3;
    config.train.seed = 5;
    config.train.patience = 0;
    config.split.seed = 5;
    return config;
}

} // namespace cmtl::testing
