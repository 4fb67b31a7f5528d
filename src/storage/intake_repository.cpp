#include "storage/intake_repository.h"

#include <soci/soci.h>

#include "storage/row_values.h"

namespace gongji::storage {
namespace {

constexpr const char* kKeyColumns = "key_id, via, secret, created_by, created_at, revoked_at";

core::ChannelKey key_of_row(const soci::row& r) {
    core::ChannelKey k;
    k.key_id = r.get<std::string>(0);
    k.via = r.get<std::string>(1);
    k.secret = r.get<std::string>(2);
    k.created_by = r.get<std::string>(3);
    k.created_at = row_instant(r, 4);
    k.revoked_at = row_optional_instant(r, 5);
    return k;
}

constexpr const char* kEventColumns = "via, seq, case_no, apply_no, action, state, at, detail";

core::CaseEvent event_of_row(const soci::row& r) {
    core::CaseEvent e;
    e.via = r.get<std::string>(0);
    e.seq = row_integer(r, 1);
    e.case_no = r.get<std::string>(2);
    e.apply_no = r.get<std::string>(3);
    e.action = r.get<std::string>(4);
    e.state = r.get<std::string>(5);
    e.at = row_instant(r, 6);
    e.detail = r.get<std::string>(7);
    return e;
}

}  // namespace

void IntakeRepository::add_key(const core::ChannelKey& k) {
    const std::string at = k.created_at.utc();
    db_.sql() << "INSERT INTO intake_keys (key_id, via, secret, created_by, created_at) VALUES (:k, :v, :s, :b, :a)",
        soci::use(k.key_id), soci::use(k.via), soci::use(k.secret), soci::use(k.created_by), soci::use(at);
}

std::optional<core::ChannelKey> IntakeRepository::find_key(const std::string& key_id) {
    std::optional<core::ChannelKey> found;
    for_each_row(db_.sql(), std::string("SELECT ") + kKeyColumns + " FROM intake_keys WHERE key_id = :k",
                 [&](const soci::row& r) { found = key_of_row(r); }, key_id);
    return found;
}

std::vector<core::ChannelKey> IntakeRepository::keys() {
    std::vector<core::ChannelKey> out;
    for_each_row(db_.sql(), std::string("SELECT ") + kKeyColumns + " FROM intake_keys ORDER BY created_at, key_id",
                 [&](const soci::row& r) { out.push_back(key_of_row(r)); });
    return out;
}

void IntakeRepository::revoke_key(const std::string& key_id, const core::Instant& at) {
    const std::string when = at.utc();
    db_.sql() << "UPDATE intake_keys SET revoked_at = :a WHERE key_id = :k AND revoked_at IS NULL", soci::use(when),
        soci::use(key_id);
}

bool IntakeRepository::use_nonce(const std::string& key_id, const std::string& nonce, long long now,
                                 long long forget_before) {
    // One in a hundred requests clears the old ones: a statement each would double the writes.
    if (now % 100 == 0) db_.sql() << "DELETE FROM intake_nonces WHERE seen_at < :t", soci::use(forget_before);
    soci::statement st = (db_.sql().prepare << "INSERT INTO intake_nonces (key_id, nonce, seen_at) VALUES (:k, :n, :t) "
                                               "ON CONFLICT (key_id, nonce) DO NOTHING",
                          soci::use(key_id), soci::use(nonce), soci::use(now));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

void IntakeRepository::append_events(std::vector<core::CaseEvent>& events) {
    for (auto& e : events) {
        db_.sql() << "UPDATE case_event_counters SET last = last + 1 WHERE via = :v RETURNING last", soci::into(e.seq),
            soci::use(e.via);
        const std::string at = e.at.utc();
        db_.sql() << "INSERT INTO case_events (via, seq, case_no, apply_no, action, state, at, detail) "
                     "VALUES (:v, :s, :c, :n, :a, :st, :at, :d)",
            soci::use(e.via), soci::use(e.seq), soci::use(e.case_no), soci::use(e.apply_no), soci::use(e.action),
            soci::use(e.state), soci::use(at), soci::use(e.detail);
    }
}

std::vector<core::CaseEvent> IntakeRepository::events_after(const std::string& via, long long seq, int limit) {
    std::vector<core::CaseEvent> out;
    const long long most = limit;
    for_each_row(db_.sql(),
                 std::string("SELECT ") + kEventColumns + " FROM case_events WHERE via = :v AND seq > :s ORDER BY seq LIMIT :n",
                 [&](const soci::row& r) { out.push_back(event_of_row(r)); }, via, seq, most);
    return out;
}

std::vector<core::CaseEvent> IntakeRepository::events_of_case(const std::string& case_no) {
    std::vector<core::CaseEvent> out;
    for_each_row(db_.sql(), std::string("SELECT ") + kEventColumns + " FROM case_events WHERE case_no = :c ORDER BY seq",
                 [&](const soci::row& r) { out.push_back(event_of_row(r)); }, case_no);
    return out;
}

void IntakeRepository::for_each_event(const std::function<void(const core::CaseEvent&)>& each) {
    for_each_row(db_.sql(), std::string("SELECT ") + kEventColumns + " FROM case_events ORDER BY via, seq",
                 [&](const soci::row& r) { each(event_of_row(r)); });
}

std::pair<long long, long long> IntakeRepository::feed_position(const std::string& via) {
    long long last = 0, acked = 0;
    db_.sql() << "SELECT last, acked FROM case_event_counters WHERE via = :v", soci::into(last), soci::into(acked),
        soci::use(via);
    return {last, acked};
}

void IntakeRepository::acknowledge(const std::string& via, long long seq) {
    db_.sql() << "UPDATE case_event_counters SET acked = :s WHERE via = :v AND acked < :s2", soci::use(seq), soci::use(via),
        soci::use(seq);
}

}  // namespace gongji::storage
