// creditmtl-synth-writer: formats the arrays tests/bench/make_synth_large.py draws into the CSV
// file that ../shared/reference/make_synth.py would write for the same row count.
//
//   creditmtl-synth-writer ROWS SCRATCH_DIR OUT.csv
//
// SCRATCH_DIR holds x.f32 (ROWS x 40 float32), miss.u8 (ROWS x 40, 1 = empty cell), cats.u8
// (ROWS x 4 level indices), default.u8, grade.u8 (0-6) and rate.f64. A number is written with
// "%.5g" of the float32 widened to double (make_synth.py formats the float32 as a Python float)
// and the rate with "%.2f": glibc's printf rounds the exact binary value correctly, as Python's
// float formatting does, so the bytes are the same.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

constexpr int kFeatures = 40;
constexpr int kCategorical = 4;
constexpr int kLevels[kCategorical] = {5, 12, 3, 50};
constexpr std::size_t kBlockRows = 65536;

[[noreturn]] void fail(const std::string &message)
{
    std::fprintf(stderr, "creditmtl-synth-writer: %s\n", message.c_str());
    std::exit(1);
}

FILE *openInput(const std::string &directory, const char *name)
{
    const std::string path = directory + "/" + name;
    FILE *file = std::fopen(path.c_str(), "rb");
    if (!file)
        fail("cannot open " + path);
    return file;
}

template <typename T> void readBlock(FILE *file, std::vector<T> &into, std::size_t count, const char *name)
{
    into.resize(count);
    if (std::fread(into.data(), sizeof(T), count, file) != count)
        fail(std::string(name) + " is shorter than the row count says");
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 4)
        fail("usage: creditmtl-synth-writer ROWS SCRATCH_DIR OUT.csv");
    const std::size_t rows = std::strtoull(argv[1], nullptr, 10);
    const std::string scratch = argv[2];
    FILE *x = openInput(scratch, "x.f32");
    FILE *miss = openInput(scratch, "miss.u8");
    FILE *cats = openInput(scratch, "cats.u8");
    FILE *defaults = openInput(scratch, "default.u8");
    FILE *grades = openInput(scratch, "grade.u8");
    FILE *rates = openInput(scratch, "rate.f64");
    FILE *out = std::fopen(argv[3], "wb");
    if (!out)
        fail(std::string("cannot write ") + argv[3]);

    std::string header;
    for (int i = 0; i < kFeatures; ++i)
        header += "x" + std::to_string(i) + ",";
    header += "purpose,region,home,state,default,grade,rate\n";
    std::fputs(header.c_str(), out);

    std::vector<float> xBlock;
    std::vector<std::uint8_t> missBlock, catBlock, defaultBlock, gradeBlock;
    std::vector<double> rateBlock;
    std::string line;
    char number[64];
    for (std::size_t start = 0; start < rows; start += kBlockRows) {
        const std::size_t count = std::min(kBlockRows, rows - start);
        readBlock(x, xBlock, count * kFeatures, "x.f32");
        readBlock(miss, missBlock, count * kFeatures, "miss.u8");
        readBlock(cats, catBlock, count * kCategorical, "cats.u8");
        readBlock(defaults, defaultBlock, count, "default.u8");
        readBlock(grades, gradeBlock, count, "grade.u8");
        readBlock(rates, rateBlock, count, "rate.f64");
        for (std::size_t r = 0; r < count; ++r) {
            line.clear();
            for (int j = 0; j < kFeatures; ++j) {
                const std::size_t cell = r * kFeatures + j;
                if (!missBlock[cell]) {
                    std::snprintf(number, sizeof number, "%.5g", static_cast<double>(xBlock[cell]));
                    line += number;
                }
                line += ',';
            }
            for (int j = 0; j < kCategorical; ++j) {
                const int level = catBlock[r * kCategorical + j];
                if (level >= kLevels[j])
                    fail("a category index is out of range: is cats.u8 from make_synth_large.py?");
                line += "c" + std::to_string(j) + "_" + std::to_string(level) + ",";
            }
            line += defaultBlock[r] ? "1," : "0,";
            if (gradeBlock[r] > 6)
                fail("a grade index is out of range: is grade.u8 from make_synth_large.py?");
            line += static_cast<char>('A' + gradeBlock[r]);
            std::snprintf(number, sizeof number, ",%.2f\n", rateBlock[r]);
            line += number;
            std::fwrite(line.data(), 1, line.size(), out);
        }
    }
    if (std::fclose(out) != 0)
        fail(std::string("writing ") + argv[3] + " failed (disk full?)");
    return 0;
}
