#pragma once

#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

namespace cmtl {

// Values of a fixed size and strings written one after another into bytes, to travel between the
// ranks of a job (Communicator::broadcast, gatherBytes), and read back in the same order. The
// ranks run the same build on the same kind of machine: values travel in their memory layout.
class ByteWriter {
public:
    template <typename T> void value(const T &item)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        raw(&item, sizeof item);
    }
    void text(const std::string &item)
    {
        value<std::uint64_t>(item.size());
        raw(item.data(), item.size());
    }
    void raw(const void *data, std::size_t size)
    {
        // (resize and copy: GCC 12 warns falsely, -Wstringop-overflow, on inserting into an empty vector)
        const std::size_t at = bytes.size();
        bytes.resize(at + size);
        if (size > 0)
            std::memcpy(bytes.data() + at, data, size);
    }

    std::vector<char> bytes;
};

class ByteReader {
public:
    explicit ByteReader(const std::vector<char> &bytes) : m_bytes(bytes) {}

    template <typename T> T value()
    {
        static_assert(std::is_trivially_copyable_v<T>);
        T item{};
        raw(&item, sizeof item);
        return item;
    }
    std::string text()
    {
        const auto size = static_cast<std::size_t>(value<std::uint64_t>());
        std::string item(m_bytes.data() + m_at, size);
        m_at += size;
        return item;
    }
    void raw(void *data, std::size_t size)
    {
        std::memcpy(data, m_bytes.data() + m_at, size);
        m_at += size;
    }

private:
    const std::vector<char> &m_bytes;
    std::size_t m_at = 0;
};

} // namespace cmtl
