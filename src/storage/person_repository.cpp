#include "storage/person_repository.h"

#include <soci/soci.h>

#include "storage/prepared_statement.h"
#include "storage/row_values.h"

namespace gongji::storage {

constexpr const char* kSelect =
    "SELECT name, gender, birth_date, insurance_type, status, pooling_region, balance_fen, id_number FROM persons "
    "WHERE id_number = :id";
constexpr const char* kSelectTwo =
    "SELECT name, gender, birth_date, insurance_type, status, pooling_region, balance_fen, id_number FROM persons "
    "WHERE id_number IN (:first, :second)";

constexpr const char* kSelectAccount =
    "SELECT id_number, insurance_type, pooling_region, balance_fen, COALESCE(settled_through, '') FROM persons";
constexpr const char* kSelectOneAccount =
    "SELECT id_number, insurance_type, pooling_region, balance_fen, COALESCE(settled_through, '') FROM persons "
    "WHERE id_number = :id";

// The look-up statements, prepared once.
struct PersonRepository::Statements {
    std::unique_ptr<PreparedStatement> select, select_two, select_account;
    explicit Statements(Database& db)
        : select(db.dialect().prepare(db, kSelect)),
          select_two(db.dialect().prepare(db, kSelectTwo)),
          select_account(db.dialect().prepare(db, kSelectOneAccount)) {}
};

namespace {

PersonRepository::Account account_of(const ResultRow& row) {
    return {row.column_text(0), row.column_text(1), row.column_text(2), row.column_integer(3), row.column_text(4)};
}

core::Person person_of(const ResultRow& row) {
    core::Person p;
    p.name = row.column_text(0);
    p.gender = row.column_integer(1) == 2 ? core::Gender::female : core::Gender::male;
    p.birth_date = core::CivilDate::parse(row.column_text(2)).value_or(core::CivilDate{});
    p.insurance_type = row.column_text(3);
    p.status = static_cast<int>(row.column_integer(4));
    p.pooling_region = row.column_text(5);
    p.balance_fen = row.column_integer(6);
    p.id_number = row.column_text(7);
    return p;
}

}  // namespace

PersonRepository::PersonRepository(Database& db) : db_(db) {}
PersonRepository::~PersonRepository() = default;

std::optional<core::Person> PersonRepository::find(const std::string& id_number) {
    if (!st_) st_ = std::make_unique<Statements>(db_);
    core::Person p;
    bool found = st_->select->text(1, id_number).query_one([&](const ResultRow& row) { p = person_of(row); });
    if (!found) return std::nullopt;
    return p;
}

std::map<std::string, core::Person> PersonRepository::find_two(const std::string& first, const std::string& second) {
    if (!st_) st_ = std::make_unique<Statements>(db_);
    std::map<std::string, core::Person> out;
    st_->select_two->text(1, first).text(2, second).query_each([&](const ResultRow& row) {
        auto p = person_of(row);
        out.emplace(p.id_number, std::move(p));
    });
    return out;
}

std::map<std::string, std::string> PersonRepository::names_of(const std::vector<std::string>& ids) {
    std::map<std::string, std::string> out;
    if (ids.empty()) return out;
    std::string sql = "SELECT id_number, name FROM persons WHERE id_number IN (";
    for (size_t i = 0; i < ids.size(); ++i) sql += (i ? ", :i" : ":i") + std::to_string(i);
    sql += ")";
    soci::statement st(db_.sql());
    std::string id, name;
    st.exchange(soci::into(id));
    st.exchange(soci::into(name));
    for (const auto& i : ids) st.exchange(soci::use(i));
    st.alloc();
    st.prepare(sql, soci::details::st_one_time_query);  // one round trip (see for_each_row)
    st.define_and_bind();
    st.execute();
    while (st.fetch()) out[id] = name;
    return out;
}

void PersonRepository::for_each_account(const std::function<void(Account&&)>& each) {
    auto scan = db_.dialect().prepare(db_, kSelectAccount);
    scan->query_each([&](const ResultRow& row) { each(account_of(row)); });
}

std::optional<PersonRepository::Account> PersonRepository::account(const std::string& id_number) {
    if (!st_) st_ = std::make_unique<Statements>(db_);
    std::optional<Account> found;
    st_->select_account->text(1, id_number).query_one([&](const ResultRow& row) { found = account_of(row); });
    return found;
}

void PersonRepository::lock(std::vector<std::string> ids) {
    db_.dialect().lock_keys(db_.sql(), "persons", "id_number", std::move(ids));
}

long long PersonRepository::count() {
    long long n = 0;
    db_.sql() << "SELECT count(*) FROM persons", soci::into(n);
    return n;
}

}  // namespace gongji::storage
