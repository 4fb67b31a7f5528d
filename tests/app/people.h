#pragma once
// Roster people made up for a test: valid ID numbers, imported through the real import.
#include <string>
#include <vector>

#include "app/imports/roster_import.h"
#include "core/id_number.h"

namespace gongji::test {

struct TestPerson {
    std::string name;
    bool male = true;
    std::string birth;  // YYYY-MM-DD
    std::string type = "310";
    int status = 1;
    std::string region = "450800";
    std::string balance = "100.00";
    std::string id;  // filled by make_people
};

inline TestPerson make_person(std::string name, bool male, std::string birth, std::string type = "310") {
    TestPerson p;
    p.name = std::move(name);
    p.male = male;
    p.birth = std::move(birth);
    p.type = std::move(type);
    return p;
}

// Gives each person a unique valid ID number (address 450802, sequence from `start`).
inline void assign_ids(std::vector<TestPerson>& people, int start = 500) {
    int seq = start;
    for (auto& p : people) {
        if ((seq % 2 == 1) != p.male) ++seq;
        std::string first17 = "450802" + p.birth.substr(0, 4) + p.birth.substr(5, 2) + p.birth.substr(8, 2) +
                              std::to_string(seq);
        p.id = first17 + core::id_check_character(first17);
        seq += 2;
    }
}

inline std::string roster_csv(const std::vector<TestPerson>& people) {
    std::string csv = "id_number,name,gender,birth_date,insurance_type,status,pooling_region,account_balance\n";
    for (const auto& p : people)
        csv += p.id + "," + p.name + "," + (p.male ? "1" : "2") + "," + p.birth + "," + p.type + "," +
               std::to_string(p.status) + "," + p.region + "," + p.balance + "\n";
    return csv;
}

inline void import_people(app::Workspace& ws, const std::vector<TestPerson>& people) {
    auto report = app::import_roster_text(ws, roster_csv(people), app::Encoding::utf8);
    if (!report.rejected.empty()) throw std::runtime_error("test roster: " + report.rejected.front().message);
}

}  // namespace gongji::test
