#include "storage/audit_repository.h"

#include <soci/soci.h>

#include "storage/row_values.h"

namespace gongji::storage {

AuditHead AuditRepository::lock_head() {
    AuditHead h;
    std::string sql = "SELECT seq, hash FROM audit_head WHERE id = 1";
    sql += db_.dialect().lock_rows();
    db_.sql() << sql, soci::into(h.seq), soci::into(h.hash);
    return h;
}

AuditHead AuditRepository::head() {
    AuditHead h;
    db_.sql() << "SELECT seq, hash FROM audit_head WHERE id = 1", soci::into(h.seq), soci::into(h.hash);
    return h;
}

void AuditRepository::append(const core::AuditEntry& e) {
    db_.sql() << "INSERT INTO audit_log (seq, at, actor, workstation, action, entity, entity_key, before_state, "
                 "after_state, prev_hash, hash) VALUES (:seq, :at, :actor, :ws, :action, :entity, :key, :before, "
                 ":after, :prev, :hash)",
        soci::use(e.seq), soci::use(e.at), soci::use(e.actor), soci::use(e.workstation), soci::use(e.action),
        soci::use(e.entity), soci::use(e.entity_key), soci::use(e.before), soci::use(e.after),
        soci::use(e.prev_hash), soci::use(e.hash);
    db_.sql() << "UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1", soci::use(e.seq), soci::use(e.hash);
}

std::vector<core::AuditEntry> AuditRepository::all() {
    std::vector<core::AuditEntry> out;
    soci::rowset<soci::row> rows = (db_.sql().prepare << "SELECT seq, at, actor, workstation, action, entity, "
                                                         "entity_key, before_state, after_state, prev_hash, hash "
                                                         "FROM audit_log ORDER BY seq");
    for (const auto& r : rows) {
        core::AuditEntry e;
        e.seq = row_integer(r, 0);
        e.at = r.get<std::string>(1);
        e.actor = r.get<std::string>(2);
        e.workstation = r.get<std::string>(3);
        e.action = r.get<std::string>(4);
        e.entity = r.get<std::string>(5);
        e.entity_key = r.get<std::string>(6);
        e.before = r.get<std::string>(7);
        e.after = r.get<std::string>(8);
        e.prev_hash = r.get<std::string>(9);
        e.hash = r.get<std::string>(10);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace gongji::storage
