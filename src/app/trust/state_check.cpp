#include "app/trust/state_check.h"

#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>

#include "app/trust/audit.h"
#include "app/trust/audit_record.h"
#include "app/trust/auth.h"
#include "app/cases/captured_papers.h"
#include "app/setup/machine_settings.h"
#include "app/platform/stores.h"
#include "core/json_writer.h"
#include "core/state_digest.h"
#include "storage/money_state.h"

namespace gongji::app {
namespace {

using Object = Poco::JSON::Object::Ptr;

Object parse_object(const std::string& text) {
    if (text.empty() || text.front() != '{') return nullptr;
    try {
        return Poco::JSON::Parser().parse(text).extract<Object>();
    } catch (const Poco::Exception&) {
        return nullptr;
    }
}

std::string text_of(const Object& o, const std::string& key) {
    if (!o || !o->has(key) || o->isNull(key)) return "";
    return o->get(key).toString();
}

std::string stringify(const Poco::Dynamic::Var& v) {
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(v, out);
    return out.str();
}

std::set<std::string> text_set(const Object& o, const std::string& key) {
    std::set<std::string> out;
    if (!o || !o->has(key)) return out;
    if (auto array = o->getArray(key))
        for (std::size_t i = 0; i < array->size(); ++i) out.insert(array->get(i).toString());
    return out;
}

// A user's record as the check compares it: what only a sealed action changes — an
// administrator's, or the holder's new password (its fingerprint, where the log has one).
std::string user_record(const std::string& role, bool disabled, const std::string& duty, const std::string& full_name,
                        const std::string& credential) {
    core::JsonWriter w(false);
    w.begin_object().key("role").value(role).key("disabled").value(disabled).key("duty").value(duty);
    w.key("full_name").value(full_name);
    if (!credential.empty()) w.key("credential").value(credential);
    w.end_object();
    return w.str();
}

struct CaseState {
    std::string record;  // its last case.* entry's
    std::optional<std::set<std::string>> documents;  // changed by papers since that record
    std::map<std::string, std::string> papers;       // document id → type, as attached and not removed
};

// A paper as its document.attach entry recorded it, and whether a document.remove followed.
struct PaperState {
    std::string case_number, record, captured_by, removed_by;  // removed_by "" while kept
};

struct BindingState {
    std::string record;  // "" once removed
    std::optional<long long> order;  // set by a reorder since that record
};

struct UserState {
    std::string role, duty, full_name;
    bool disabled = false;
    std::string credential;  // "" where the log has none (entries from before it was kept)
};

class Replay {
public:
    void apply(const core::AuditEntry& e) {
        ++entries;
        if (e.action == "state.baseline") return baseline(e);
        // Storage puts the money a transaction moved first in its last entry's record; a setting's
        // value is the administrator's own text, never such a record.
        if (e.after.rfind("{\"balances\":", 0) == 0 && e.entity != "settings") add_money(e.after);
        if (e.entity == "case") return on_case(e);
        if (e.entity == "binding" && e.action.rfind("binding.", 0) == 0) {
            auto& b = bindings[e.entity_key];
            b.record = e.after;
            b.order.reset();
            if (auto o = parse_object(e.after)) {
                auto user = text_of(o, "user");
                if (!user.empty()) of_user[user].insert(e.entity_key);
            }
            return;
        }
        if (e.entity == "person" && e.action == "binding.reorder") return on_reorder(e);
        if (e.entity == "user") return on_user(e);
        if (e.entity == "settings" && e.action == "settings.set") {
            settings[e.entity_key] = e.after;
            return;
        }
        if (e.entity == "policy" && e.action == "policy.import") policies[e.entity_key] = sha256_hex(e.after);
        if (e.entity == "codes" && e.action == "codes.load") code_tables = e.after;
        if (e.entity == "rating") {
            if (e.action == "rating.receive") ratings[e.entity_key] = e.after;
            else if (e.action == "rating.contact" || e.action == "rating.settle") follow_ups[e.entity_key] = e.after;
        }
    }

    long long entries = 0;
    bool has_baseline = false;
    // The cases and bindings there were when the proof began (a database upgraded to it): those
    // made before may have no entry of their own. 0 for a database that had it from the start.
    long long cases_before = 0, bindings_before = 0;
    std::unordered_map<std::string, CaseState> cases;
    std::unordered_map<std::string, PaperState> papers;  // by document id
    // Each online case's changes as its channel's feed must tell them: "action:state;" in order.
    std::unordered_map<std::string, std::string> events;
    std::string code_tables;  // the last codes.load's record: their digest as loaded
    std::unordered_map<std::string, BindingState> bindings;
    std::unordered_map<std::string, std::set<std::string>> of_user;  // user ID → binding ids
    std::map<std::string, UserState> users;
    std::map<std::string, std::string> settings, policies;
    // 好差评 by "CASE/ROUND": a rating as it came, its follow-up as last recorded.
    std::map<std::string, std::string> ratings, follow_ups;
    core::StateDigests money;

private:
    static std::string event_text(const core::AuditEntry& e) {
        const std::string mark = "\"status\":\"";
        const auto at = e.after.find(mark);
        const auto from = at == std::string::npos ? e.after.size() : at + mark.size();
        return e.action.substr(5) + ":" + e.after.substr(from, e.after.find('"', from) - from) + ";";
    }

    void baseline(const core::AuditEntry& e) {
        auto o = parse_object(e.after);
        if (!o) return;
        has_baseline = true;
        cases_before = o->optValue<long long>("cases_up_to", 0);
        bindings_before = o->optValue<long long>("bindings_up_to", 0);
        settings.clear(), users.clear(), policies.clear(), money.clear();
        if (auto s = o->getObject("settings"))
            for (const auto& name : s->getNames()) settings[name] = s->get(name).toString();
        if (auto u = o->getObject("users"))
            for (const auto& name : u->getNames()) {
                auto one = u->getObject(name);
                users[name] = {text_of(one, "role"), text_of(one, "duty"), text_of(one, "full_name"),
                               one && one->optValue<bool>("disabled", false), text_of(one, "credential")};
            }
        if (auto p = o->getObject("policies"))
            for (const auto& name : p->getNames()) policies[name] = p->get(name).toString();
        if (auto m = o->getObject("money"))
            for (const auto& table : m->getNames())
                if (auto d = core::StateDigest::parse(m->get(table).toString())) money[table] = *d;
    }

    void add_money(const std::string& after) {
        auto o = parse_object(after);
        auto part = o ? o->getObject("balances") : nullptr;
        if (!part) return;
        for (const auto& table : part->getNames())
            if (auto d = core::StateDigest::parse(part->get(table).toString())) money[table] += *d;
    }

    void on_case(const core::AuditEntry& e) {
        auto& c = cases[e.entity_key];
        if (e.action.rfind("case.", 0) == 0) {
            c.record = e.after;
            c.documents.reset();
            if (e.after.find("\"channel\":\"online\"") != std::string::npos) events[e.entity_key] += event_text(e);
            return;
        }
        const bool attach = e.action == "document.attach", remove = e.action == "document.remove";
        if (!attach && !remove) return;
        auto paper = parse_object(attach ? e.after : e.before);
        if (!paper) return;
        const auto id = text_of(paper, "id"), type = text_of(paper, "type");
        if (!c.documents) c.documents = text_set(parse_object(c.record), "documents");
        auto& logged = papers[id];
        logged.case_number = e.entity_key;
        if (attach) {
            logged.record = e.after;
            logged.captured_by = e.actor;
        }
        logged.removed_by = remove ? e.actor : "";
        if (attach) {
            c.papers[id] = type;
            c.documents->insert(type);
            return;
        }
        c.papers.erase(id);
        for (const auto& [other, other_type] : c.papers)
            if (other_type == type) return;  // another paper of the type is left
        c.documents->erase(type);
    }

    void on_reorder(const core::AuditEntry& e) {
        auto o = parse_object(e.after);
        auto order = o ? o->getArray("order") : nullptr;
        if (!order) return;
        for (const auto& id : of_user[e.entity_key]) {
            auto& b = bindings[id];
            auto record = parse_object(b.record);
            auto status = text_of(record, "status");
            if (status != "pending" && status != "active") continue;
            for (std::size_t i = 0; i < order->size(); ++i)
                if (order->get(i).toString() == text_of(record, "authorizer")) b.order = static_cast<long long>(i + 1);
        }
    }

    void on_user(const core::AuditEntry& e) {
        auto o = parse_object(e.after);
        if (e.action == "user.add" && o) {
            users[e.entity_key] = {text_of(o, "role"), "", text_of(o, "full_name"), false, text_of(o, "credential")};
        } else if (e.action == "user.password" && o) {
            users[e.entity_key].credential = text_of(o, "credential");
        } else if (e.action == "user.disable" || e.action == "user.enable") {
            users[e.entity_key].disabled = e.action == "user.disable";
        } else if (e.action == "user.duty" && o) {
            users[e.entity_key].duty = text_of(o, "duty");
        }
    }
};

using Fields = std::map<std::string, std::pair<std::string, std::string>>;

// The fields two records disagree on, each as JSON, so that a reader need not compare two long
// texts: the papers' types as a set, the money a transaction moved left out. With
// `log_keys_only`, only the fields the log's record has (one from an earlier release lacks those
// added since), as the check judges; without it, every field, as the reader is shown.
Fields differing_fields(const Object& log, const Object& table, bool log_keys_only) {
    Fields fields;
    std::set<std::string> keys;
    for (const auto& k : log->getNames()) keys.insert(k);
    if (!log_keys_only)
        for (const auto& k : table->getNames()) keys.insert(k);
    keys.erase("balances");
    for (const auto& k : keys) {
        auto side = [&](const Object& o) { return o->has(k) ? stringify(o->get(k)) : std::string("null"); };
        if (k == "documents" && log->has(k) && table->has(k) && text_set(log, k) == text_set(table, k)) continue;
        if (side(log) != side(table)) fields[k] = {side(log), side(table)};
    }
    return fields;
}

Fields differing_fields(const std::string& log, const std::string& table) {
    auto a = parse_object(log), b = parse_object(table);
    return a && b ? differing_fields(a, b, false) : Fields{};
}

class Comparison {
public:
    explicit Comparison(StateCheck& check) : check_(check) {}
    void differs(const std::string& table, const std::string& key, const std::string& log, const std::string& value) {
        if (check_.differences.size() >= kMaxDifferences) {
            ++check_.more_differences;
            return;
        }
        check_.differences.push_back({table, key, log, value, differing_fields(log, value)});
    }
    void compared() { ++check_.rows; }

private:
    StateCheck& check_;
};

// The log's record of a row with what papers or a reorder changed since, against the table's:
// equal texts are the same; otherwise each field the log's record has must match (a record
// written by an earlier release lacks the fields added since).
std::optional<std::string> record_differs(const std::string& log, const std::string& table,
                                          const std::optional<std::set<std::string>>& documents,
                                          std::optional<long long> order) {
    if (!documents && !order && log == table) return std::nullopt;
    auto expected = parse_object(log);
    auto actual = parse_object(table);
    if (!expected || !actual) return log;
    if (documents) {
        Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
        for (const auto& d : *documents) list->add(d);
        expected->set("documents", list);
    }
    if (order) expected->set("order", *order);
    if (differing_fields(expected, actual, /*log_keys_only=*/true).empty()) return std::nullopt;
    expected->remove("balances");
    return stringify(expected);
}

void compare_cases(Workspace& ws, Replay& replay, Comparison& out) {
    stores(ws).cases.for_each([&](const core::Case& c) {
        out.compared();
        auto record = audit_record(c);
        auto logged = replay.cases.find(c.number);
        if (logged == replay.cases.end() || logged->second.record.empty()) {
            if (c.id > replay.cases_before) out.differs("cases", c.number, "", record);
        } else if (auto log = record_differs(logged->second.record, record, logged->second.documents, std::nullopt)) {
            out.differs("cases", c.number, *log, record);
        }
        if (logged != replay.cases.end()) replay.cases.erase(logged);
    });
    for (const auto& [number, state] : replay.cases)
        if (!state.record.empty()) out.differs("cases", number, state.record, "");
}

// Each paper as attached (its type, file, size and SHA-256: a swapped scan changes the hash its
// entry sealed), under its case, captured and removed by whom the log says; none deleted. The
// content itself is checked against its SHA-256 whenever it is read (document get, the viewer):
// here only its length, which costs no read of it.
void compare_documents(Workspace& ws, Replay& replay, Comparison& out) {
    auto state = [](const std::string& number, const std::string& record, const std::string& by, const std::string& removed_by) {
        return "{\"case\":\"" + number + "\",\"paper\":" + (record.empty() ? "null" : record) + ",\"captured_by\":\"" + by +
               "\",\"removed_by\":" + (removed_by.empty() ? "null" : "\"" + removed_by + "\"") + "}";
    };
    stores(ws).documents.for_each([&](const std::string& number, const core::StoredDocument& d, long long stored) {
        out.compared();
        const auto key = std::to_string(d.id);
        const bool whole = stored == (d.size_bytes + 2) / 3 * 4;  // base64 of size_bytes
        const auto table = state(number, paper_record(d), d.captured_by, d.removed_by.value_or("")) +
                           (whole ? "" : " content of " + std::to_string(stored) + " base64 characters");
        auto logged = replay.papers.find(key);
        if (logged == replay.papers.end() || logged->second.record.empty()) {
            if (d.case_id > replay.cases_before || !whole) out.differs("documents", key, "", table);
        } else {
            const auto& l = logged->second;
            const auto log = state(l.case_number, l.record, l.captured_by, l.removed_by);
            if (log != table) out.differs("documents", key, log, table);
        }
        if (logged != replay.papers.end()) replay.papers.erase(logged);
    });
    for (const auto& [id, paper] : replay.papers)
        if (!paper.record.empty())
            out.differs("documents", id, state(paper.case_number, paper.record, paper.captured_by, paper.removed_by), "");
}

// What each online case's channel was told (its events feed) against the case's entries: an event
// written, changed or deleted behind the log would tell an applicant what never happened.
void compare_case_events(Workspace& ws, Replay& replay, Comparison& out) {
    std::map<std::string, std::string> told;
    stores(ws).intake.for_each_event([&](const core::CaseEvent& e) {
        out.compared();
        told[e.case_no] += e.action + ":" + e.state + ";";
    });
    for (const auto& [number, log] : replay.events) {
        auto table = told.find(number);
        const std::string in_table = table == told.end() ? "" : table->second;
        if (in_table != log) out.differs("case_events", number, log, in_table);
        if (table != told.end()) told.erase(table);
    }
    for (const auto& [number, table] : told) out.differs("case_events", number, "", table);
}

void compare_bindings(Workspace& ws, Replay& replay, Comparison& out) {
    stores(ws).bindings.for_each([&](const core::Binding& b) {
        out.compared();
        auto record = audit_record(b);
        auto logged = replay.bindings.find(std::to_string(b.id));
        if (logged == replay.bindings.end() || logged->second.record.empty()) {
            if (b.id > replay.bindings_before) out.differs("bindings", std::to_string(b.id), "", record);
        } else if (auto log = record_differs(logged->second.record, record, std::nullopt, logged->second.order)) {
            out.differs("bindings", std::to_string(b.id), *log, record);
        }
        if (logged != replay.bindings.end()) replay.bindings.erase(logged);
    });
    for (const auto& [id, state] : replay.bindings)
        if (!state.record.empty()) out.differs("bindings", id, state.record, "");
}

void compare_users(Workspace& ws, Replay& replay, Comparison& out) {
    for (const auto& u : stores(ws).users.list()) {
        out.compared();
        const auto fingerprint = credential_fingerprint({u.password_salt, u.password_hash, u.iterations});
        auto logged = replay.users.find(u.username);
        if (logged == replay.users.end()) {  // neither in the baseline nor added since
            out.differs("users", u.username, "",
                        user_record(core::role_name(u.role), u.disabled, core::duty_name(u.duty), u.full_name, fingerprint));
            continue;
        }
        const auto& l = logged->second;
        auto record = user_record(core::role_name(u.role), u.disabled, core::duty_name(u.duty), u.full_name,
                                  l.credential.empty() ? "" : fingerprint);
        auto log = user_record(l.role, l.disabled, l.duty, l.full_name, l.credential);
        if (log != record) out.differs("users", u.username, log, record);
        replay.users.erase(logged);
    }
    for (const auto& [name, u] : replay.users)
        out.differs("users", name, user_record(u.role, u.disabled, u.duty, u.full_name, u.credential), "");
}

void compare_named(const char* table, const std::map<std::string, std::string>& rows, std::map<std::string, std::string> log,
                   bool checked_from_start, Comparison& out) {
    for (const auto& [name, value] : rows) {
        out.compared();
        auto logged = log.find(name);
        if (logged == log.end()) {
            if (checked_from_start) out.differs(table, name, "", value);
            continue;
        }
        if (logged->second != value) out.differs(table, name, logged->second, value);
        log.erase(logged);
    }
    for (const auto& [name, value] : log) out.differs(table, name, value, "");
}

std::string code_tables_record(Workspace& ws) {
    return "{\"sha256\":\"" + sha256_hex(stores(ws).codes.rows_text()) + "\"}";
}

// The code tables as `gongji init` last loaded them (a database from before that was sealed is
// not asked).
void compare_code_tables(Workspace& ws, const Replay& replay, Comparison& out) {
    if (replay.code_tables.empty()) return;
    out.compared();
    if (auto now = code_tables_record(ws); now != replay.code_tables) out.differs("code_tables", "*", replay.code_tables, now);
}

// A profile's title as its document gives it: the list and the papers show the column.
void compare_policy_titles(const std::vector<storage::StoredPolicy>& profiles, Comparison& out) {
    for (const auto& p : profiles) {
        auto document = parse_object(p.document);
        const auto title = text_of(document, "title");
        if (document && title != p.title)
            out.differs("policy_profiles", p.name, "{\"title\":" + stringify(Poco::Dynamic::Var(title)) + "}",
                        "{\"title\":" + stringify(Poco::Dynamic::Var(p.title)) + "}");
    }
}

void compare_money(Workspace& ws, const Replay& replay, Comparison& out) {
    auto tables = storage::money_state(database(ws));
    std::set<std::string> names;
    for (const auto& [table, digest] : tables) names.insert(table);
    for (const auto& [table, digest] : replay.money) names.insert(table);
    for (const auto& table : names) {
        out.compared();
        auto logged = replay.money.count(table) ? replay.money.at(table) : core::StateDigest{};
        auto actual = tables.count(table) ? tables.at(table) : core::StateDigest{};
        if (logged != actual) out.differs(table, "*", logged.hex(), actual.hex());
        if (logged != actual && table == "persons")  // name the accounts the ledger can tell
            for (const auto& b : storage::balances_unlike_ledger(database(ws)))
                out.differs("persons", b.id_number, "{\"balance_fen\":" + std::to_string(b.ledger_balance_fen) + "}",
                            "{\"balance_fen\":" + std::to_string(b.balance_fen) + "}");
    }
}

// The ratings citizens gave are only added, and their follow-ups only recorded: a grade raised or a
// follow-up dropped behind the log is found here.
void compare_ratings(Workspace& ws, Replay& replay, Comparison& out) {
    for (const auto& [r, f] : stores(ws).ratings.rated_between("", "~", false)) {
        out.compared();
        const auto key = r.case_number + "/" + std::to_string(r.round);
        auto logged = replay.ratings.find(key);
        const auto record = audit_record(r, f);
        if (logged == replay.ratings.end()) {
            out.differs("ratings", key, "", record);
        } else {
            if (logged->second != record) out.differs("ratings", key, logged->second, record);
            replay.ratings.erase(logged);
        }
        if (!f) continue;
        auto steps = replay.follow_ups.find(key);  // none logged: as it opened, no step taken
        const auto log = steps == replay.follow_ups.end() ? audit_record(core::FollowUp{}) : steps->second;
        if (log != audit_record(*f)) out.differs("rating_follow_ups", key, log, audit_record(*f));
    }
    for (const auto& [key, record] : replay.ratings) out.differs("ratings", key, record, "");
}

const char* const kStateEntries =
    "entity IN ('case', 'binding', 'person', 'user', 'settings', 'policy', 'codes', 'rating') OR action = 'state.baseline' "
    "OR after_state LIKE '{\"balances\":%'";

}  // namespace

StateCheck check_state(Workspace& ws) {
    Replay replay;
    stores(ws).audit.for_each_in_written_order(kStateEntries,
                                                                      [&](const core::AuditEntry& e) { replay.apply(e); });
    StateCheck check;
    check.entries = replay.entries;
    Comparison out(check);
    compare_cases(ws, replay, out);
    compare_documents(ws, replay, out);
    compare_case_events(ws, replay, out);
    compare_bindings(ws, replay, out);
    compare_users(ws, replay, out);
    compare_named("settings", stores(ws).settings.all(), replay.settings, replay.has_baseline, out);
    const auto profiles = stores(ws).policies.list();
    std::map<std::string, std::string> policies;
    for (const auto& p : profiles) policies[p.name] = sha256_hex(p.document);
    compare_named("policy_profiles", policies, replay.policies, replay.has_baseline, out);
    compare_policy_titles(profiles, out);
    compare_code_tables(ws, replay, out);
    compare_money(ws, replay, out);
    compare_ratings(ws, replay, out);
    return check;
}

std::string state_summary(const StateCheck& check) {
    if (check.differences.empty()) return "all " + std::to_string(check.rows) + " rows compared match the audit log";
    std::map<std::string, int> by_table;
    for (const auto& d : check.differences) ++by_table[d.table];
    std::string out = std::to_string(static_cast<long long>(check.differences.size()) + check.more_differences) +
                      " rows differ from the audit log:";
    const char* separator = " ";
    for (const auto& [table, n] : by_table) {
        out += separator + table + " " + std::to_string(n);
        separator = ", ";
    }
    if (check.more_differences) out += " (and " + std::to_string(check.more_differences) + " not listed)";
    return out;
}

std::optional<StateCheck> check_state_if_cheap(Workspace& ws) {
    if (storage::state_rows(database(ws)) > kCheapCheckRows) return std::nullopt;
    return check_state(ws);
}

void record_code_tables(Workspace& ws) {
    audit(ws, {"system", workstation_name()}, "codes.load", "codes", "regions,relations", "", code_tables_record(ws));
}

void record_state_baseline(Workspace& ws) {
    storage::Transaction tx(database(ws));
    core::JsonWriter w(false);
    w.begin_object().key("settings").begin_object();
    for (const auto& [name, value] : stores(ws).settings.all()) w.key(name).value(value);
    w.end_object().key("users").begin_object();
    for (const auto& u : stores(ws).users.list()) {
        w.key(u.username).begin_object().key("role").value(core::role_name(u.role)).key("disabled").value(u.disabled);
        w.key("duty").value(core::duty_name(u.duty)).key("full_name").value(u.full_name);
        w.key("credential").value(credential_fingerprint({u.password_salt, u.password_hash, u.iterations})).end_object();
    }
    w.end_object().key("policies").begin_object();
    for (const auto& p : stores(ws).policies.list()) w.key(p.name).value(sha256_hex(p.document));
    w.end_object().key("money").begin_object();
    for (const auto& [table, digest] : storage::money_state(database(ws))) w.key(table).value(digest.hex());
    w.end_object();
    long long cases = 0, bindings = 0;
    stores(ws).cases.for_each([&](const core::Case& c) { cases = std::max(cases, c.id); });
    stores(ws).bindings.for_each([&](const core::Binding& b) { bindings = std::max(bindings, b.id); });
    w.key("cases_up_to").value(cases).key("bindings_up_to").value(bindings).end_object();
    audit(ws, {"system", workstation_name()}, "state.baseline", "database", "state", "", w.str());
    tx.commit();
}

}  // namespace gongji::app
