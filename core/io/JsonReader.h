#pragma once

#include "common/Error.h"
#include "io/SettingLimits.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace cmtl::json {

inline QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}
inline QLatin1String key(const char *name)
{
    return QLatin1String(name);
}

inline QJsonArray toJsonArray(const std::vector<std::string> &items)
{
    QJsonArray array;
    for (const std::string &item : items)
        array.append(qs(item));
    return array;
}

inline QJsonArray toJsonArray(const std::vector<int> &items)
{
    QJsonArray array;
    for (const int item : items)
        array.append(item);
    return array;
}

// Reads fields of a JSON object, refusing a missing or mistyped field by its dotted path.
class JsonReader {
public:
    JsonReader(const QJsonObject &object, std::string path, std::string source)
        : m_object(object), m_path(std::move(path)), m_source(std::move(source))
    {}

    // Whether the object has the field: for fields newer files add, which older ones lack.
    bool has(const char *name) const { return m_object.contains(key(name)); }
    QJsonValue value(const char *name) const
    {
        const QJsonValue found = m_object.value(key(name));
        if (found.isUndefined())
            fail(name, "is missing");
        return found;
    }
    double number(const char *name) const
    {
        const QJsonValue found = value(name);
        if (!found.isDouble())
            fail(name, "should be a number");
        return found.toDouble();
    }
    int integer(const char *name) const
    {
        return static_cast<int>(wholeNumber(value(name), name, std::numeric_limits<int>::min(),
                                            std::numeric_limits<int>::max(), "should be an integer"));
    }
    // A count: a whole number from 0 to 2^53 (exact in a double), here or in an element of a list.
    std::int64_t count(const char *name) const { return count(value(name), name); }
    std::int64_t count(const QJsonValue &found, const char *name) const
    {
        return static_cast<std::int64_t>(
            wholeNumber(found, name, 0, 9007199254740992.0, "should be a whole number >= 0"));
    }
    // A setting: a finite number, or a whole number, in the range the command line allows too.
    double number(const char *name, const limits::RealRange &range) const
    {
        const double found = number(name);
        if (!range.contains(found))
            fail(name, ("should be a finite number from " + QString::number(range.lowest).toStdString() + " to " +
                        QString::number(range.highest).toStdString())
                           .c_str());
        return found;
    }
    std::int64_t integer(const char *name, const limits::IntegerRange &range) const
    {
        return integer(value(name), name, range);
    }
    std::int64_t integer(const QJsonValue &found, const char *name, const limits::IntegerRange &range) const
    {
        const auto lowest = static_cast<double>(range.lowest), highest = static_cast<double>(range.highest);
        if (!isWholeNumberIn(found, lowest, highest)) // the message is built only for a refusal
            fail(name, ("should be a whole number from " + std::to_string(range.lowest) + " to " +
                        std::to_string(range.highest))
                           .c_str());
        return static_cast<std::int64_t>(found.toDouble());
    }
    std::string text(const char *name) const
    {
        const QJsonValue found = value(name);
        if (!found.isString())
            fail(name, "should be a string");
        return found.toString().toStdString();
    }
    bool flag(const char *name) const
    {
        const QJsonValue found = value(name);
        if (!found.isBool())
            fail(name, "should be true or false");
        return found.toBool();
    }
    QJsonArray array(const char *name) const
    {
        const QJsonValue found = value(name);
        if (!found.isArray())
            fail(name, "should be a list");
        return found.toArray();
    }
    JsonReader object(const char *name) const
    {
        const QJsonValue found = value(name);
        if (!found.isObject())
            fail(name, "should be an object");
        return JsonReader(found.toObject(), m_path + "." + name, m_source);
    }
    JsonReader element(const QJsonArray &list, qsizetype index, const char *listName) const
    {
        const std::string path = m_path + "." + listName + "[" + std::to_string(index) + "]";
        if (!list[index].isObject())
            throw DataError({m_source, 0, {}}, "field " + path + " should be an object");
        return JsonReader(list[index].toObject(), path, m_source);
    }
    std::vector<std::string> strings(const char *name) const
    {
        std::vector<std::string> result;
        for (const QJsonValue &item : array(name)) {
            if (!item.isString())
                fail(name, "should hold strings");
            result.push_back(item.toString().toStdString());
        }
        return result;
    }
    [[noreturn]] void fail(const char *name, const char *problem) const
    {
        throw DataError({m_source, 0, {}},
                        "field " + m_path + "." + name + " " + problem + " (the file is damaged or was edited)");
    }

private:
    // The value as a whole number in [lowest, highest]; the range is checked before any
    // conversion to an integer type, which would be undefined behaviour out of range.
    static bool isWholeNumberIn(const QJsonValue &found, double lowest, double highest)
    {
        const double number = found.toDouble();
        return found.isDouble() && number >= lowest && number <= highest && number == std::trunc(number);
    }
    double wholeNumber(const QJsonValue &found, const char *name, double lowest, double highest,
                       const char *problem) const
    {
        if (!isWholeNumberIn(found, lowest, highest))
            fail(name, problem);
        return found.toDouble();
    }

    QJsonObject m_object;
    std::string m_path;
    std::string m_source;
};

} // namespace cmtl::json
