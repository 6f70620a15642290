#pragma once

#include <cstdint>

namespace cmtl {

// SplitMix64: a small, fast generator with a fully specified output sequence, so a seed gives
// the same initial weights, shuffles and dropout masks on every platform and standard library.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    // Uniform in [0, bound).
    std::uint64_t below(std::uint64_t bound) { return next() % bound; }

    // A seed for an independent stream, derived from this seed and some indices (epoch, batch...).
    static std::uint64_t derive(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0)
    {
        SplitMix64 mixer(seed ^ (a * 0xD1B54A32D192ED03ull) ^ (b * 0x8CB92BA72F3D8DD7ull));
        return mixer.next();
    }

private:
    std::uint64_t m_state;
};

} // namespace cmtl
