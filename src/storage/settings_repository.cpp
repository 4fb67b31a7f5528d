#include "storage/settings_repository.h"

#include <soci/soci.h>

#include "storage/row_values.h"

namespace gongji::storage {

std::optional<std::string> SettingsRepository::get(const std::string& name) {
    std::optional<std::string> value;
    for_each_row(db_.sql(), "SELECT value FROM settings WHERE name = :n",
                 [&](const soci::row& r) { value = r.get<std::string>(0); }, name);
    return value;
}

std::map<std::string, std::string> SettingsRepository::all() {
    std::map<std::string, std::string> out;
    for_each_row(db_.sql(), "SELECT name, value FROM settings",
                 [&](const soci::row& r) { out[r.get<std::string>(0)] = r.get<std::string>(1); });
    return out;
}

void SettingsRepository::set(const std::string& name, const std::string& value) {
    db_.sql() << "INSERT INTO settings (name, value) VALUES (:n, :v) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        soci::use(name), soci::use(value);
}

void SettingsRepository::record_print(const std::string& document, const std::string& subject, int pages,
                                      const std::string& by, const std::string& workstation, const std::string& at) {
    db_.sql() << "INSERT INTO prints (document, subject, pages, printed_by, workstation, printed_at) "
                 "VALUES (:d, :s, :p, :b, :w, :a)",
        soci::use(document), soci::use(subject), soci::use(pages), soci::use(by), soci::use(workstation), soci::use(at);
}

long long SettingsRepository::prints_of(const std::string& subject) {
    long long n = 0;
    db_.sql() << "SELECT count(*) FROM prints WHERE subject = :s", soci::use(subject), soci::into(n);
    return n;
}

}  // namespace gongji::storage
