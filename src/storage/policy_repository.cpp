#include "storage/policy_repository.h"

#include <soci/soci.h>

#include "storage/row_values.h"

namespace gongji::storage {

bool PolicyRepository::save(const StoredPolicy& p) {
    auto now = p.updated_at.utc();
    int existing = 0;
    db_.sql() << "SELECT count(*) FROM policy_profiles WHERE name = :n", soci::use(p.name),
        soci::into(existing);
    if (existing)
        db_.sql() << "UPDATE policy_profiles SET title = :t, document = :d, updated_at = :u WHERE name = :n",
            soci::use(p.title), soci::use(p.document), soci::use(now), soci::use(p.name);
    else
        db_.sql() << "INSERT INTO policy_profiles (name, title, document, updated_at) VALUES (:n, :t, :d, :u)",
            soci::use(p.name), soci::use(p.title), soci::use(p.document), soci::use(now);
    return existing == 0;
}

std::optional<StoredPolicy> PolicyRepository::find(const std::string& name) {
    StoredPolicy p;
    std::string updated_at;
    db_.sql() << "SELECT name, title, document, updated_at FROM policy_profiles WHERE name = :n", soci::into(p.name),
        soci::into(p.title), soci::into(p.document), soci::into(updated_at), soci::use(name);
    if (!db_.sql().got_data()) return std::nullopt;
    p.updated_at = instant_of_text(updated_at);
    return p;
}

std::vector<StoredPolicy> PolicyRepository::list() {
    std::vector<StoredPolicy> out;
    for_each_row(db_.sql(), "SELECT name, title, document, updated_at FROM policy_profiles ORDER BY name",
                 [&](const soci::row& r) {
                     out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2), row_instant(r, 3)});
                 });
    return out;
}

}  // namespace gongji::storage
