#include "app/setup/number_setting.h"

#include "app/platform/errors.h"
#include "app/setup/settings.h"

namespace gongji::app {

std::optional<long long> number_setting(Workspace& ws, const char* key) {
    auto text = setting(ws, key);
    if (!text) return std::nullopt;
    try {
        return std::stoll(*text);
    } catch (const std::exception&) {
        return std::nullopt;  // set before it was checked: the default stands
    }
}

void set_number_setting(Workspace& ws, const Actor& actor, core::Duty duty, const NumberSetting& s,
                        const std::string& value, const char* code) {
    require_duty(actor, duty);
    const std::string key = s.key;
    bool digits = !value.empty() && value.size() <= 9 && value.find_first_not_of("0123456789") == std::string::npos;
    if (!digits || std::stoll(value) < s.least || std::stoll(value) > s.most)
        throw BadInput(key + ": a whole number, " + std::to_string(s.least) + "–" + std::to_string(s.most) + ", not \"" +
                           value + "\"",
                       {code, {{"key", key}, {"value", value}}});
    change_setting(ws, actor, key, std::to_string(std::stoll(value)));
}

}  // namespace gongji::app
