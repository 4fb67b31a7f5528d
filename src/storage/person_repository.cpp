#include "storage/person_repository.h"

#include <soci/soci.h>

#include "storage/row_values.h"
#include "storage/sqlite_native.h"

#include <algorithm>

namespace gongji::storage {

constexpr const char* kSelect =
    "SELECT name, gender, birth_date, insurance_type, status, pooling_region, balance_fen FROM persons "
    "WHERE id_number = :id";

// Bound buffers and the look-up statement, prepared once.
struct PersonRepository::Statements {
    std::string id, name, birth, type, region;
    int gender = 1, status = 1;
    long long balance = 0;
    soci::statement select;

    std::unique_ptr<SqliteNative> native_select;  // SQLite: the look-up without SOCI's conversions

    explicit Statements(Database& db) : select(db.sql()) {
        if (db.backend() == Backend::sqlite) {
            native_select = std::make_unique<SqliteNative>(db, kSelect);
            return;
        }
        auto& sql = db.sql();
        using soci::into;
        using soci::use;
        select = (sql.prepare << kSelect,
                  into(name), into(gender), into(birth), into(type), into(status), into(region),
                  into(balance), use(id));
    }
};

namespace {

template <class Buffers>
core::Person to_person(const std::string& id_number, const Buffers& s) {
    core::Person p;
    p.id_number = id_number;
    p.name = s.name;
    p.gender = s.gender == 2 ? core::Gender::female : core::Gender::male;
    p.birth_date = core::CivilDate::parse(s.birth).value_or(core::CivilDate{});
    p.insurance_type = s.type;
    p.status = s.status;
    p.pooling_region = s.region;
    p.balance_fen = s.balance;
    return p;
}

}  // namespace

PersonRepository::PersonRepository(Database& db) : db_(db) {}
PersonRepository::~PersonRepository() = default;

std::optional<core::Person> PersonRepository::find(const std::string& id_number) {
    if (!st_) st_ = std::make_unique<Statements>(db_);
    auto& s = *st_;
    if (s.native_select) {
        bool found = s.native_select->text(1, id_number).query_one([&](const SqliteNative& row) {
            s.name = row.column_text(0);
            s.gender = static_cast<int>(row.column_integer(1));
            s.birth = row.column_text(2);
            s.type = row.column_text(3);
            s.status = static_cast<int>(row.column_integer(4));
            s.region = row.column_text(5);
            s.balance = row.column_integer(6);
        });
        if (!found) return std::nullopt;
        return to_person(id_number, s);
    }
    s.id = id_number;
    if (!s.select.execute(true)) return std::nullopt;
    // Step past the only row: a statement left mid-result holds SQLite's read snapshot open,
    // and this connection could then not start a write after another workstation's commit.
    s.select.fetch();
    return to_person(id_number, s);
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
    st.prepare(sql);
    st.define_and_bind();
    st.execute();
    while (st.fetch()) out[id] = name;
    return out;
}

void PersonRepository::for_each_account(const std::function<void(Account&&)>& each) {
    const char* sql = "SELECT id_number, insurance_type, pooling_region, balance_fen FROM persons";
    if (db_.backend() == Backend::sqlite) {
        SqliteNative scan(db_, sql);
        scan.query_each([&](const SqliteNative& row) {
            each({row.column_text(0), row.column_text(1), row.column_text(2), row.column_integer(3)});
        });
        return;
    }
    soci::rowset<soci::row> rows = db_.sql().prepare << sql;
    for (const auto& r : rows)
        each({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2), row_integer(r, 3)});
}

void PersonRepository::lock(std::vector<std::string> ids) {
    if (db_.backend() != Backend::postgresql) return;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (const auto& id : ids) {
        std::string found;
        db_.sql() << "SELECT id_number FROM persons WHERE id_number = :id FOR UPDATE", soci::use(id), soci::into(found);
    }
}

long long PersonRepository::count() {
    long long n = 0;
    db_.sql() << "SELECT count(*) FROM persons", soci::into(n);
    return n;
}

}  // namespace gongji::storage
