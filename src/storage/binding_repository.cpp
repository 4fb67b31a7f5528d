#include "storage/binding_repository.h"

#include <soci/soci.h>

#include "storage/row_values.h"

namespace gongji::storage {
namespace {

const char* kColumns =
    "id, authorizer_id, user_id, relation, policy, status, legacy, deduction_order, created_at, since, until, "
    "end_reason";

BindingRecord from_row(const soci::row& r) {
    BindingRecord b;
    b.id = row_integer(r, 0);
    b.authorizer_id = r.get<std::string>(1);
    b.user_id = r.get<std::string>(2);
    b.relation = r.get<std::string>(3);
    b.policy = r.get<std::string>(4);
    auto status = r.get<std::string>(5);
    auto parsed = core::parse_binding_status(status);
    if (!parsed) throw soci::soci_error("bindings: unknown status \"" + status + "\"");
    b.status = *parsed;
    b.legacy = row_integer(r, 6) != 0;
    b.deduction_order = static_cast<int>(row_integer(r, 7));
    b.created_at = row_instant(r, 8);
    b.since = row_optional_instant(r, 9);
    b.until = row_optional_instant(r, 10);
    b.end_reason = row_optional_text(r, 11);
    return b;
}

}  // namespace

long long BindingRepository::insert(const BindingRecord& b) {
    long long id = 0;
    int legacy = b.legacy ? 1 : 0;
    OptionalText since(b.since), until(b.until), reason(b.end_reason);
    std::string status = core::binding_status_name(b.status), created_at = b.created_at.utc();
    db_.sql() << "INSERT INTO bindings (authorizer_id, user_id, relation, policy, status, legacy, "
                 "deduction_order, created_at, since, until, end_reason) "
                 "VALUES (:a, :u, :r, :p, :s, :l, :o, :c, :since, :until, :reason) RETURNING id",
        soci::use(b.authorizer_id), soci::use(b.user_id), soci::use(b.relation), soci::use(b.policy),
        soci::use(status), soci::use(legacy), soci::use(b.deduction_order), soci::use(created_at),
        soci::use(since.value, since.ind), soci::use(until.value, until.ind), soci::use(reason.value, reason.ind),
        soci::into(id);
    return id;
}

int BindingRepository::count_open_as_authorizer(const std::string& id_number, long long except) {
    int n = 0;
    db_.sql() << "SELECT count(*) FROM bindings WHERE authorizer_id = :id AND status IN ('pending', 'active') "
                 "AND id <> :except",
        soci::use(id_number), soci::use(except), soci::into(n);
    return n;
}

int BindingRepository::count_open_as_user(const std::string& id_number, long long except) {
    int n = 0;
    db_.sql() << "SELECT count(*) FROM bindings WHERE user_id = :id AND status IN ('pending', 'active') "
                 "AND id <> :except",
        soci::use(id_number), soci::use(except), soci::into(n);
    return n;
}

BindingRepository::OpenCounts BindingRepository::open_counts(const std::string& a, const std::string& u,
                                                             long long except) {
    OpenCounts n;
    db_.sql() << "SELECT count(CASE WHEN authorizer_id = :a1 THEN 1 END), count(CASE WHEN user_id = :u1 THEN 1 END), "
                 "count(CASE WHEN authorizer_id = :a2 AND user_id = :u2 THEN 1 END) FROM bindings "
                 "WHERE (authorizer_id = :a3 OR user_id = :u3) AND status IN ('pending', 'active') AND id <> :except",
        soci::use(a), soci::use(u), soci::use(a), soci::use(u), soci::use(a), soci::use(u), soci::use(except),
        soci::into(n.as_authorizer), soci::into(n.as_user), soci::into(n.pair);
    return n;
}

bool BindingRepository::open_pair_exists(const std::string& authorizer_id, const std::string& user_id,
                                         long long except) {
    int n = 0;
    db_.sql() << "SELECT count(*) FROM bindings WHERE authorizer_id = :a AND user_id = :u "
                 "AND status IN ('pending', 'active') AND id <> :except",
        soci::use(authorizer_id), soci::use(user_id), soci::use(except), soci::into(n);
    return n > 0;
}

int BindingRepository::next_order_for_user(const std::string& user_id) {
    int last = 0;
    soci::indicator ind = soci::i_ok;
    db_.sql() << "SELECT max(deduction_order) FROM bindings WHERE user_id = :u AND status IN ('pending', 'active')",
        soci::use(user_id), soci::into(last, ind);
    return ind == soci::i_null ? 1 : last + 1;
}

std::optional<BindingRecord> BindingRepository::find(long long id) {
    std::optional<BindingRecord> found;
    for_each_row(db_.sql(), std::string("SELECT ") + kColumns + " FROM bindings WHERE id = :id",
                 [&](const soci::row& r) { found = from_row(r); }, id);
    return found;
}

std::optional<BindingRecord> BindingRepository::find_open(const std::string& authorizer_id,
                                                          const std::string& user_id) {
    for (auto& b : list_by_user(user_id))
        if (b.authorizer_id == authorizer_id && b.is_open()) return b;
    return std::nullopt;
}

void BindingRepository::activate(long long id, core::Instant when) {
    std::string since = when.utc();
    db_.sql() << "UPDATE bindings SET status = 'active', since = :s WHERE id = :id AND status = 'pending'",
        soci::use(since), soci::use(id);
    db_.sql() << "INSERT INTO binding_orders (binding_id, deduction_order, valid_from) "
                 "SELECT id, deduction_order, since FROM bindings WHERE id = :id",
        soci::use(id);
}

void BindingRepository::renew(long long id) {
    db_.sql() << "UPDATE bindings SET legacy = 0 WHERE id = :id", soci::use(id);
}

void BindingRepository::end(long long id, core::Instant when, const std::string& reason) {
    std::string until = when.utc();
    db_.sql() << "UPDATE bindings SET status = 'ended', until = :u, end_reason = :r WHERE id = :id",
        soci::use(until), soci::use(reason), soci::use(id);
}

void BindingRepository::remove_pending(long long id) {
    db_.sql() << "DELETE FROM bindings WHERE id = :id AND status = 'pending'", soci::use(id);
}

void BindingRepository::set_order(long long id, int order, core::Instant when) {
    std::string from = when.utc();
    // A binding made before orders were recorded keeps its old order up to this change.
    int recorded = 0;
    db_.sql() << "SELECT count(*) FROM binding_orders WHERE binding_id = :id", soci::use(id), soci::into(recorded);
    if (recorded == 0)
        db_.sql() << "INSERT INTO binding_orders (binding_id, deduction_order, valid_from) "
                     "SELECT id, deduction_order, COALESCE(since, created_at) FROM bindings WHERE id = :id",
            soci::use(id);
    db_.sql() << "UPDATE bindings SET deduction_order = :o WHERE id = :id", soci::use(order), soci::use(id);
    db_.sql() << "INSERT INTO binding_orders (binding_id, deduction_order, valid_from) VALUES (:b, :o, :v)",
        soci::use(id), soci::use(order), soci::use(from);
}

void BindingRepository::for_each(const std::function<void(const BindingRecord&)>& each) {
    for_each_row(db_.sql(), std::string("SELECT ") + kColumns + " FROM bindings", [&](const soci::row& r) { each(from_row(r)); });
}

std::vector<BindingRecord> BindingRepository::list_ever_active() {
    std::vector<BindingRecord> out;
    soci::rowset<soci::row> rows = (db_.sql().prepare << std::string("SELECT ") + kColumns +
                                                             " FROM bindings WHERE since IS NOT NULL ORDER BY id");
    for (const auto& r : rows) out.push_back(from_row(r));
    return out;
}

std::vector<OrderChange> BindingRepository::order_history() {
    std::vector<OrderChange> out;
    soci::rowset<soci::row> rows = (db_.sql().prepare << "SELECT binding_id, deduction_order, valid_from "
                                                         "FROM binding_orders ORDER BY binding_id, valid_from");
    for (const auto& r : rows)
        out.push_back({row_integer(r, 0), static_cast<int>(row_integer(r, 1)), row_instant(r, 2)});
    return out;
}

std::vector<BindingRepository::OpenPair> BindingRepository::open_with_people() {
    std::vector<OpenPair> out;
    std::string columns;
    for (const char* c : {"id", "authorizer_id", "user_id", "relation", "policy", "status", "legacy",
                          "deduction_order", "created_at", "since", "until", "end_reason"})
        columns += std::string(columns.empty() ? "" : ", ") + "b." + c;
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT " + columns + ", a.status, u.status, a.pooling_region, u.pooling_region "
                              "FROM bindings b JOIN persons a ON a.id_number = b.authorizer_id "
                              "JOIN persons u ON u.id_number = b.user_id "
                              "WHERE b.status = 'pending' OR b.status = 'active' ORDER BY b.id");
    for (const auto& r : rows)
        out.push_back({from_row(r), static_cast<int>(row_integer(r, 12)), static_cast<int>(row_integer(r, 13)),
                       r.get<std::string>(14), r.get<std::string>(15)});
    return out;
}

std::vector<BindingRecord> BindingRepository::list_by_authorizer(const std::string& id_number) {
    return select("authorizer_id = :v", id_number);
}

std::vector<BindingRecord> BindingRepository::list_by_user(const std::string& id_number) {
    return select("user_id = :v", id_number);
}

std::vector<BindingRecord> BindingRepository::select(const std::string& condition, const std::string& value) {
    std::vector<BindingRecord> out;
    // `condition` is one of the fixed texts above, never user input; the value is bound.
    for_each_row(db_.sql(),
                 std::string("SELECT ") + kColumns + " FROM bindings WHERE " + condition +
                     " ORDER BY CASE status WHEN 'active' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END, deduction_order, id",
                 [&](const soci::row& r) { out.push_back(from_row(r)); }, value);
    return out;
}

}  // namespace gongji::storage
