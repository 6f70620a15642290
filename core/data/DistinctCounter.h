#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace cmtl {

// Counts the distinct values of a stream of 32-bit keys (a float's bit pattern), exactly up to
// kExactCap distinct values and, beyond that, estimated with a HyperLogLog sketch of 2^14
// registers (Flajolet et al. 2007; relative standard error 1.04 / sqrt(2^14), about 0.8%).
//
// Why both: an exact count needs memory and time proportional to the number of distinct values
// (the old sort of every column was the slowest step of opening a file), while a credit table's
// decisions about a column (a 0/1 flag, a handful of grades, a constant) need exact small counts.
// Counters of parts of a column merge (merge()), so the parts can be counted on different threads;
// the result does not depend on how the column was split or in which order the parts merge.
class DistinctCounter {
public:
    static constexpr std::size_t kExactCap = 65536;
    static constexpr int kSketchBits = 14;
    static constexpr std::size_t kRegisters = std::size_t{1} << kSketchBits;
    // 1.04 / sqrt(kRegisters): the sketch's relative standard error.
    static constexpr double kRelativeStandardError = 1.04 / 128.0;

    DistinctCounter();

    void add(std::uint32_t key);
    void merge(const DistinctCounter &other);

    // True while every distinct key is still held (the count is exact).
    bool exact() const { return m_exact; }
    // The exact count, or the sketch's estimate rounded to an integer once past kExactCap.
    std::int64_t count() const;

private:
    static std::uint64_t hash(std::uint32_t key);
    void insertExact(std::uint32_t key);
    void growExact();

    // Open addressing over keys + 1 (0 marks an empty slot, so key 0xFFFFFFFF is kept apart).
    std::vector<std::uint32_t> m_slots;
    std::size_t m_size = 0;
    bool m_hasMaxKey = false;
    bool m_exact = true;
    std::array<std::uint8_t, kRegisters> m_registers{};
};

} // namespace cmtl
