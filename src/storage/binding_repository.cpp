#include "storage/binding_repository.h"

#include <soci/soci.h>

#include "storage/row_values.h"

namespace gongji::storage {
namespace {

std::optional<std::string> optional_text(const soci::row& r, size_t i) {
    if (r.get_indicator(i) == soci::i_null) return std::nullopt;
    return r.get<std::string>(i);
}

soci::indicator null_if_empty(const std::optional<std::string>& v) {
    return v ? soci::i_ok : soci::i_null;
}

}  // namespace

long long BindingRepository::insert(const BindingRecord& b) {
    long long id = 0;
    int legacy = b.legacy ? 1 : 0;
    std::string since = b.since.value_or(""), until = b.until.value_or(""), reason = b.end_reason.value_or("");
    soci::indicator since_ind = null_if_empty(b.since), until_ind = null_if_empty(b.until),
                    reason_ind = null_if_empty(b.end_reason);
    db_.sql() << "INSERT INTO bindings (authorizer_id, user_id, relation, policy, status, legacy, "
                 "deduction_order, created_at, since, until, end_reason) "
                 "VALUES (:a, :u, :r, :p, :s, :l, :o, :c, :since, :until, :reason) RETURNING id",
        soci::use(b.authorizer_id), soci::use(b.user_id), soci::use(b.relation), soci::use(b.policy),
        soci::use(b.status), soci::use(legacy), soci::use(b.deduction_order), soci::use(b.created_at),
        soci::use(since, since_ind), soci::use(until, until_ind), soci::use(reason, reason_ind),
        soci::into(id);
    return id;
}

int BindingRepository::count_open_as_authorizer(const std::string& id_number) {
    int n = 0;
    db_.sql() << "SELECT count(*) FROM bindings WHERE authorizer_id = :id AND status IN ('pending', 'active')",
        soci::use(id_number), soci::into(n);
    return n;
}

int BindingRepository::count_open_as_user(const std::string& id_number) {
    int n = 0;
    db_.sql() << "SELECT count(*) FROM bindings WHERE user_id = :id AND status IN ('pending', 'active')",
        soci::use(id_number), soci::into(n);
    return n;
}

bool BindingRepository::open_pair_exists(const std::string& authorizer_id, const std::string& user_id) {
    int n = 0;
    db_.sql() << "SELECT count(*) FROM bindings WHERE authorizer_id = :a AND user_id = :u "
                 "AND status IN ('pending', 'active')",
        soci::use(authorizer_id), soci::use(user_id), soci::into(n);
    return n > 0;
}

std::vector<BindingRecord> BindingRepository::list_by_authorizer(const std::string& id_number) {
    return list_where("authorizer_id", id_number);
}

std::vector<BindingRecord> BindingRepository::list_by_user(const std::string& id_number) {
    return list_where("user_id", id_number);
}

std::vector<BindingRecord> BindingRepository::list_where(const std::string& column,
                                                         const std::string& id_number) {
    std::vector<BindingRecord> out;
    // `column` is one of two names chosen above, never user input.
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT id, authorizer_id, user_id, relation, policy, status, legacy, "
                              "deduction_order, created_at, since, until, end_reason FROM bindings WHERE " +
                                  column + " = :id ORDER BY CASE status WHEN 'active' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END, "
                                  "deduction_order, id",
         soci::use(id_number));
    for (const auto& r : rows) {
        BindingRecord b;
        b.id = row_integer(r, 0);
        b.authorizer_id = r.get<std::string>(1);
        b.user_id = r.get<std::string>(2);
        b.relation = r.get<std::string>(3);
        b.policy = r.get<std::string>(4);
        b.status = r.get<std::string>(5);
        b.legacy = row_integer(r, 6) != 0;
        b.deduction_order = static_cast<int>(row_integer(r, 7));
        b.created_at = r.get<std::string>(8);
        b.since = optional_text(r, 9);
        b.until = optional_text(r, 10);
        b.end_reason = optional_text(r, 11);
        out.push_back(std::move(b));
    }
    return out;
}

int BindingRepository::end_for_terminated_persons(const std::string& now) {
    // Walks the open bindings (few) and looks each person up by key, rather than scanning the
    // roster (millions) for status 4.
    soci::statement st = (db_.sql().prepare
                              << "UPDATE bindings SET status = 'ended', until = :now, end_reason = 'auto' "
                                 "WHERE (status = 'pending' OR status = 'active') AND ("
                                 "EXISTS (SELECT 1 FROM persons p WHERE p.id_number = bindings.authorizer_id "
                                 "AND p.status = 4) OR "
                                 "EXISTS (SELECT 1 FROM persons p WHERE p.id_number = bindings.user_id AND p.status = 4))",
                          soci::use(now));
    st.execute(true);
    return static_cast<int>(st.get_affected_rows());
}

}  // namespace gongji::storage
