#include "storage/stats_repository.h"

#include <soci/soci.h>

#include "storage/row_values.h"

namespace gongji::storage {

std::vector<StatsRepository::CaseCount> StatsRepository::cases_submitted(const std::string& from, const std::string& to) {
    std::vector<CaseCount> out;
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT kind, status, workstation, created_by, COUNT(*) FROM cases "
                              "WHERE submitted_at >= :f AND submitted_at < :t GROUP BY kind, status, workstation, created_by",
         soci::use(from), soci::use(to));
    for (const auto& r : rows)
        out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3),
                       row_integer(r, 4)});
    return out;
}

std::vector<StatsRepository::Decision> StatsRepository::decisions(const std::string& from, const std::string& to) {
    std::vector<Decision> out;
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT submitted_at, decided_at, correction_asked_at, correction_answered_at, promised_days FROM cases "
                              "WHERE decided_at >= :f AND decided_at < :t "
                              "AND submitted_at IS NOT NULL AND (status = 'approved' OR status = 'rejected')",
         soci::use(from), soci::use(to));
    for (const auto& r : rows)
        out.push_back({r.get<std::string>(0), r.get<std::string>(1), row_optional_text(r, 2), row_optional_text(r, 3),
                       r.get_indicator(4) == soci::i_null ? std::nullopt : std::optional(static_cast<int>(row_integer(r, 4)))});
    return out;
}

namespace {

std::vector<StatsRepository::BindingCount> bindings_by(Database& db, const char* column, const std::string& from,
                                                       const std::string& to) {
    std::vector<StatsRepository::BindingCount> out;
    soci::rowset<soci::row> rows =
        (db.sql().prepare << std::string("SELECT b.relation, COALESCE(p.pooling_region, ''), COUNT(*) FROM bindings b "
                                         "LEFT JOIN persons p ON p.id_number = b.authorizer_id WHERE b.") +
                                 column + " >= :f AND b." + column + " < :t GROUP BY b.relation, p.pooling_region",
         soci::use(from), soci::use(to));
    for (const auto& r : rows) out.push_back({r.get<std::string>(0), r.get<std::string>(1), row_integer(r, 2)});
    return out;
}

}  // namespace

std::vector<StatsRepository::BindingCount> StatsRepository::bindings_made(const std::string& from, const std::string& to) {
    return bindings_by(db_, "since", from, to);
}

std::vector<StatsRepository::BindingCount> StatsRepository::bindings_ended(const std::string& from, const std::string& to) {
    return bindings_by(db_, "until", from, to);
}

std::vector<StatsRepository::MoneyCount> StatsRepository::mutual_aid(const std::string& from, const std::string& to) {
    std::vector<MoneyCount> out;
    for (const char* table : {"settlements", "recorded_settlements"}) {
        soci::rowset<soci::row> rows =
            (db_.sql().prepare << std::string("SELECT use_code, substr(settled_at, 1, 13), COUNT(*), CAST(SUM(mutual_aid_fen) AS BIGINT) FROM ") +
                                      table + " WHERE settled_at >= :f AND settled_at < :t AND mutual_aid_fen > 0 "
                                              "GROUP BY use_code, substr(settled_at, 1, 13)",
             soci::use(from), soci::use(to));
        for (const auto& r : rows)
            out.push_back({table == std::string("recorded_settlements"), r.get<std::string>(0), r.get<std::string>(1),
                           row_integer(r, 2), row_integer(r, 3)});
    }
    return out;
}

}  // namespace gongji::storage
