#pragma once
// Reading integers from a soci::row whatever type the backend reports: SQLite derives it from
// the declared column type (INTEGER → int, BIGINT → long long), count(*) may come as text.
#include <soci/soci.h>

#include <functional>
#include <optional>
#include <string>

#include "core/instant.h"

namespace gongji::storage {

inline long long row_integer(const soci::row& r, std::size_t i) {
    switch (r.get_properties(i).get_data_type()) {
        case soci::dt_integer: return r.get<int>(i);
        case soci::dt_long_long: return r.get<long long>(i);
        case soci::dt_unsigned_long_long: return static_cast<long long>(r.get<unsigned long long>(i));
        case soci::dt_string: return std::stoll(r.get<std::string>(i));
        default: throw soci::soci_error("column " + r.get_properties(i).get_name() + " is not an integer");
    }
}

inline std::optional<std::string> row_optional_text(const soci::row& r, std::size_t i) {
    if (r.get_indicator(i) == soci::i_null) return std::nullopt;
    return r.get<std::string>(i);
}

// Instants are kept as UTC text ("2026-11-22T01:30:00Z"), which sorts in time order.
inline core::Instant instant_of_text(const std::string& text) {
    auto t = core::Instant::parse(text);
    if (!t) throw soci::soci_error("not a stored instant: \"" + text + "\"");
    return *t;
}
inline core::Instant row_instant(const soci::row& r, std::size_t i) { return instant_of_text(r.get<std::string>(i)); }
inline std::optional<core::Instant> row_optional_instant(const soci::row& r, std::size_t i) {
    if (r.get_indicator(i) == soci::i_null) return std::nullopt;
    return row_instant(r, i);
}

// A bound optional text: SOCI needs a value and an indicator that live as long as the statement.
struct OptionalText {
    std::string value;
    soci::indicator ind;
    explicit OptionalText(const std::optional<std::string>& v) : value(v.value_or("")), ind(v ? soci::i_ok : soci::i_null) {}
    explicit OptionalText(const std::optional<core::Instant>& v)
        : value(v ? v->utc() : ""), ind(v ? soci::i_ok : soci::i_null) {}
};

// Runs a query in one round trip — no server-side statement is prepared and dropped around it,
// which on PostgreSQL cost three — and calls `each` with every row. Values bind in order.
template <class... Values>
void for_each_row(soci::session& sql, const std::string& query, const std::function<void(const soci::row&)>& each,
                  const Values&... values) {
    soci::row r;
    soci::statement st(sql);
    st.exchange(soci::into(r));
    (st.exchange(soci::use(values)), ...);
    st.alloc();
    st.prepare(query, soci::details::st_one_time_query);
    st.define_and_bind();
    if (!st.execute(true)) return;
    do each(r);
    while (st.fetch());
}

}  // namespace gongji::storage
