// Fuzzes the CSV reader: the first byte chooses the import options (delimiter, header, encoding,
// threads), the rest is the file. Every accepted file is also described (statistics, types).

#include "FuzzSupport.h"
#include "csv/CsvReader.h"
#include "data/ColumnHistogram.h"

#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::uint8_t choice = data[0];
    cmtl::CsvOptions options;
    constexpr char kDelimiters[] = {0, ',', ';', '\t'};
    options.delimiter = kDelimiters[choice & 3];
    options.hasHeader = (choice & 4) == 0;
    constexpr const char *kEncodings[] = {"auto", "UTF-8", "GB18030", "auto"};
    options.encoding = kEncodings[(choice >> 3) & 3];
    options.threads = (choice & 32) ? 2 : 1;
    if (choice & 64)
        options.missingTokens.push_back("-");
    const std::span<const char> bytes(reinterpret_cast<const char *>(data) + 1, size - 1);
    return cmtl::fuzz::expectClearRefusal([&] {
        cmtl::CsvReadResult read = cmtl::readCsv(bytes, "fuzz.csv", options);
        cmtl::describeColumns(read.table);
        for (const cmtl::Column &column : read.table.columns())
            cmtl::columnHistogram(column);
    });
}
