#pragma once
// The rating request (好差评) of a finished service: the agency's template URL of the province's
// rating system, filled with the fields such systems take (domain.md §9), for the QR code on the
// customer display and `gongji rating link`.
#include <string>

#include "app/platform/workspace.h"
#include "app/trust/auth.h"

namespace gongji::app {

// The placeholders a template may use.
inline constexpr const char* kRatingPlaceholders[] = {"apply_no", "item_code", "state", "clerk", "clerk_name", "window"};

// Clerk or supervisor: the link for case `number`, served by `actor` at their window. Refused
// "rating_template_missing" until the administrator sets rating_url_template.
std::string rating_link(Workspace& ws, const Actor& actor, const std::string& number);

// Administrator: rating_url_template (an https URL with {apply_no}, its {placeholders} the ones above) and
// item_code_bind|unbind|reorder|rebind (the 事项编码 of each kind, printable ASCII). BadInput
// "setting_invalid" naming what is wrong.
bool is_service_setting(const std::string& key);
void set_service_setting(Workspace& ws, const Actor& actor, const std::string& key, const std::string& value);

}  // namespace gongji::app
