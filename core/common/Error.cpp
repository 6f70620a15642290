#include "common/Error.h"

namespace cmtl {

namespace {
std::string formatMessage(const SourceLocation &where, const std::string &problem)
{
    std::string message = where.file.empty() ? std::string("input") : where.file;
    if (where.line > 0)
        message += ", line " + std::to_string(where.line);
    if (!where.column.empty())
        message += ", column \"" + where.column + "\"";
    return message + ": " + problem;
}
} // namespace

DataError::DataError(SourceLocation where, const std::string &problem)
    : std::runtime_error(formatMessage(where, problem)), m_where(std::move(where)), m_problem(problem)
{}

} // namespace cmtl
