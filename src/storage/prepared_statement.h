#pragma once
// A statement run many times in a row (an import's inserts, a look-up per person), prepared
// once. Parameters by position from 1, columns from 0. The dialect chooses how: SQLite's own C
// API (SOCI's conversions doubled the cost there), SOCI on PostgreSQL. Storage-internal.
#include <functional>
#include <string>

namespace gongji::storage {

// The current row of a query; NULL reads as "" and 0.
class ResultRow {
public:
    virtual ~ResultRow() = default;
    virtual std::string column_text(int index) const = 0;
    virtual long long column_integer(int index) const = 0;
};

class PreparedStatement {
public:
    virtual ~PreparedStatement() = default;
    // Values stay bound until replaced; texts must stay alive until the statement runs.
    virtual PreparedStatement& text(int index, const std::string& value) = 0;
    virtual PreparedStatement& integer(int index, long long value) = 0;
    virtual PreparedStatement& null(int index) = 0;
    // Runs a statement that returns no rows; the number of rows it changed.
    virtual int run() = 0;
    // For a query of at most one row: calls `read` with it, if there is one.
    virtual bool query_one(const std::function<void(const ResultRow&)>& read) = 0;
    // Calls `read` with every row.
    virtual void query_each(const std::function<void(const ResultRow&)>& read) = 0;
};

}  // namespace gongji::storage
