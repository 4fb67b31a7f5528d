#pragma once
// JSON forms of the application's results, as interfaces.md documents them.
#include <map>
#include <string>
#include <vector>

#include "app/setup/init_service.h"
#include "app/imports/roster_import.h"
#include "core/eligibility.h"
#include "core/id_card.h"
#include "core/id_number.h"
#include "app/cases/case_service.h"
#include "core/json_writer.h"
#include "core/person.h"

namespace gongji::cli {

void write_issues(core::JsonWriter& w, const std::vector<core::Issue>& issues);
std::string id_check_json(const core::IdCheck& check);
std::string eligibility_json(const core::EligibilityResult& result);
void write_rejected(core::JsonWriter& w, const std::vector<app::RejectedLine>& rejected);
std::string roster_report_json(const app::RosterImportReport& report);
std::string init_report_json(const app::InitReport& report);
std::string refusal_json(const std::string& code, const std::string& message, const core::EligibilityResult* result = nullptr,
                         const std::map<std::string, std::string>* details = nullptr);
// `case show`; with the ID cards read at the window for it when `reads` is given.
std::string case_json(const core::Case& c, const std::vector<core::CaseCardRead>* reads = nullptr);
std::string bindings_json(const std::vector<core::Binding>& bindings);
std::string person_json(const app::PersonCard& card);

}  // namespace gongji::cli
