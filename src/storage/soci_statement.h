#pragma once
// A PreparedStatement through SOCI, for PostgreSQL: every value is sent as text and the server
// reads it as the column's type, which is what SOCI's PostgreSQL backend does with any value.
// Parameters are the SQL's ":name" placeholders in order of appearance. Storage-internal.
#include <memory>
#include <string>
#include <vector>

#include "storage/database.h"
#include "storage/prepared_statement.h"

namespace gongji::storage {

class SociStatement final : public PreparedStatement, private ResultRow {
public:
    SociStatement(Database& db, const char* sql);
    ~SociStatement() override;
    SociStatement(const SociStatement&) = delete;
    SociStatement& operator=(const SociStatement&) = delete;

    SociStatement& text(int index, const std::string& value) override;
    SociStatement& integer(int index, long long value) override;
    SociStatement& null(int index) override;
    int run() override;
    bool query_one(const std::function<void(const ResultRow&)>& read) override;
    void query_each(const std::function<void(const ResultRow&)>& read) override;

private:
    std::string column_text(int index) const override;
    long long column_integer(int index) const override;

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace gongji::storage
