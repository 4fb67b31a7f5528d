#pragma once
// A person of the insurance roster (参保人员名册), as the rules see them.
#include <string>

#include "core/civil_date.h"
#include "core/id_number.h"

namespace gongji::core {

namespace insurance_type {
constexpr const char* employee = "310";       // 职工基本医疗保险
constexpr const char* rural_urban = "390";    // 城乡居民基本医疗保险
constexpr const char* urban_resident = "391"; // 城镇居民基本医疗保险
}  // namespace insurance_type

namespace insurance_status {
constexpr int not_insured = 0;  // 未参保
constexpr int normal = 1;       // 正常参保
constexpr int suspended = 2;    // 暂停参保
constexpr int terminated = 4;   // 终止参保
}  // namespace insurance_status

const char* insurance_type_label(const std::string& code);
const char* insurance_status_label(int status);
bool is_valid_status(int status);

struct Person {
    std::string id_number;  // normalized, 18 characters
    std::string name;
    Gender gender = Gender::male;
    CivilDate birth_date;
    std::string insurance_type;  // "310", "390", "391", or another code
    int status = insurance_status::normal;
    std::string pooling_region;  // six digits
    long long balance_fen = 0;
};

}  // namespace gongji::core
