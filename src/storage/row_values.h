#pragma once
// Reading integers from a soci::row whatever type the backend reports: SQLite derives it from
// the declared column type (INTEGER → int, BIGINT → long long), count(*) may come as text.
#include <soci/soci.h>

#include <string>

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

}  // namespace gongji::storage
