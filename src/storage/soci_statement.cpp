#include "storage/soci_statement.h"

#include <soci/soci.h>

#include "storage/row_values.h"

namespace gongji::storage {
namespace {

// ":name" placeholders, not "::type" casts.
int count_parameters(const std::string& sql) {
    int n = 0;
    for (size_t i = 0; i + 1 < sql.size(); ++i) {
        if (sql[i] != ':') continue;
        if (sql[i + 1] == ':') {
            ++i;
            continue;
        }
        if (std::isalnum(static_cast<unsigned char>(sql[i + 1])) || sql[i + 1] == '_') ++n;
    }
    return n;
}

}  // namespace

struct SociStatement::Impl {
    soci::session& sql;
    std::string query;
    std::vector<std::string> values;
    std::vector<soci::indicator> indicators;
    soci::row row;
    std::unique_ptr<soci::statement> write, read;

    Impl(soci::session& s, const char* q) : sql(s), query(q) {
        auto n = static_cast<size_t>(count_parameters(query));
        values.resize(n);
        indicators.assign(n, soci::i_null);
    }

    // Prepared once on first use; the bound buffers are the vectors above.
    soci::statement& statement(std::unique_ptr<soci::statement>& st, bool with_row) {
        if (st) return *st;
        st = std::make_unique<soci::statement>(sql);
        if (with_row) st->exchange(soci::into(row));
        for (size_t i = 0; i < values.size(); ++i) st->exchange(soci::use(values[i], indicators[i]));
        st->alloc();
        st->prepare(query);
        st->define_and_bind();
        return *st;
    }

    void set(int index, std::string value, soci::indicator ind) {
        auto i = static_cast<size_t>(index - 1);
        if (i >= values.size()) throw StorageError("parameter " + std::to_string(index) + " of: " + query);
        values[i] = std::move(value);
        indicators[i] = ind;
    }
};

SociStatement::SociStatement(Database& db, const char* sql) : impl_(std::make_unique<Impl>(db.sql(), sql)) {}
SociStatement::~SociStatement() = default;

SociStatement& SociStatement::text(int index, const std::string& value) {
    impl_->set(index, value, soci::i_ok);
    return *this;
}

SociStatement& SociStatement::integer(int index, long long value) {
    impl_->set(index, std::to_string(value), soci::i_ok);
    return *this;
}

SociStatement& SociStatement::null(int index) {
    impl_->set(index, "", soci::i_null);
    return *this;
}

int SociStatement::run() {
    auto& st = impl_->statement(impl_->write, false);
    st.execute(true);
    return static_cast<int>(st.get_affected_rows());
}

bool SociStatement::query_one(const std::function<void(const ResultRow&)>& read) {
    auto& st = impl_->statement(impl_->read, true);
    if (!st.execute(true)) return false;
    read(*this);
    while (st.fetch()) {
    }
    return true;
}

void SociStatement::query_each(const std::function<void(const ResultRow&)>& read) {
    auto& st = impl_->statement(impl_->read, true);
    if (!st.execute(true)) return;
    do read(*this);
    while (st.fetch());
}

// NULL reads as "" and 0, as SQLite's own API reads it.
std::string SociStatement::column_text(int index) const {
    auto i = static_cast<size_t>(index);
    return impl_->row.get_indicator(i) == soci::i_null ? std::string() : impl_->row.get<std::string>(i);
}

long long SociStatement::column_integer(int index) const {
    auto i = static_cast<size_t>(index);
    return impl_->row.get_indicator(i) == soci::i_null ? 0 : row_integer(impl_->row, i);
}

}  // namespace gongji::storage
