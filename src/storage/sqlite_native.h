#pragma once
// SQLite's C API for the few statements an import runs a million times, on the SOCI session's
// own connection (same transaction). SOCI converts every bound value to text and back, which
// doubled the cost of those statements. Storage-internal; SQLite sessions only.
#include <memory>
#include <string>

#include "storage/database.h"
#include "storage/prepared_statement.h"

namespace gongji::storage {

class SqliteNative final : public PreparedStatement, private ResultRow {
public:
    SqliteNative(Database& db, const char* sql);
    ~SqliteNative() override;
    SqliteNative(const SqliteNative&) = delete;
    SqliteNative& operator=(const SqliteNative&) = delete;

    SqliteNative& text(int index, const std::string& value) override;
    SqliteNative& integer(int index, long long value) override;
    SqliteNative& null(int index) override;
    int run() override;
    // Both leave the statement reset: one left mid-result would hold SQLite's read snapshot open.
    bool query_one(const std::function<void(const ResultRow&)>& read) override;
    void query_each(const std::function<void(const ResultRow&)>& read) override;

private:
    std::string column_text(int index) const override;
    long long column_integer(int index) const override;

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace gongji::storage
