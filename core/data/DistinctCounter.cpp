#include "data/DistinctCounter.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace cmtl {

namespace {

constexpr std::size_t kInitialSlots = 64;
// The table holds at most kExactCap keys at a load of at most one half.
constexpr std::size_t kMaxSlots = 2 * DistinctCounter::kExactCap;
constexpr std::uint32_t kMaxKey = 0xFFFFFFFFU;

} // namespace

DistinctCounter::DistinctCounter() : m_slots(kInitialSlots, 0) {}

// SplitMix64's finaliser: every input bit affects every output bit, which both the hash table's
// probing and the sketch's register choice and leading-zero count need.
std::uint64_t DistinctCounter::hash(std::uint32_t key)
{
    std::uint64_t z = key + 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

void DistinctCounter::add(std::uint32_t key)
{
    const std::uint64_t h = hash(key);
    const std::size_t registerIndex = static_cast<std::size_t>(h >> (64 - kSketchBits));
    const std::uint64_t rest = h << kSketchBits;
    const auto rank = static_cast<std::uint8_t>(rest == 0 ? 64 - kSketchBits + 1 : std::countl_zero(rest) + 1);
    m_registers[registerIndex] = std::max(m_registers[registerIndex], rank);
    if (m_exact)
        insertExact(key);
}

void DistinctCounter::insertExact(std::uint32_t key)
{
    if (key == kMaxKey) {
        if (!m_hasMaxKey) {
            m_hasMaxKey = true;
            ++m_size;
        }
    } else {
        const std::uint32_t stored = key + 1;
        const std::size_t mask = m_slots.size() - 1;
        std::size_t slot = static_cast<std::size_t>(hash(key)) & mask;
        while (m_slots[slot] != 0) {
            if (m_slots[slot] == stored)
                return;
            slot = (slot + 1) & mask;
        }
        m_slots[slot] = stored;
        ++m_size;
    }
    if (m_size > kExactCap) {
        // Past the cap only the sketch counts; the keys' memory is given back.
        m_exact = false;
        m_size = 0;
        m_hasMaxKey = false;
        std::vector<std::uint32_t>().swap(m_slots);
    } else if (2 * m_size > m_slots.size() && m_slots.size() < kMaxSlots) {
        growExact();
    }
}

void DistinctCounter::growExact()
{
    std::vector<std::uint32_t> old(m_slots.size() * 2, 0);
    old.swap(m_slots);
    const std::size_t mask = m_slots.size() - 1;
    for (const std::uint32_t stored : old) {
        if (stored == 0)
            continue;
        std::size_t slot = static_cast<std::size_t>(hash(stored - 1)) & mask;
        while (m_slots[slot] != 0)
            slot = (slot + 1) & mask;
        m_slots[slot] = stored;
    }
}

void DistinctCounter::merge(const DistinctCounter &other)
{
    for (std::size_t i = 0; i < kRegisters; ++i)
        m_registers[i] = std::max(m_registers[i], other.m_registers[i]);
    if (!m_exact)
        return;
    if (!other.m_exact) {
        m_exact = false;
        m_size = 0;
        m_hasMaxKey = false;
        std::vector<std::uint32_t>().swap(m_slots);
        return;
    }
    if (other.m_hasMaxKey)
        insertExact(kMaxKey);
    for (const std::uint32_t stored : other.m_slots) {
        if (!m_exact)
            return;
        if (stored != 0)
            insertExact(stored - 1);
    }
}

std::int64_t DistinctCounter::count() const
{
    if (m_exact)
        return static_cast<std::int64_t>(m_size);
    const double m = static_cast<double>(kRegisters);
    const double alpha = 0.7213 / (1.0 + 1.079 / m);
    double harmonic = 0;
    std::size_t zeroRegisters = 0;
    for (const std::uint8_t value : m_registers) {
        harmonic += std::ldexp(1.0, -static_cast<int>(value));
        zeroRegisters += value == 0 ? 1 : 0;
    }
    double estimate = alpha * m * m / harmonic;
    // Small range: linear counting over the empty registers is the better estimate there.
    if (estimate <= 2.5 * m && zeroRegisters > 0)
        estimate = m * std::log(m / static_cast<double>(zeroRegisters));
    // More than kExactCap distinct keys were seen for certain, whatever the estimate says.
    return std::max(static_cast<std::int64_t>(std::llround(estimate)), static_cast<std::int64_t>(kExactCap) + 1);
}

} // namespace cmtl
