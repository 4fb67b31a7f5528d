#include "core/person.h"

namespace gongji::core {

const char* insurance_type_label(const std::string& code) {
    if (code == insurance_type::employee) return "职工基本医疗保险";
    if (code == insurance_type::rural_urban) return "城乡居民基本医疗保险";
    if (code == insurance_type::urban_resident) return "城镇居民基本医疗保险";
    return "其他险种";
}

const char* insurance_status_label(int status) {
    switch (status) {
        case insurance_status::not_insured: return "未参保";
        case insurance_status::normal: return "正常参保";
        case insurance_status::suspended: return "暂停参保";
        case insurance_status::terminated: return "终止参保";
    }
    return "未知状态";
}

bool is_valid_status(int status) {
    return status == 0 || status == 1 || status == 2 || status == 4;
}

}  // namespace gongji::core
