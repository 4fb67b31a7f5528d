#include "storage/code_table_repository.h"

#include <soci/soci.h>

namespace gongji::storage {
namespace {

const char* level_name(core::RegionLevel level) {
    switch (level) {
        case core::RegionLevel::province: return "province";
        case core::RegionLevel::prefecture: return "prefecture";
        case core::RegionLevel::county: return "county";
    }
    return "county";
}

core::RegionLevel parse_level(const std::string& s) {
    if (s == "province") return core::RegionLevel::province;
    if (s == "prefecture") return core::RegionLevel::prefecture;
    return core::RegionLevel::county;
}

}  // namespace

void CodeTableRepository::replace_regions(const std::vector<core::Region>& regions) {
    db_.sql() << "DELETE FROM regions";
    std::vector<std::string> codes, names, levels;
    for (const auto& r : regions) {
        codes.push_back(r.code);
        names.push_back(r.name);
        levels.push_back(level_name(r.level));
    }
    if (codes.empty()) return;
    db_.sql() << "INSERT INTO regions (code, name, level) VALUES (:c, :n, :l)", soci::use(codes),
        soci::use(names), soci::use(levels);
}

void CodeTableRepository::replace_relations(const std::vector<core::Relation>& relations) {
    // Bindings refer to relation codes, so update in place rather than delete.
    std::string code, name, category;
    int exists = 0;
    soci::statement count = (db_.sql().prepare << "SELECT count(*) FROM relation_codes WHERE code = :c",
                             soci::into(exists), soci::use(code));
    soci::statement insert = (db_.sql().prepare << "INSERT INTO relation_codes (code, name, category) "
                                                   "VALUES (:c, :n, :k)",
                              soci::use(code), soci::use(name), soci::use(category));
    soci::statement update = (db_.sql().prepare << "UPDATE relation_codes SET name = :n, category = :k "
                                                   "WHERE code = :c",
                              soci::use(name), soci::use(category), soci::use(code));
    for (const auto& r : relations) {
        code = r.code;
        name = r.name;
        category = core::category_name(r.category);
        count.execute(true);
        (exists ? update : insert).execute(true);
    }
}

core::RegionTable CodeTableRepository::load_regions() {
    core::RegionTable table;
    soci::rowset<soci::row> rows = (db_.sql().prepare << "SELECT code, name, level FROM regions");
    for (const auto& r : rows)
        table.add({r.get<std::string>(0), r.get<std::string>(1), parse_level(r.get<std::string>(2))});
    return table;
}

std::string CodeTableRepository::rows_text() {
    std::string text;
    for (const char* query : {"SELECT code, name, level FROM regions ORDER BY code",
                              "SELECT code, name, category FROM relation_codes ORDER BY code"}) {
        soci::rowset<soci::row> rows = db_.sql().prepare << query;
        for (const auto& r : rows) text += r.get<std::string>(0) + "\t" + r.get<std::string>(1) + "\t" + r.get<std::string>(2) + "\n";
        text += "\n";
    }
    return text;
}

long long CodeTableRepository::region_count() {
    long long n = 0;
    db_.sql() << "SELECT count(*) FROM regions", soci::into(n);
    return n;
}

}  // namespace gongji::storage
