#include "storage/case_repository.h"

#include <soci/soci.h>

#include "core/json_writer.h"

#include "storage/row_values.h"

namespace gongji::storage {
namespace {

const char* kColumns =
    "id, number, kind, status, policy, authorizer_id, user_id, relation, application_date, documents, "
    "binding_id, detail, cites_case, reason, note, created_by, workstation, created_at, submitted_at, "
    "decided_by, decided_at";

const char* text_of(core::CaseKind k) { return core::case_kind_name(k); }
const char* text_of(core::CaseStatus s) { return core::case_status_name(s); }

template <class T>
T parsed(std::optional<T> v, const std::string& text) {
    if (!v) throw soci::soci_error("cases: unknown value \"" + text + "\"");
    return *v;
}

core::CaseKind kind_of(const std::string& t) { return parsed(core::parse_case_kind(t), t); }
core::CaseStatus status_of(const std::string& t) { return parsed(core::parse_case_status(t), t); }

CaseRecord from_row(const soci::row& r) {
    CaseRecord c;
    c.id = row_integer(r, 0);
    c.number = r.get<std::string>(1);
    c.kind = kind_of(r.get<std::string>(2));
    c.status = status_of(r.get<std::string>(3));
    c.policy = row_optional_text(r, 4);
    c.authorizer_id = row_optional_text(r, 5);
    c.user_id = r.get<std::string>(6);
    c.relation = row_optional_text(r, 7);
    c.application_date = *core::CivilDate::parse(r.get<std::string>(8));
    c.documents = core::split_document_types(r.get<std::string>(9));
    if (r.get_indicator(10) != soci::i_null) c.binding_id = row_integer(r, 10);
    c.detail = r.get<std::string>(11);
    c.cites_case = row_optional_text(r, 12);
    c.reason = row_optional_text(r, 13);
    c.note = row_optional_text(r, 14);
    c.created_by = r.get<std::string>(15);
    c.workstation = r.get<std::string>(16);
    c.created_at = row_instant(r, 17);
    c.submitted_at = row_optional_instant(r, 18);
    c.decided_by = row_optional_text(r, 19);
    c.decided_at = row_optional_instant(r, 20);
    return c;
}

}  // namespace

long long CaseRepository::next_sequence(const std::string& day) {
    long long last = 0;
    db_.sql() << "INSERT INTO case_counters (day, last) VALUES (:d, 1) "
                 "ON CONFLICT (day) DO UPDATE SET last = case_counters.last + 1 RETURNING last",
        soci::use(day), soci::into(last);
    return last;
}

long long CaseRepository::insert(const CaseRecord& c) {
    OptionalText policy(c.policy), authorizer(c.authorizer_id), relation(c.relation), cites(c.cites_case),
        reason(c.reason), note(c.note), submitted(c.submitted_at), decided_by(c.decided_by), decided_at(c.decided_at),
        request_key(c.request_key);
    std::string kind = text_of(c.kind), status = text_of(c.status), date = c.application_date.to_string(),
                documents = core::join_document_types(c.documents), created_at = c.created_at.utc();
    long long binding = c.binding_id.value_or(0);
    soci::indicator binding_ind = c.binding_id ? soci::i_ok : soci::i_null;
    long long id = 0;
    db_.sql() << "INSERT INTO cases (number, kind, status, policy, authorizer_id, user_id, relation, application_date, "
                 "documents, binding_id, detail, cites_case, reason, note, created_by, workstation, created_at, "
                 "submitted_at, decided_by, decided_at, request_key) VALUES (:number, :kind, :status, :policy, "
                 ":authorizer, :user, :relation, :date, :documents, :binding, :detail, :cites, :reason, :note, "
                 ":created_by, :workstation, :created_at, :submitted_at, :decided_by, :decided_at, :request_key) "
                 "RETURNING id",
        soci::use(c.number), soci::use(kind), soci::use(status), soci::use(policy.value, policy.ind),
        soci::use(authorizer.value, authorizer.ind), soci::use(c.user_id), soci::use(relation.value, relation.ind),
        soci::use(date), soci::use(documents), soci::use(binding, binding_ind), soci::use(c.detail),
        soci::use(cites.value, cites.ind), soci::use(reason.value, reason.ind), soci::use(note.value, note.ind),
        soci::use(c.created_by), soci::use(c.workstation), soci::use(created_at),
        soci::use(submitted.value, submitted.ind), soci::use(decided_by.value, decided_by.ind),
        soci::use(decided_at.value, decided_at.ind), soci::use(request_key.value, request_key.ind), soci::into(id);
    return id;
}

std::optional<CaseRecord> CaseRepository::find(const std::string& number, bool for_update) {
    std::string sql = std::string("SELECT ") + kColumns + " FROM cases WHERE number = :n";
    // Locked, so two supervisors decide it one after the other.
    if (for_update) sql += db_.dialect().lock_rows();
    std::optional<CaseRecord> found;
    for_each_row(db_.sql(), sql, [&](const soci::row& r) { found = from_row(r); }, number);
    return found;
}

std::optional<std::string> CaseRepository::number_of_request(const std::string& key) {
    std::optional<std::string> number;
    for_each_row(db_.sql(), "SELECT number FROM cases WHERE request_key = :k",
                 [&](const soci::row& r) { number = r.get<std::string>(0); }, key);
    return number;
}

void CaseRepository::lock_people_of(const std::string& number) {
    const std::string lock = db_.dialect().lock_rows();
    if (lock.empty()) return;
    for_each_row(db_.sql(),
                 "SELECT id_number FROM persons WHERE id_number IN (SELECT user_id FROM cases WHERE number = :n1 UNION "
                 "SELECT authorizer_id FROM cases WHERE number = :n2) ORDER BY id_number" + lock,
                 [](const soci::row&) {}, number, number);
}

std::string CaseRepository::number_of(long long case_id) {
    std::string number;
    db_.sql() << "SELECT number FROM cases WHERE id = :i", soci::use(case_id), soci::into(number);
    return number;
}

void CaseRepository::select(const CaseFilter& f, const char* columns, const char* tables,
                            const std::function<void(const soci::row&)>& each) {
    std::string sql = std::string("SELECT ") + columns + " FROM " + tables + " WHERE 1 = 1";
    std::string status = f.status ? text_of(*f.status) : "", person = f.person.value_or(""),
                number = f.number.value_or(""), from = f.created_from ? f.created_from->utc() : "",
                before = f.created_before ? f.created_before->utc() : "", by = f.created_by.value_or(""),
                window = f.workstation.value_or("");
    if (f.status) sql += " AND cases.status = :status";
    if (f.person) sql += " AND (cases.authorizer_id = :person OR cases.user_id = :person2)";
    if (f.number) {  // a part of the number is enough: the clerk types what they can read
        sql += " AND cases.number LIKE :number ESCAPE '!'";
        std::string pattern = "%";
        for (char c : number) {
            if (c == '%' || c == '_' || c == '!') pattern += '!';
            pattern += c;
        }
        number = pattern + "%";
    }
    if (f.created_from) sql += " AND cases.created_at >= :from";
    if (f.created_before) sql += " AND cases.created_at < :before";
    if (f.created_by) sql += " AND cases.created_by = :by";
    if (f.workstation) sql += " AND cases.workstation = :window";
    // The review queue is worked oldest first.
    sql += " ORDER BY COALESCE(cases.submitted_at, cases.created_at), cases.id LIMIT " + std::to_string(f.limit);
    soci::statement st(db_.sql());
    soci::row r;
    st.exchange(soci::into(r));
    if (f.status) st.exchange(soci::use(status));
    if (f.person) {
        st.exchange(soci::use(person));
        st.exchange(soci::use(person));
    }
    if (f.number) st.exchange(soci::use(number));
    if (f.created_from) st.exchange(soci::use(from));
    if (f.created_before) st.exchange(soci::use(before));
    if (f.created_by) st.exchange(soci::use(by));
    if (f.workstation) st.exchange(soci::use(window));
    st.alloc();
    st.prepare(sql, soci::details::st_one_time_query);  // one round trip (see for_each_row)
    st.define_and_bind();
    st.execute();
    while (st.fetch()) each(r);
}

void CaseRepository::for_each(const std::function<void(const CaseRecord&)>& each) {
    for_each_row(db_.sql(), std::string("SELECT ") + kColumns + " FROM cases", [&](const soci::row& r) { each(from_row(r)); });
}

std::vector<CaseRecord> CaseRepository::list(const CaseFilter& f) {
    std::vector<CaseRecord> out;
    select(f, kColumns, "cases", [&](const soci::row& r) { out.push_back(from_row(r)); });
    return out;
}

std::vector<CaseSummary> CaseRepository::summaries(const CaseFilter& f) {
    std::vector<CaseSummary> out;
    select(f,
           "cases.number, cases.kind, cases.status, cases.user_id, COALESCE(persons.name, ''), cases.created_by, "
           "COALESCE(cases.submitted_at, cases.created_at)",
           "cases LEFT JOIN persons ON persons.id_number = cases.user_id", [&](const soci::row& r) {
               out.push_back({r.get<std::string>(0), kind_of(r.get<std::string>(1)), status_of(r.get<std::string>(2)),
                              r.get<std::string>(3), r.get<std::string>(4), r.get<std::string>(5), row_instant(r, 6),
                              std::nullopt, 0, false});  // the time limit: the application layer's
           });
    return out;
}

std::map<std::pair<std::string, std::string>, std::vector<std::pair<std::string, std::string>>>
CaseRepository::numbers_for_users(const std::vector<std::string>& users) {
    std::map<std::pair<std::string, std::string>, std::vector<std::pair<std::string, std::string>>> out;
    constexpr std::size_t kKeysPerQuery = 20000;
    for (std::size_t from = 0; from < users.size(); from += kKeysPerQuery) {
        core::JsonWriter keys;
        keys.begin_array();
        for (auto i = from; i < std::min(users.size(), from + kKeysPerQuery); ++i) keys.value(users[i]);
        keys.end_array();
        for_each_row(db_.sql(),
                     "SELECT authorizer_id, user_id, number, created_at FROM cases WHERE authorizer_id IS NOT NULL AND " +
                         db_.dialect().keys_in("user_id", ":keys") + " ORDER BY created_at, number",
                     [&](const soci::row& r) {
                         out[{r.get<std::string>(0), r.get<std::string>(1)}].emplace_back(r.get<std::string>(2),
                                                                                          r.get<std::string>(3));
                     },
                     keys.str());
    }
    return out;
}

bool CaseRepository::update_status(const CaseRecord& c, core::CaseStatus from_status) {
    std::string status = text_of(c.status), from = text_of(from_status);
    OptionalText reason(c.reason), note(c.note), submitted(c.submitted_at), decided_by(c.decided_by),
        decided_at(c.decided_at);
    soci::statement st(db_.sql());
    st.exchange(soci::use(status));
    st.exchange(soci::use(reason.value, reason.ind));
    st.exchange(soci::use(note.value, note.ind));
    st.exchange(soci::use(submitted.value, submitted.ind));
    st.exchange(soci::use(decided_by.value, decided_by.ind));
    st.exchange(soci::use(decided_at.value, decided_at.ind));
    st.exchange(soci::use(c.id));
    st.exchange(soci::use(from));
    st.alloc();
    st.prepare("UPDATE cases SET status = :status, reason = :reason, note = :note, submitted_at = :submitted, "
               "decided_by = :by, decided_at = :at WHERE id = :id AND status = :from",
               soci::details::st_one_time_query);  // one round trip
    st.define_and_bind();
    st.execute(true);
    return st.get_affected_rows() == 1;
}

void CaseRepository::set_binding(long long case_id, std::optional<long long> binding_id) {
    long long id = binding_id.value_or(0);
    soci::indicator ind = binding_id ? soci::i_ok : soci::i_null;
    db_.sql() << "UPDATE cases SET binding_id = :b WHERE id = :id", soci::use(id, ind), soci::use(case_id);
}

void CaseRepository::set_documents(long long case_id, const std::set<core::DocumentType>& types) {
    std::string documents = core::join_document_types(types);
    db_.sql() << "UPDATE cases SET documents = :d WHERE id = :id", soci::use(documents), soci::use(case_id);
}

}  // namespace gongji::storage
