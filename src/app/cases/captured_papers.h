#pragma once
// Documents of a case: checked whole, kept unchanged with their SHA-256 (checked on every read),
// who captured them and when; removing one from a case is itself audited.
#include <map>
#include <string>
#include <vector>

#include "app/trust/auth.h"
#include "app/platform/workspace.h"
#include "core/documents.h"
#include "devices/document_file.h"
#include "devices/scanner.h"
#include "core/stored_document.h"

namespace gongji::app {

struct Upload {
    core::DocumentType type;
    std::string file_name;
    std::string bytes;
};

// What a paper may be at this agency (settings document_max_mb, document_max_megapixels,
// document_max_pages), else devices::DocumentLimits' defaults.
devices::DocumentLimits document_limits(Workspace& ws);
devices::DocumentLimits document_limits(const std::map<std::string, std::string>& settings);  // of those read
// Administrator only; BadInput for another key or a value out of range (mb 1–200, megapixels
// 1–400, pages 1–1000).
void set_document_limit(Workspace& ws, const Actor& actor, const std::string& key, const std::string& value);
bool is_document_limit(const std::string& key);

// Reads and checks a file for upload within the agency's limits (a file too large is refused
// before it is read); BadInput naming the file and what is wrong with it.
Upload read_upload(Workspace& ws, core::DocumentType type, const std::string& path);
// BadInput for id_card_read: a card read is a fact of the window, never a file or a claim.
void refuse_card_read_as_paper(core::DocumentType type);

// An upload inspected within the agency's limits, once: what its bytes are, for storing and
// for OCR. BadInput naming the file and what is wrong with it.
struct CheckedPaper {
    const Upload* upload;  // the caller's, which outlives this
    devices::DocumentFile file;
};
CheckedPaper check_paper(const Upload& upload, const devices::DocumentLimits& limits);
// Within the caller's transaction (case submission): stores a checked paper with the case.
long long store_paper(Workspace& ws, const Actor& actor, long long case_id, const std::string& case_number,
                      const CheckedPaper& paper);

// A paper as its audit entry records it (document.attach's after, document.remove's before).
std::string paper_record(const core::StoredDocument& d);
long long attach_document(Workspace& ws, const Actor& actor, const std::string& case_number, const Upload& upload);
void remove_document(Workspace& ws, const Actor& actor, long long document_id);
std::vector<core::StoredDocument> list_documents(Workspace& ws, const std::string& case_number);
// The bytes as captured; Refused("document_damaged") when they no longer match their SHA-256.
// Logged as the actor's look-up (app/trust/audit.h log_access).
std::string read_document(Workspace& ws, const Actor& actor, long long document_id);

// Scans one page with SANE for a case yet to be submitted; Refused("scan_failed") with the
// scanner's reason (jammed, out of paper, gone).
// Pages from the document camera (PNG each) as one paper: the page itself, or one PDF of them all.
Upload camera_upload(core::DocumentType type, const std::vector<std::string>& pages);
Upload scan_upload(core::DocumentType type, const devices::ScanRequest& request);
// Scans one page with SANE and attaches it to the case (clerk or supervisor).
long long scan_into_case(Workspace& ws, const Actor& actor, const std::string& case_number, core::DocumentType type,
                         const devices::ScanRequest& request);

std::string sha256_hex(const std::string& bytes);

}  // namespace gongji::app
