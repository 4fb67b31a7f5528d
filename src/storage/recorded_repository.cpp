#include "storage/recorded_repository.h"

#include <algorithm>
#include <charconv>

#include "core/instant.h"
#include "storage/prepared_statement.h"

namespace gongji::storage {

std::string encode_payers(const std::vector<core::RecordedPayment>& payments) {
    std::string out;
    for (const auto& p : payments) {
        if (!out.empty()) out += ';';
        out += p.authorizer_id + ":" + std::to_string(p.amount_fen) + ":" + std::to_string(p.balance_before_fen);
    }
    return out;
}

std::vector<core::RecordedPayment> decode_payers(std::string_view text) {
    std::vector<core::RecordedPayment> out;
    auto number = [](std::string_view s) {
        long long n = 0;
        std::from_chars(s.data(), s.data() + s.size(), n);
        return n;
    };
    while (!text.empty()) {
        auto end = std::min(text.find(';'), text.size());
        auto item = text.substr(0, end);
        auto first = item.find(':'), second = item.rfind(':');
        if (first != std::string_view::npos && second > first)
            out.push_back({std::string(item.substr(0, first)), number(item.substr(first + 1, second - first - 1)),
                           number(item.substr(second + 1))});
        text.remove_prefix(std::min(end + 1, text.size()));
    }
    return out;
}

namespace {

constexpr const char* kColumns =
    "SELECT setl_id, user_id, settled_at, use_code, amount_fen, own_fen, cash_fen, balc_fen, payers, institution_code, "
    "institution_name, med_type, medfee_fen, late, imported_at, applied_seq FROM recorded_settlements ";
// What the check needs, and no more: the others are left empty.
constexpr const char* kColumnsToCheck =
    "SELECT setl_id, user_id, settled_at, use_code, amount_fen, own_fen, cash_fen, balc_fen, payers "
    "FROM recorded_settlements ";

RecordedRepository::Row row_of(const ResultRow& row, bool whole) {
    RecordedRepository::Row r;
    auto& s = r.settlement;
    s.setl_id = row.column_text(0);
    s.user_id = row.column_text(1);
    s.time = core::parse_iso_instant(row.column_text(2)).value_or(0);
    s.use = core::parse_use(row.column_text(3)).value_or(core::Use::clinic);
    s.amount_fen = row.column_integer(4);
    s.own_fen = row.column_integer(5);
    s.cash_fen = row.column_integer(6);
    s.balc_fen = row.column_integer(7);
    s.payments = decode_payers(row.column_text(8));
    if (whole) {
        s.institution_code = row.column_text(9);
        s.institution_name = row.column_text(10);
        s.med_type = row.column_text(11);
        s.medfee_fen = row.column_integer(12);
        r.late = row.column_integer(13) != 0;
        r.imported_at = row.column_text(14);
        r.applied_seq = row.column_integer(15);
    }
    return r;
}

std::vector<RecordedRepository::Row> rows_of(Database& db, const std::string& sql, const std::vector<std::string>& values) {
    std::vector<RecordedRepository::Row> out;
    auto st = db.dialect().prepare(db, sql.c_str());
    for (std::size_t i = 0; i < values.size(); ++i) st->text(static_cast<int>(i + 1), values[i]);
    st->query_each([&](const ResultRow& row) { out.push_back(row_of(row, true)); });
    return out;
}

}  // namespace

std::vector<RecordedRepository::Row> RecordedRepository::of_user(const std::string& user_id, const std::string& from,
                                                                 const std::string& to) {
    return rows_of(db_,
                   std::string(kColumns) +
                       "WHERE user_id = :u AND settled_at >= :f AND settled_at < :t ORDER BY settled_at, setl_id",
                   {user_id, from, to});
}

std::vector<RecordedRepository::Row> RecordedRepository::drawn_on(const std::string& authorizer_id,
                                                                  const std::string& from, const std::string& to) {
    return rows_of(db_,
                   std::string(kColumns) +
                       "WHERE setl_id IN (SELECT setl_id FROM recorded_payers WHERE authorizer_id = :a) AND "
                       "settled_at >= :f AND settled_at < :t ORDER BY settled_at, setl_id",
                   {authorizer_id, from, to});
}

void RecordedRepository::for_each(const std::string& from, const std::string& to,
                                  const std::function<void(Row&&)>& each) {
    // Pages straight from the time index. Each starts where the last one ended: `:lower` (the
    // later of that and the period's start) bounds the index range; the pair decides among
    // equal times.
    constexpr int kPage = 50000;
    auto page = db_.dialect().prepare(
        db_, (std::string(kColumnsToCheck) +
              "WHERE settled_at >= :lower AND settled_at < :t AND (settled_at, setl_id) > (:at, :id) "
              "ORDER BY settled_at, setl_id LIMIT " + std::to_string(kPage))
                 .c_str());
    std::string at, id;             // where the last page ended (bound while the page runs)
    std::string next_at, next_id;   // where this one ends
    for (;;) {
        const std::string lower = std::max(from, at);
        int rows = 0;
        page->text(1, lower).text(2, to).text(3, at).text(4, id);
        page->query_each([&](const ResultRow& row) {
            auto r = row_of(row, false);
            ++rows;
            next_at = row.column_text(2);
            next_id = r.settlement.setl_id;
            each(std::move(r));
        });
        if (rows < kPage) return;
        at = next_at;
        id = next_id;
    }
}

}  // namespace gongji::storage
