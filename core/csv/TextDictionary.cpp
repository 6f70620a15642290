#include "csv/TextDictionary.h"

namespace cmtl {

namespace {
constexpr std::size_t kInitialSlots = 16;
} // namespace

std::int32_t TextDictionary::insert(std::string_view text, std::uint64_t hash)
{
    // Keep the table at most half full so that probe sequences stay short.
    if (2 * (m_texts.size() + 1) > m_slots.size())
        grow();
    const auto code = static_cast<std::int32_t>(m_texts.size());
    m_slots[slotIndexOf(text, hash)] = {hash, code};
    m_texts.push_back(text);
    return code;
}

void TextDictionary::grow()
{
    std::vector<Slot> old(std::max(kInitialSlots, m_slots.size() * 2));
    old.swap(m_slots);
    const std::size_t mask = m_slots.size() - 1;
    for (const Slot &slot : old) {
        if (slot.code == kAbsent)
            continue;
        std::size_t index = slot.hash & mask;
        while (m_slots[index].code != kAbsent)
            index = (index + 1) & mask;
        m_slots[index] = slot;
    }
}

} // namespace cmtl
