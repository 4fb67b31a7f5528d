#pragma once
// Roster import (interfaces.md): one transaction per file, upsert by ID number, each bad line
// rejected with its line number and a code, bindings of terminated persons ended.
#include <map>
#include <string>
#include <vector>

#include "app/trust/audit.h"
#include "app/setup/machine_settings.h"
#include "app/trust/auth.h"
#include "app/platform/progress.h"
#include "app/imports/text_encoding.h"
#include "app/platform/workspace.h"

namespace gongji::app {

struct RejectedLine {
    size_t line = 0;
    std::string code;
    std::string message;                            // Chinese, as the CLI reports it
    std::map<std::string, std::string> params = {};  // what it is about, for other words
};

struct RosterImportReport {
    size_t read = 0;
    size_t inserted = 0;
    size_t updated = 0;    // people already stored whose row changed
    size_t unchanged = 0;  // people already stored, in the file as they were
    std::vector<RejectedLine> rejected;
    int bindings_ended = 0;
    std::string encoding;  // as detected
};

// Admin only. BadInput for a file that cannot be used at all (unreadable, wrong encoding, a
// required column missing); nothing is stored then, nor when the database fails midway.
RosterImportReport import_roster(Workspace& ws, const Actor& actor, const std::string& path,
                                 Encoding encoding = Encoding::auto_detect, Progress* progress = nullptr);
// The same on text already read, audited as `who` (demo data and benchmarks: "system").
RosterImportReport import_roster_text(Workspace& ws, std::string bytes, Encoding encoding,
                                      Progress* progress = nullptr, const AuditWho& who = {"system", workstation_name()},
                                      const std::string& source = "");

}  // namespace gongji::app
