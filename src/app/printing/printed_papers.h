#pragma once
// The papers citizens take home: each document's data gathered from the database, laid out from
// its template in reports/, written as PDF, and every print recorded.
#include <optional>
#include <string>
#include <string_view>

#include "app/trust/auth.h"
#include "app/platform/workspace.h"
#include "reports/renderer.h"
#include "core/case_record.h"

namespace gongji::app {

// The papers the agency prints.
// The service-state notices (domain.md §9): 补正告知书, 不予受理通知书, 送达回执.
enum class Paper { commitment, receipt, decision, unbind, statement, daily, supervision, stats, correction, not_accepted, delivery };
const char* paper_name(Paper p);
// The commitment letter's promises as the agency's template words them (its first heading and the
// plain lines after it): what the citizen reads on the display before signing.
std::vector<std::string> commitment_promises();  // "commitment", … as the CLI and the print log name them
std::optional<Paper> parse_paper(std::string_view name);

struct DocumentRequest {
    Paper kind = Paper::receipt;
    std::optional<std::string> case_number;       // the four case documents
    std::optional<std::string> user, authorizer;  // statement: one of them; commitment before a case: both
    std::optional<std::string> policy, relation;  // commitment before a case exists
    std::optional<core::CivilDate> from, to;      // statement, supervision
    std::optional<std::string> clerk;             // daily
    std::optional<core::CivilDate> date;          // daily
    std::optional<std::string> month;             // stats: "YYYY-MM"
};

struct PreparedDocument {
    reports::Template tpl;
    reports::ReportData data;
    reports::PageFrame frame;
    std::string subject;  // what the print log files it under: a case number, an ID number, …
};

// Whether a case has this paper: receipts and commitment letters for bind and rebind cases,
// decision notices once decided, unbinding notices for unbind cases.
bool case_has_document(const core::Case& c, Paper kind);

// BadInput for a missing or wrong argument, or a case of the wrong kind;
// TemplateError (reports) for a template that cannot be used.
PreparedDocument prepare_document(Workspace& ws, const Actor& actor, const DocumentRequest& request);
// Renders to `pdf_path` and records the print (and audits it); returns the page count.
int print_document(Workspace& ws, const Actor& actor, const DocumentRequest& request, const std::string& pdf_path);
// A paper's template and the frame of every page, to be filled (app/oversight/oversight_papers.h fills
// its own); printed to PDF and recorded like any other.
PreparedDocument start_document(Workspace& ws, const Actor& actor, Paper kind);
int print_prepared(Workspace& ws, const Actor& actor, Paper kind, const PreparedDocument& doc, const std::string& pdf_path);
// Records a print made elsewhere (the desktop app's printer).
void record_print(Workspace& ws, const Actor& actor, Paper kind, const std::string& subject, int pages);

// The agency's name on every printout (admin sets it; empty until set).
void set_agency_name(Workspace& ws, const Actor& actor, const std::string& name);
std::string agency_name(Workspace& ws);
// The agency's phone for questions and the working days it promises for a decision, on every
// receipt (admin sets them; left off the receipt until set).
void set_agency_phone(Workspace& ws, const Actor& actor, const std::string& phone);
void set_processing_days(Workspace& ws, const Actor& actor, const std::string& days);
// The agency form as one change: the name, and the phone and working days where given and
// different; nothing is stored unless every field is right.
void set_agency_details(Workspace& ws, const Actor& actor, const std::string& name, const std::string& phone,
                        const std::string& days);

// GONGJI_REPORTS_DIR, else the source tree's reports/, else the installed share folder.
std::string reports_dir();
// GONGJI_AGENCY_REPORTS_DIR, else /etc/gongji/reports: templates the agency edited, which no
// upgrade touches. One there stands in for the shipped template of the same name.
std::string agency_reports_dir();

}  // namespace gongji::app
