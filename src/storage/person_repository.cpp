#include "storage/person_repository.h"

#include <soci/soci.h>

#include <algorithm>

namespace gongji::storage {

// Bound buffers and the look-up statement, prepared once.
struct PersonRepository::Statements {
    std::string id, name, birth, type, region;
    int gender = 1, status = 1;
    long long balance = 0;
    soci::statement select;

    explicit Statements(soci::session& sql) : select(sql) {
        using soci::into;
        using soci::use;
        select = (sql.prepare << "SELECT name, gender, birth_date, insurance_type, status, pooling_region, "
                                 "balance_fen FROM persons WHERE id_number = :id",
                  into(name), into(gender), into(birth), into(type), into(status), into(region),
                  into(balance), use(id));
    }
};

PersonRepository::PersonRepository(Database& db) : db_(db) {}
PersonRepository::~PersonRepository() = default;

std::optional<core::Person> PersonRepository::find(const std::string& id_number) {
    if (!st_) st_ = std::make_unique<Statements>(db_.sql());
    auto& s = *st_;
    s.id = id_number;
    if (!s.select.execute(true)) return std::nullopt;
    // Step past the only row: a statement left mid-result holds SQLite's read snapshot open,
    // and this connection could then not start a write after another workstation's commit.
    s.select.fetch();
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
