#pragma once
// The papers of fund supervision and of the agency's figures: the findings of a check and the
// monthly figures, each printed (with charts for the figures) and exported as a workbook with
// the same tables.
#include <string>

#include "app/trust/auth.h"
#include "app/printing/printed_papers.h"
#include "app/oversight/stats_service.h"
#include "app/oversight/supervision_service.h"
#include "app/platform/workspace.h"

namespace gongji::app {

// What the printed papers show (report_service's prepare_document uses them too).
void supervision_fields(Workspace& ws, const SupervisionReport& report, reports::ReportData& d, std::string& subject);
void stats_fields(Workspace& ws, const MonthlyFigures& figures, reports::ReportData& d, std::string& subject);

// The findings of a check already made, printed (and the print recorded); and as a workbook: a
// sheet of counts by code, a sheet of the findings.
int print_supervision(Workspace& ws, const Actor& actor, const SupervisionReport& report, const std::string& pdf_path);
void export_supervision(Workspace& ws, const Actor& actor, const SupervisionReport& report, const std::string& xlsx_path);
// The monthly figures printed with their charts; and as a workbook, a sheet a table.
int print_stats(Workspace& ws, const Actor& actor, const MonthlyFigures& figures, const std::string& pdf_path);
void export_stats(Workspace& ws, const Actor& actor, const MonthlyFigures& figures, const std::string& xlsx_path);

}  // namespace gongji::app
