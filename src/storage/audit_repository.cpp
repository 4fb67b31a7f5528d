#include "storage/audit_repository.h"

#include <soci/soci.h>

#include "storage/migrations.h"
#include "storage/row_values.h"

namespace gongji::storage {
namespace {

// Entries are numbered in the order they are written, across chains (one transaction's after
// the one before it that touched the same rows, whose locks it waited for).
const char* const kNextLogged = "(SELECT COALESCE(MAX(logged), 0) FROM audit_log)";
constexpr int kLoggedSince = 14;  // db/migrations/0014_state_proof.sql

// What the insert adds for the order column: nothing on a database older than it (a restored
// copy left at its version).
std::string logged_column(Database& db) {
    auto& known = db.audit_order_kept();
    if (!known) known = schema_version(db) >= kLoggedSince;
    return *known ? ", logged" : "";
}

// Puts the entry next on its chain after `head` and seals it (with the agency's key, if any).
void chain_after(core::AuditEntry& e, const AuditHead& head, const core::AuditKey* key) {
    e.seq = head.seq + 1;
    e.prev_hash = head.hash;
    e.key_id = key ? key->id : "";
    e.hash = core::seal_audit_entry(e, key);
}

}  // namespace

void AuditRepository::record(core::AuditEntry entry) {
    entry.chain = entry.workstation;
    if (db_.in_transaction()) {
        db_.pending_audit().push_back(std::move(entry));
        return;
    }
    // A look-up's lone entry: one round trip instead of a transaction's five, on a server.
    if (append_alone(entry)) return;
    Transaction tx(db_);
    db_.pending_audit().push_back(std::move(entry));
    tx.commit();
}

bool AuditRepository::append_alone(core::AuditEntry& e) {
    if (!db_.dialect().modifies_in_with() || logged_column(db_).empty()) return false;
    auto known = db_.known_audit_heads().find(e.chain);
    if (known == db_.known_audit_heads().end()) return false;
    const auto [prev_seq, prev_hash] = known->second;
    chain_after(e, {prev_seq, prev_hash}, db_.audit_key());
    soci::statement st =
        (db_.sql().prepare << "WITH head AS (UPDATE audit_heads SET seq = :seq, hash = :hash "
                              "WHERE chain = :chain AND seq = :prev_seq AND hash = :prev_hash RETURNING chain) "
                              "INSERT INTO audit_log (chain, seq, at, actor, workstation, action, entity, entity_key, "
                              "before_state, after_state, prev_hash, hash, key_id, logged) "
                              "SELECT chain, :seq2, :at, :actor, :ws, :action, :entity, :key, :before, :after, "
                              ":prev_hash2, :hash2, :key_id, " + std::string(kNextLogged) + " + 1 FROM head",
         soci::use(e.seq), soci::use(e.hash), soci::use(e.chain), soci::use(prev_seq), soci::use(prev_hash),
         soci::use(e.seq), soci::use(e.at), soci::use(e.actor), soci::use(e.workstation), soci::use(e.action),
         soci::use(e.entity), soci::use(e.entity_key), soci::use(e.before), soci::use(e.after), soci::use(e.prev_hash),
         soci::use(e.hash), soci::use(e.key_id));
    st.execute(true);
    if (st.get_affected_rows() != 1) {
        db_.known_audit_heads().erase(e.chain);  // another session of this workstation wrote since
        return false;
    }
    known->second = {e.seq, e.hash};
    db_.audit_committed({{e.chain, {e.seq, e.hash}}});  // one statement outside a transaction: committed
    return true;
}

AuditHead AuditRepository::lock_head(const std::string& chain) {
    std::string select = std::string("SELECT seq, hash FROM audit_heads WHERE chain = :c") + db_.dialect().lock_rows();
    AuditHead h;
    db_.sql() << select, soci::use(chain), soci::into(h.seq), soci::into(h.hash);
    if (db_.sql().got_data()) return h;
    // A workstation's first entry: two sessions of it may get here at once; one row results.
    db_.sql() << "INSERT INTO audit_heads (chain, seq, hash) VALUES (:c, 0, :h) ON CONFLICT (chain) DO NOTHING",
        soci::use(chain), soci::use(core::kChainStart);
    db_.sql() << select, soci::use(chain), soci::into(h.seq), soci::into(h.hash);
    return h;
}

Database::AuditHeads AuditRepository::append_chain(std::vector<core::AuditEntry>& entries) {
    // Heads in name order, so two transactions writing to the same two chains cannot deadlock.
    std::map<std::string, AuditHead> heads;
    for (const auto& e : entries) heads[e.chain];
    for (auto& [chain, head] : heads) head = lock_head(chain);

    const auto logged = logged_column(db_);
    std::string insert = "INSERT INTO audit_log (chain, seq, at, actor, workstation, action, entity, entity_key, "
                         "before_state, after_state, prev_hash, hash, key_id" + logged + ") VALUES ";
    const core::AuditKey* key = db_.audit_key();
    soci::statement st(db_.sql());
    for (auto& e : entries) {
        auto& h = heads[e.chain];
        chain_after(e, h, key);
        h = {e.seq, e.hash};
        // Names distinct per row: SQLite binds a repeated name once.
        const auto n = std::to_string(&e - entries.data());
        if (&e != &entries.front()) insert += ", ";
        insert += "(:chain" + n + ", :seq" + n + ", :at" + n + ", :actor" + n + ", :ws" + n + ", :action" + n +
                  ", :entity" + n + ", :key" + n + ", :before" + n + ", :after" + n + ", :prev" + n + ", :hash" + n +
                  ", :keyid" + n + (logged.empty() ? "" : ", " + std::string(kNextLogged) + " + " + std::to_string(&e - entries.data() + 1)) + ")";
        st.exchange(soci::use(e.chain));
        st.exchange(soci::use(e.seq));
        st.exchange(soci::use(e.at));
        st.exchange(soci::use(e.actor));
        st.exchange(soci::use(e.workstation));
        st.exchange(soci::use(e.action));
        st.exchange(soci::use(e.entity));
        st.exchange(soci::use(e.entity_key));
        st.exchange(soci::use(e.before));
        st.exchange(soci::use(e.after));
        st.exchange(soci::use(e.prev_hash));
        st.exchange(soci::use(e.hash));
        st.exchange(soci::use(e.key_id));
    }
    st.alloc();
    st.prepare(insert, soci::details::st_one_time_query);
    st.define_and_bind();
    st.execute(true);
    for (const auto& [chain, head] : heads) {
        db_.sql() << "UPDATE audit_heads SET seq = :seq, hash = :hash WHERE chain = :c", soci::use(head.seq),
            soci::use(head.hash), soci::use(chain);
        db_.known_audit_heads()[chain] = {head.seq, head.hash};  // wrong only if the commit fails: then not used
    }
    Database::AuditHeads moved;
    for (const auto& [chain, head] : heads) moved[chain] = {head.seq, head.hash};
    return moved;
}

std::optional<std::string> AuditRepository::hash_at(const std::string& chain, long long seq) {
    std::string hash;
    db_.sql() << "SELECT hash FROM audit_log WHERE chain = :c AND seq = :s", soci::use(chain), soci::use(seq), soci::into(hash);
    return db_.sql().got_data() ? std::optional(hash) : std::nullopt;
}

std::map<std::string, AuditHead> AuditRepository::heads() {
    std::map<std::string, AuditHead> out;
    for_each_row(db_.sql(), "SELECT chain, seq, hash FROM audit_heads", [&](const soci::row& r) {
        out[r.get<std::string>(0)] = {row_integer(r, 1), r.get<std::string>(2)};
    });
    return out;
}

namespace {

const char* const kEntryColumns =
    "SELECT chain, seq, at, actor, workstation, action, entity, entity_key, before_state, after_state, prev_hash, "
    "hash, key_id FROM audit_log ";

void entry_of(const soci::row& r, core::AuditEntry& e) {
    e.chain = r.get<std::string>(0);
    e.seq = row_integer(r, 1);
    e.at = r.get<std::string>(2);
    e.actor = r.get<std::string>(3);
    e.workstation = r.get<std::string>(4);
    e.action = r.get<std::string>(5);
    e.entity = r.get<std::string>(6);
    e.entity_key = r.get<std::string>(7);
    e.before = r.get<std::string>(8);
    e.after = r.get<std::string>(9);
    e.prev_hash = r.get<std::string>(10);
    e.hash = r.get<std::string>(11);
    e.key_id = r.get<std::string>(12);
}

std::vector<core::AuditEntry> entries_of(soci::rowset<soci::row>& rows) {
    std::vector<core::AuditEntry> out;
    for (const auto& r : rows) entry_of(r, out.emplace_back());
    return out;
}

}  // namespace

std::vector<core::AuditEntry> AuditRepository::all() {
    soci::rowset<soci::row> rows = (db_.sql().prepare << std::string(kEntryColumns) + "ORDER BY chain, seq");
    return entries_of(rows);
}

void AuditRepository::for_each_in_written_order(const std::string& condition,
                                                const std::function<void(const core::AuditEntry&)>& each) {
    soci::rowset<soci::row> rows = (db_.sql().prepare << std::string(kEntryColumns) + "WHERE " + condition +
                                                            " ORDER BY COALESCE(logged, 0), at, chain, seq");
    core::AuditEntry e;
    for (const auto& r : rows) {
        entry_of(r, e);
        each(e);
    }
}

std::vector<core::AuditEntry> AuditRepository::views(const std::string& person, const std::string& actor) {
    // A paper read names its case's two people in what it says it read.
    const std::string named = "%\"" + person + "\"%";
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << std::string(kEntryColumns) +
                                  "WHERE (action = 'person.view' OR action = 'document.view') "
                                  "AND (CAST(:p1 AS VARCHAR(18)) = '' OR (entity = 'person' AND entity_key = :p2) "
                                  "OR (action = 'document.view' AND after_state LIKE :p3)) "
                                  "AND (CAST(:a1 AS VARCHAR(64)) = '' OR actor = :a2) ORDER BY at, chain, seq",
         soci::use(person), soci::use(person), soci::use(named), soci::use(actor), soci::use(actor));
    return entries_of(rows);
}

}  // namespace gongji::storage
