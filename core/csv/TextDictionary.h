#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace cmtl {

// Maps texts to dense codes 0, 1, 2... given in first-seen order. It stores views, so the caller
// keeps the characters alive as long as the dictionary. A CSV categorical column looks up one
// text per row: open addressing with linear probing and a cheap word-at-a-time hash avoid the
// node allocation and the slower hashing of std::unordered_map, which would dominate the parse.
class TextDictionary {
public:
    static constexpr std::int32_t kAbsent = -1;

    // The code of `text`, or kAbsent.
    std::int32_t find(std::string_view text) const
    {
        return m_texts.empty() ? kAbsent : m_slots[slotIndexOf(text, hashOf(text))].code;
    }

    // The code of `text`, which is added with the next code when absent.
    std::int32_t codeOf(std::string_view text)
    {
        const std::uint64_t hash = hashOf(text);
        if (m_texts.empty())
            return insert(text, hash);
        const std::int32_t code = m_slots[slotIndexOf(text, hash)].code;
        return code != kAbsent ? code : insert(text, hash);
    }

    // Forgets every text but keeps the memory, for reuse.
    void clear()
    {
        m_texts.clear();
        std::fill(m_slots.begin(), m_slots.end(), Slot());
    }

    std::size_t size() const { return m_texts.size(); }
    // The texts in code order, which is first-seen order.
    const std::vector<std::string_view> &texts() const { return m_texts; }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::int32_t code = kAbsent;
    };

    static std::uint64_t mix(std::uint64_t value)
    {
        // The finalizer of SplitMix64: every input bit affects every output bit.
        value ^= value >> 30;
        value *= 0xBF58476D1CE4E5B9ULL;
        value ^= value >> 27;
        value *= 0x94D049BB133111EBULL;
        value ^= value >> 31;
        return value;
    }

    static std::uint64_t hashOf(std::string_view text)
    {
        std::uint64_t hash = 0x9E3779B97F4A7C15ULL ^ text.size();
        const char *at = text.data();
        std::size_t remaining = text.size();
        while (remaining >= 8) {
            std::uint64_t word;
            std::memcpy(&word, at, 8);
            hash = mix(hash ^ word);
            at += 8;
            remaining -= 8;
        }
        if (remaining > 0) {
            std::uint64_t word = 0;
            std::memcpy(&word, at, remaining);
            hash = mix(hash ^ word);
        }
        return hash;
    }

    // The slot holding `text`, or the empty slot where it belongs. The table must have slots.
    std::size_t slotIndexOf(std::string_view text, std::uint64_t hash) const
    {
        const std::size_t mask = m_slots.size() - 1;
        std::size_t index = hash & mask;
        for (;;) {
            const Slot &slot = m_slots[index];
            if (slot.code == kAbsent || (slot.hash == hash && m_texts[static_cast<std::size_t>(slot.code)] == text))
                return index;
            index = (index + 1) & mask;
        }
    }

    std::int32_t insert(std::string_view text, std::uint64_t hash);
    void grow();

    std::vector<Slot> m_slots; // allocated on first insertion: most chunk columns are numeric
    std::vector<std::string_view> m_texts;
};

} // namespace cmtl
