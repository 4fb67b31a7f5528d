#include "storage/case_repository.h"

#include <soci/soci.h>

#include <sstream>

#include "core/json_writer.h"

#include "storage/row_values.h"

namespace gongji::storage {
namespace {

// Where a case came from and where it stands as a service (domain.md §9), read and written alike.
#define SERVICE_COLUMNS                                                                                    \
    "channel, via, apply_no, item_code, correction_missing, correction_note, correction_due, "           \
    "correction_asked_at, correction_from, correction_answered_at, delivered_at, delivered_how, promised_days"
constexpr int kServiceColumns = 13;

const char* kColumns =
    "id, number, kind, status, policy, authorizer_id, user_id, relation, application_date, documents, "
    "binding_id, detail, cites_case, reason, note, created_by, workstation, created_at, submitted_at, "
    "decided_by, decided_at, " SERVICE_COLUMNS ", request_key";

const char* text_of(core::CaseKind k) { return core::case_kind_name(k); }
const char* text_of(core::CaseStatus s) { return core::case_status_name(s); }

template <class T>
T parsed(std::optional<T> v, const std::string& text) {
    if (!v) throw soci::soci_error("cases: unknown value \"" + text + "\"");
    return *v;
}

core::CaseKind kind_of(const std::string& t) { return parsed(core::parse_case_kind(t), t); }
core::CaseStatus status_of(const std::string& t) { return parsed(core::parse_case_status(t), t); }

// The service columns' values, bound in SERVICE_COLUMNS' order (NULL where not set).
struct ServiceValues {
    std::vector<OptionalText> values;
    explicit ServiceValues(const CaseRecord& c) {
        auto text = [&](std::optional<std::string> v) { values.emplace_back(v); };
        const auto& k = c.correction;
        text(std::string(core::kChannels.code(c.channel)));
        text(c.via ? std::optional<std::string>(core::kVias.code(*c.via)) : std::nullopt);
        text(c.apply_no);
        text(c.item_code);
        text(k ? std::optional(core::join_document_types(k->missing)) : std::nullopt);
        text(k ? std::optional(k->note) : std::nullopt);
        text(k ? std::optional(k->due.to_string()) : std::nullopt);
        text(k ? std::optional(k->asked_at.utc()) : std::nullopt);
        text(k ? std::optional<std::string>(core::case_status_name(k->asked_from)) : std::nullopt);
        values.emplace_back(k ? k->answered_at : std::nullopt);
        values.emplace_back(c.delivered_at);
        text(c.delivered_how);
        text(c.promised_days ? std::optional(std::to_string(*c.promised_days)) : std::nullopt);  // a number, as text
    }
    void bind(soci::statement& st) {
        for (auto& v : values) st.exchange(soci::use(v.value, v.ind));
    }
};

void read_service(const soci::row& r, std::size_t at, CaseRecord& c) {
    c.channel = parsed(core::kChannels.parse(r.get<std::string>(at)), r.get<std::string>(at));
    if (auto via = row_optional_text(r, at + 1)) c.via = parsed(core::kVias.parse(*via), *via);
    c.apply_no = row_optional_text(r, at + 2);
    c.item_code = row_optional_text(r, at + 3);
    if (auto due = row_optional_text(r, at + 6)) {
        core::Correction k;
        k.missing = core::split_document_types(row_optional_text(r, at + 4).value_or(""));
        k.note = row_optional_text(r, at + 5).value_or("");
        k.due = parsed(core::CivilDate::parse(*due), *due);
        k.asked_at = row_instant(r, at + 7);
        k.asked_from = status_of(r.get<std::string>(at + 8));
        k.answered_at = row_optional_instant(r, at + 9);
        c.correction = k;
    }
    c.delivered_at = row_optional_instant(r, at + 10);
    c.delivered_how = row_optional_text(r, at + 11);
    if (r.get_indicator(at + 12) != soci::i_null) c.promised_days = static_cast<int>(row_integer(r, at + 12));
}

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
    read_service(r, 21, c);
    c.request_key = row_optional_text(r, 21 + kServiceColumns);
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
    ServiceValues service(c);
    long long id = 0;
    soci::statement st(db_.sql());
    st.exchange(soci::into(id));
    st.exchange(soci::use(c.number));
    st.exchange(soci::use(kind));
    st.exchange(soci::use(status));
    st.exchange(soci::use(policy.value, policy.ind));
    st.exchange(soci::use(authorizer.value, authorizer.ind));
    st.exchange(soci::use(c.user_id));
    st.exchange(soci::use(relation.value, relation.ind));
    st.exchange(soci::use(date));
    st.exchange(soci::use(documents));
    st.exchange(soci::use(binding, binding_ind));
    st.exchange(soci::use(c.detail));
    for (auto* text : {&cites, &reason, &note}) st.exchange(soci::use(text->value, text->ind));
    st.exchange(soci::use(c.created_by));
    st.exchange(soci::use(c.workstation));
    st.exchange(soci::use(created_at));
    for (auto* text : {&submitted, &decided_by, &decided_at, &request_key}) st.exchange(soci::use(text->value, text->ind));
    service.bind(st);
    std::string marks;
    for (int i = 0; i < 21 + kServiceColumns; ++i) marks += (i ? ", :v" : ":v") + std::to_string(i);
    st.alloc();
    st.prepare("INSERT INTO cases (number, kind, status, policy, authorizer_id, user_id, relation, application_date, "
               "documents, binding_id, detail, cites_case, reason, note, created_by, workstation, created_at, "
               "submitted_at, decided_by, decided_at, request_key, " SERVICE_COLUMNS ") VALUES (" + marks +
                   ") RETURNING id",
               soci::details::st_one_time_query);  // one round trip
    st.define_and_bind();
    st.execute(true);
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
                window = f.workstation.value_or(""), channel = f.channel ? core::kChannels.code(*f.channel) : "";
    if (f.status) sql += " AND cases.status = :status";
    if (f.person) sql += " AND (cases.authorizer_id = :person OR cases.user_id = :person2)";
    if (f.number) {  // a part of the number is enough: the clerk types what they can read
        sql += " AND (cases.number LIKE :number ESCAPE '!' OR cases.apply_no LIKE :number2 ESCAPE '!')";
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
    if (f.channel) sql += " AND cases.channel = :channel";
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
    if (f.number) {
        st.exchange(soci::use(number));
        st.exchange(soci::use(number));
    }
    if (f.created_from) st.exchange(soci::use(from));
    if (f.created_before) st.exchange(soci::use(before));
    if (f.created_by) st.exchange(soci::use(by));
    if (f.workstation) st.exchange(soci::use(window));
    if (f.channel) st.exchange(soci::use(channel));
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
           "COALESCE(cases.submitted_at, cases.created_at), cases.channel, cases.correction_due, "
           "cases.correction_asked_at, cases.correction_answered_at, COALESCE(cases.apply_no, ''), cases.promised_days",
           "cases LEFT JOIN persons ON persons.id_number = cases.user_id", [&](const soci::row& r) {
               CaseSummary c;
               c.number = r.get<std::string>(0);
               c.kind = kind_of(r.get<std::string>(1));
               c.status = status_of(r.get<std::string>(2));
               c.user_id = r.get<std::string>(3);
               c.user_name = r.get<std::string>(4);
               c.created_by = r.get<std::string>(5);
               c.waiting_since = row_instant(r, 6);  // the time limit: the application layer's
               c.channel = parsed(core::kChannels.parse(r.get<std::string>(7)), r.get<std::string>(7));
               if (auto due = row_optional_text(r, 8)) c.correction_due = core::CivilDate::parse(*due);
               c.correction_asked_at = row_optional_instant(r, 9);
               c.correction_answered_at = row_optional_instant(r, 10);
               c.apply_no = r.get<std::string>(11);
               if (r.get_indicator(12) != soci::i_null) c.promised_days = static_cast<int>(row_integer(r, 12));
               out.push_back(std::move(c));
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
    ServiceValues service(c);
    soci::statement st(db_.sql());
    st.exchange(soci::use(status));
    st.exchange(soci::use(reason.value, reason.ind));
    st.exchange(soci::use(note.value, note.ind));
    st.exchange(soci::use(submitted.value, submitted.ind));
    st.exchange(soci::use(decided_by.value, decided_by.ind));
    st.exchange(soci::use(decided_at.value, decided_at.ind));
    service.bind(st);
    st.exchange(soci::use(c.id));
    st.exchange(soci::use(from));
    // Every service column is set again from the record: each is a state change's.
    std::string sets;
    std::istringstream columns(SERVICE_COLUMNS);
    int i = 0;
    for (std::string column; std::getline(columns, column, ',');)
        sets += ", " + column.substr(column.find_first_not_of(' ')) + " = :s" + std::to_string(i++);
    st.alloc();
    st.prepare("UPDATE cases SET status = :status, reason = :reason, note = :note, submitted_at = :submitted, "
               "decided_by = :by, decided_at = :at" + sets + " WHERE id = :id AND status = :from",
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

std::vector<std::string> CaseRepository::corrections_due_before(const core::CivilDate& today) {
    std::vector<std::string> out;
    for_each_row(db_.sql(),
                 "SELECT number FROM cases WHERE status = 'correction' AND correction_due < :t ORDER BY correction_due, id",
                 [&](const soci::row& r) { out.push_back(r.get<std::string>(0)); }, today.to_string());
    return out;
}

std::optional<std::string> CaseRepository::number_of_application(core::Via via, const std::string& apply_no) {
    std::optional<std::string> number;
    const std::string channel = core::kVias.code(via);
    for_each_row(db_.sql(), "SELECT number FROM cases WHERE via = :v AND apply_no = :a",
                 [&](const soci::row& r) { number = r.get<std::string>(0); }, channel, apply_no);
    return number;
}

std::vector<std::string> CaseRepository::numbers_of_service(const std::string& apply_no) {
    std::vector<std::string> numbers;
    for_each_row(db_.sql(), "SELECT number FROM cases WHERE (number = :n AND channel = 'window') OR apply_no = :a LIMIT 2",
                 [&](const soci::row& r) { numbers.push_back(r.get<std::string>(0)); }, apply_no, apply_no);
    return numbers;
}

}  // namespace gongji::storage
