// Pins the repositories on the backend of this run: the roster writer, policy documents,
// binding counts and the one-open-binding-per-pair guarantee, users, and SQLite's settings.
#include <boost/test/unit_test.hpp>

#include <soci/soci.h>

#include "core/relation.h"
#include "storage/audit_repository.h"
#include "storage/binding_repository.h"
#include "storage/code_table_repository.h"
#include "storage/migrations.h"
#include "storage/person_repository.h"
#include "storage/policy_repository.h"
#include "storage/prepared_statement.h"
#include "storage/roster_writer.h"
#include "storage/user_repository.h"
#include "support/test_database.h"

using namespace gongji;
using namespace gongji::storage;

namespace {

struct Schema {
    test::FreshDatabase fresh;
    std::unique_ptr<Database> db = Database::open(fresh.url());
    Schema() {
        migrate(*db, load_migrations(GONGJI_SOURCE_DATA_DIR "/migrations"), test::kTestNow);
        CodeTableRepository(*db).replace_relations(core::all_relations());
        PolicyRepository(*db).save({"guangxi", "广西", "{}", test::kTestNow});
    }
};

core::Person person(const std::string& id, const std::string& name, int status = 1) {
    core::Person p;
    p.id_number = id;
    p.name = name;
    p.gender = (id[16] - '0') % 2 ? core::Gender::male : core::Gender::female;
    p.birth_date = *core::CivilDate::parse(id.substr(6, 4) + "-" + id.substr(10, 2) + "-" + id.substr(12, 2));
    p.insurance_type = "310";
    p.status = status;
    p.pooling_region = "450800";
    p.balance_fen = 152340;
    return p;
}

// Writes people as a roster import does.
std::pair<size_t, size_t> store(Database& db, std::initializer_list<core::Person> people) {
    RosterWriter writer(db, test::kTestNow.utc());
    for (const auto& p : people) writer.write(p);
    writer.finish();
    return {writer.inserted(), writer.updated()};
}

const std::string kA = "450802196503120117", kU1 = "450802196708200129", kU2 = "450802199205060113";

BindingRecord binding(const std::string& a, const std::string& u, core::BindingStatus status = core::BindingStatus::active) {
    BindingRecord b;
    b.authorizer_id = a;
    b.user_id = u;
    b.relation = "12";
    b.policy = "guangxi";
    b.status = status;
    b.created_at = test::kTestNow;
    return b;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(repositories, Schema)

BOOST_AUTO_TEST_CASE(persons_are_inserted_then_updated_by_id_number) {
    PersonRepository persons(*db);
    BOOST_TEST((store(*db, {person(kA, "张伟")}) == std::pair<size_t, size_t>{1, 0}));
    auto changed = person(kA, "张伟（改）");
    changed.balance_fen = 1;
    changed.status = 2;
    // A second writer knows the first one's rows; one writer counts a repeated person as an update.
    BOOST_TEST((store(*db, {changed}) == std::pair<size_t, size_t>{0, 1}));
    BOOST_TEST((store(*db, {person(kU1, "李"), person(kU1, "李秀英")}) == std::pair<size_t, size_t>{1, 1}));
    BOOST_TEST(persons.find(kU1)->name == "李秀英");
    store(*db, {changed});
    BOOST_TEST(persons.count() == 2);
    auto found = persons.find(kA);
    BOOST_REQUIRE(found.has_value());
    BOOST_TEST(found->name == "张伟（改）");
    BOOST_TEST(found->balance_fen == 1);
    BOOST_TEST(found->status == 2);
    BOOST_TEST(found->birth_date.to_string() == "1965-03-12");
    BOOST_TEST((found->gender == core::Gender::male));
    BOOST_TEST(!persons.find(kU2).has_value());
}

BOOST_AUTO_TEST_CASE(money_beyond_32_bits_survives) {
    PersonRepository persons(*db);
    auto rich = person(kA, "张伟");
    rich.balance_fen = 9'000'000'000'000LL;
    store(*db, {rich});
    BOOST_TEST(persons.find(kA)->balance_fen == 9'000'000'000'000LL);
}

BOOST_AUTO_TEST_CASE(a_negative_balance_is_refused_by_the_database) {
    auto p = person(kA, "张伟");
    p.balance_fen = -1;
    BOOST_CHECK_THROW(store(*db, {p}), std::exception);
}

BOOST_AUTO_TEST_CASE(policy_documents_are_saved_replaced_and_listed) {
    PolicyRepository policies(*db);
    BOOST_TEST(policies.save({"hebei", "河北省", "{\"v\":1}", test::kTestNow}));
    BOOST_TEST(!policies.save({"hebei", "河北", "{\"v\":2}", test::kTestNow}));
    auto found = policies.find("hebei");
    BOOST_REQUIRE(found.has_value());
    BOOST_TEST(found->title == "河北");
    BOOST_TEST(found->document == "{\"v\":2}");
    auto all = policies.list();
    BOOST_REQUIRE(all.size() == 2u);
    BOOST_TEST(all[0].name == "guangxi");
    BOOST_TEST(!policies.find("nowhere").has_value());
}

BOOST_AUTO_TEST_CASE(open_bindings_are_counted_per_side) {
    store(*db, {person(kA, "某"), person(kU1, "某"), person(kU2, "某")});
    BindingRepository bindings(*db);
    bindings.insert(binding(kA, kU1, core::BindingStatus::active));
    bindings.insert(binding(kA, kU2, core::BindingStatus::pending));
    auto ended = binding(kU1, kU2, core::BindingStatus::ended);
    ended.until = test::kTestNow;
    ended.end_reason = "request";
    bindings.insert(ended);
    BOOST_TEST(bindings.count_open_as_authorizer(kA) == 2);
    BOOST_TEST(bindings.count_open_as_user(kU2) == 1);
    BOOST_TEST(bindings.count_open_as_authorizer(kU1) == 0);
    BOOST_TEST(bindings.open_pair_exists(kA, kU1));
    BOOST_TEST(!bindings.open_pair_exists(kU1, kU2));
    auto list = bindings.list_by_user(kU2);
    BOOST_REQUIRE(list.size() == 2u);
    BOOST_TEST(list[1].end_reason.value_or("") == "request");
    BOOST_TEST(!list[0].until.has_value());
}

BOOST_AUTO_TEST_CASE(a_second_open_binding_for_a_pair_is_refused_by_the_database) {
    store(*db, {person(kA, "某"), person(kU1, "某")});
    BindingRepository bindings(*db);
    bindings.insert(binding(kA, kU1, core::BindingStatus::pending));
    BOOST_CHECK_THROW(bindings.insert(binding(kA, kU1, core::BindingStatus::active)), std::exception);
}

BOOST_AUTO_TEST_CASE(a_binding_needs_both_people_in_the_roster) {
    store(*db, {person(kA, "某")});
    BOOST_CHECK_THROW(BindingRepository(*db).insert(binding(kA, kU1)), std::exception);
}

BOOST_AUTO_TEST_CASE(open_bindings_come_with_both_peoples_status_and_region) {
    store(*db, {person(kA, "某"), person(kU1, "某", 4), person(kU2, "某")});
    BindingRepository bindings(*db);
    auto first = bindings.insert(binding(kA, kU1));
    bindings.insert(binding(kA, kU2, core::BindingStatus::pending));
    auto open = bindings.open_with_people();
    BOOST_REQUIRE(open.size() == 2u);
    BOOST_TEST(open[0].binding.id == first);
    BOOST_TEST(open[0].user_status == 4);
    BOOST_TEST(open[0].authorizer_region == "450800");
    bindings.end(first, test::kTestNow, "auto");
    BOOST_TEST(bindings.open_with_people().size() == 1u);
    BOOST_TEST(bindings.find(first)->end_reason.value_or("") == "auto");
}

BOOST_AUTO_TEST_CASE(users_are_stored_and_found) {
    UserRepository users(*db);
    UserRecord u{"clerk1", core::Role::clerk, "00ff", "abcd", 1000, false, std::nullopt, test::kTestNow, "韦丽华"};
    users.add(u);
    BOOST_CHECK_THROW(users.add(u), std::exception);
    auto found = users.find("clerk1");
    BOOST_REQUIRE(found.has_value());
    BOOST_TEST((found->role == core::Role::clerk));
    BOOST_TEST(found->full_name == "韦丽华");
    BOOST_TEST(found->iterations == 1000);
    BOOST_TEST(!found->locked_until.has_value());
    BOOST_TEST(users.count() == 1);
}

BOOST_AUTO_TEST_CASE(region_codes_load_back) {
    CodeTableRepository codes(*db);
    codes.replace_regions({{"450000", "广西壮族自治区", core::RegionLevel::province},
                           {"450800", "贵港市", core::RegionLevel::prefecture},
                           {"450802", "港北区", core::RegionLevel::county}});
    auto table = codes.load_regions();
    BOOST_TEST(table.size() == 3u);
    BOOST_TEST(table.find("450800")->name == "贵港市");
    BOOST_TEST((table.find("450802")->level == core::RegionLevel::county));
}

BOOST_AUTO_TEST_CASE(sqlite_runs_with_wal_foreign_keys_and_a_busy_timeout) {
    if (test::backend_name() != "sqlite") return;
    std::string mode;
    int fk = 0;
    db->sql() << "PRAGMA journal_mode", soci::into(mode);
    db->sql() << "PRAGMA foreign_keys", soci::into(fk);
    BOOST_TEST(mode == "wal");
    BOOST_TEST(fk == 1);
    int timeout = 0;
    db->sql() << "PRAGMA busy_timeout", soci::into(timeout);
    BOOST_TEST(timeout >= 5000);
}

BOOST_AUTO_TEST_CASE(a_transaction_not_committed_leaves_nothing) {
    PersonRepository persons(*db);
    {
        Transaction tx(*db);
        store(*db, {person(kA, "张伟")});
    }
    BOOST_TEST(persons.count() == 0);
    {
        Transaction tx(*db);
        store(*db, {person(kA, "张伟")});
        BOOST_CHECK_THROW(tx.commit(), StorageError);  // a balance set, and no entry says who set it
    }
    BOOST_TEST(persons.count() == 0);
    {
        Transaction tx(*db);
        store(*db, {person(kA, "张伟")});
        core::AuditEntry e;
        e.workstation = "test", e.actor = "admin", e.action = "roster.import", e.entity = "roster", e.after = "{}";
        AuditRepository(*db).record(e);
        tx.commit();
    }
    BOOST_TEST(persons.count() == 1);
    std::string recorded;
    db->sql() << "SELECT after_state FROM audit_log WHERE action = 'roster.import'", soci::into(recorded);
    BOOST_TEST(recorded.rfind("{\"balances\":{\"persons\":\"", 0) == 0, recorded);  // the money it moved
}

// A roster written again rewrites only the people who changed (a province re-imports millions
// to change a few), on both databases; the last line of a person repeated in one file wins.
BOOST_AUTO_TEST_CASE(a_roster_written_again_rewrites_only_who_changed) {
    store(*db, {person(kA, "张伟"), person(kU1, "李秀英")});
    auto changed = person(kU1, "李秀英");
    changed.balance_fen = 12345;
    RosterWriter again(*db, "2026-12-01T00:00:00Z");
    again.write(person(kA, "张伟"));
    again.write(person(kU2, "张磊"));
    again.write(person(kU2, "张磊磊"));
    again.write(changed);
    again.finish();
    BOOST_TEST(again.inserted() == 1u);
    BOOST_TEST(again.updated() == 2u);  // 张磊's second line and 李秀英's new balance
    BOOST_TEST(again.unchanged() == 1u);  // 张伟 as stored: not written
    auto stamp = [&](const std::string& id) {
        std::string at;
        db->sql() << "SELECT updated_at FROM persons WHERE id_number = :i", soci::use(id), soci::into(at);
        return at;
    };
    BOOST_TEST(stamp(kA) == test::kTestNow.utc());
    BOOST_TEST(stamp(kU1) == "2026-12-01T00:00:00Z");
    PersonRepository persons(*db);
    BOOST_TEST(persons.find(kU1)->balance_fen == 12345);
    BOOST_TEST(persons.find(kU2)->name == "张磊磊");
}

// The statements imports and look-ups repeat, prepared by the dialect: each database's own way
// (SQLite's C API, SOCI on PostgreSQL) binds text, numbers and NULL alike and reads them back.
BOOST_AUTO_TEST_CASE(a_prepared_statement_binds_and_reads_alike_on_both_databases) {
    db->sql() << "CREATE TABLE probe (k VARCHAR(20) NOT NULL, n BIGINT, note VARCHAR(20))";
    auto insert = db->dialect().prepare(*db, "INSERT INTO probe (k, n, note) VALUES (:k, :n, :note)");
    const std::string a = "甲", b = "b", note = "x";
    BOOST_TEST(insert->text(1, a).integer(2, 9000000000LL).text(3, note).run() == 1);
    BOOST_TEST(insert->text(1, b).null(2).null(3).run() == 1);
    auto select = db->dialect().prepare(*db, "SELECT k, n FROM probe WHERE n IS NOT NULL OR k = :k ORDER BY k");
    std::vector<std::pair<std::string, long long>> rows;
    select->text(1, b).query_each([&](const ResultRow& r) { rows.emplace_back(r.column_text(0), r.column_integer(1)); });
    BOOST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[0].first == "b");
    BOOST_TEST(rows[1].first == "甲");
    BOOST_TEST(rows[1].second == 9000000000LL);
    auto one = db->dialect().prepare(*db, "SELECT note FROM probe WHERE k = :k");
    std::string read;
    BOOST_TEST(one->text(1, a).query_one([&](const ResultRow& r) { read = r.column_text(0); }));
    BOOST_TEST(read == "x");
    const std::string nobody = "none";
    BOOST_TEST(!one->text(1, nobody).query_one([](const ResultRow&) {}));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(an_unreachable_database_is_a_clear_error) {
    BOOST_CHECK_EXCEPTION(Database::open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"),
                          StorageError, [](const StorageError& e) {
                              return std::string(e.what()).find("cannot open database") == 0;
                          });
    BOOST_CHECK_THROW(Database::open("mysql://x"), StorageError);
    BOOST_CHECK_THROW(Database::open("sqlite:/nonexistent-folder/x/y.db"), StorageError);
}
