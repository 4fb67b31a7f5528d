#include "storage/recorded_repository.h"

#include <optional>

#include "core/instant.h"
#include "storage/prepared_statement.h"

namespace gongji::storage {
namespace {

// A settlement's columns, then one payer's (NULL for a settlement without any), ordered so that
// the lines of one settlement come together.
constexpr const char* kColumns =
    "SELECT r.setl_id, r.user_id, r.settled_at, r.institution_code, r.institution_name, r.med_type, r.use_code, "
    "r.medfee_fen, r.amount_fen, r.own_fen, r.cash_fen, r.balc_fen, r.late, r.imported_at, "
    "p.authorizer_id, p.amount_fen, p.balance_before_fen, r.applied_seq FROM ";
constexpr const char* kJoinPayers = " LEFT JOIN recorded_payers p ON p.setl_id = r.setl_id ORDER BY r.settled_at, r.setl_id, p.authorizer_id";

// Gathers joined rows into settlements.
class Gatherer {
public:
    explicit Gatherer(const std::function<void(RecordedRepository::Row&&)>& each) : each_(each) {}
    void add(const ResultRow& row) {
        auto setl_id = row.column_text(0);
        if (!current_ || current_->settlement.setl_id != setl_id) {
            finish();
            current_.emplace();
            auto& s = current_->settlement;
            s.setl_id = std::move(setl_id);
            s.user_id = row.column_text(1);
            s.time = core::parse_iso_instant(row.column_text(2)).value_or(0);
            s.institution_code = row.column_text(3);
            s.institution_name = row.column_text(4);
            s.med_type = row.column_text(5);
            s.use = core::parse_use(row.column_text(6)).value_or(core::Use::clinic);
            s.medfee_fen = row.column_integer(7);
            s.amount_fen = row.column_integer(8);
            s.own_fen = row.column_integer(9);
            s.cash_fen = row.column_integer(10);
            s.balc_fen = row.column_integer(11);
            current_->late = row.column_integer(12) != 0;
            current_->imported_at = row.column_text(13);
            current_->applied_seq = row.column_integer(17);
        }
        auto authorizer = row.column_text(14);
        if (!authorizer.empty())
            current_->settlement.payments.push_back({std::move(authorizer), row.column_integer(15), row.column_integer(16)});
    }
    // Hands over the settlement being gathered; its time and ID, for the next page.
    void finish() {
        if (!current_) return;
        last_time_ = core::format_utc(current_->settlement.time);
        last_id_ = current_->settlement.setl_id;
        each_(std::move(*current_));
        current_.reset();
        ++count_;
    }
    const std::string& last_time() const { return last_time_; }
    const std::string& last_id() const { return last_id_; }
    long long count() const { return count_; }

private:
    const std::function<void(RecordedRepository::Row&&)>& each_;
    std::optional<RecordedRepository::Row> current_;
    std::string last_time_, last_id_;
    long long count_ = 0;
};

std::vector<RecordedRepository::Row> gather(Database& db, const std::string& sql,
                                            const std::vector<std::string>& values) {
    std::vector<RecordedRepository::Row> out;
    std::function<void(RecordedRepository::Row&&)> keep = [&](RecordedRepository::Row&& r) { out.push_back(std::move(r)); };
    Gatherer g(keep);
    auto st = db.dialect().prepare(db, sql.c_str());
    for (std::size_t i = 0; i < values.size(); ++i) st->text(static_cast<int>(i + 1), values[i]);
    st->query_each([&](const ResultRow& row) { g.add(row); });
    g.finish();
    return out;
}

}  // namespace

std::vector<RecordedRepository::Row> RecordedRepository::of_user(const std::string& user_id, const std::string& from,
                                                                 const std::string& to) {
    return gather(db_,
                  std::string(kColumns) +
                      "(SELECT * FROM recorded_settlements WHERE user_id = :u AND settled_at >= :f AND settled_at < :t) r" +
                      kJoinPayers,
                  {user_id, from, to});
}

std::vector<RecordedRepository::Row> RecordedRepository::drawn_on(const std::string& authorizer_id,
                                                                  const std::string& from, const std::string& to) {
    return gather(db_,
                  std::string(kColumns) +
                      "(SELECT * FROM recorded_settlements WHERE setl_id IN (SELECT setl_id FROM recorded_payers "
                      "WHERE authorizer_id = :a AND amount_fen > 0) AND settled_at >= :f AND settled_at < :t) r" +
                      kJoinPayers,
                  {authorizer_id, from, to});
}

void RecordedRepository::for_each(const std::string& from, const std::string& to,
                                  const std::function<void(Row&&)>& each) {
    constexpr int kPage = 50000;
    auto st = db_.dialect().prepare(
        db_, (std::string(kColumns) +
              "(SELECT * FROM recorded_settlements WHERE settled_at >= :f AND settled_at < :t AND "
              "(settled_at > :at OR (settled_at = :same_at AND setl_id > :id)) ORDER BY settled_at, setl_id LIMIT " +
              std::to_string(kPage) + ") r" + kJoinPayers)
                 .c_str());
    Gatherer g(each);
    std::string at, id;  // where the last page ended
    for (;;) {
        const auto before = g.count();
        st->text(1, from).text(2, to).text(3, at).text(4, at).text(5, id);
        st->query_each([&](const ResultRow& row) { g.add(row); });
        g.finish();
        if (g.count() - before < kPage) return;
        at = g.last_time();
        id = g.last_id();
    }
}

}  // namespace gongji::storage
