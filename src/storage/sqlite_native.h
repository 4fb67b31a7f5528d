#pragma once
// SQLite's C API for the few statements an import runs a million times, on the SOCI session's
// own connection (same transaction). SOCI converts every bound value to text and back, which
// doubled the cost of those statements. Storage-internal; SQLite sessions only.
#include <functional>
#include <memory>
#include <string>

#include "storage/database.h"

namespace gongji::storage {

class SqliteNative {
public:
    SqliteNative(Database& db, const char* sql);
    ~SqliteNative();
    SqliteNative(const SqliteNative&) = delete;
    SqliteNative& operator=(const SqliteNative&) = delete;

    // Parameters are numbered from 1; texts must stay alive until run().
    SqliteNative& text(int index, const std::string& value);
    SqliteNative& integer(int index, long long value);
    SqliteNative& null(int index);
    // Runs the statement to its end; returns the number of rows it changed.
    int run();
    // For a query of at most one row: calls `read` with the row, if there is one, and leaves the
    // statement reset (a statement left mid-result would hold SQLite's read snapshot open).
    bool query_one(const std::function<void(const SqliteNative&)>& read);
    // Calls `read` with every row, then leaves the statement reset.
    void query_each(const std::function<void(const SqliteNative&)>& read);
    std::string column_text(int index) const;  // from 0
    long long column_integer(int index) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace gongji::storage
