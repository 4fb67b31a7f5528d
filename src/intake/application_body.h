#pragma once
// The JSON bodies a channel sends (interfaces.md third set), read into the application layer's
// types. BadInput with a problem code for a body that cannot be one: "json_invalid",
// "field_missing" / "field_invalid" {field}, "document_type_unknown", "base64_invalid".
#include <string>
#include <vector>

#include "core/rating.h"
#include "app/cases/online_applications.h"

namespace gongji::intake {

app::OnlineApplication read_application(const std::string& body, core::Via channel);
std::vector<app::Upload> read_materials(const std::string& body);
long long read_cursor(const std::string& body);
core::RatingInput read_rating(const std::string& body);

}  // namespace gongji::intake
