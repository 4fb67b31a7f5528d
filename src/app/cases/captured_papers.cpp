#include "app/cases/captured_papers.h"

#include <openssl/sha.h>

#include <algorithm>

#include <set>

#include <Poco/DigestEngine.h>

#include <filesystem>
#include <sstream>

#include "app/trust/audit.h"
#include "app/platform/base64.h"
#include "app/cases/case_service.h"
#include "app/platform/errors.h"
#include "app/setup/number_setting.h"
#include "app/platform/paths.h"
#include "app/setup/policy_service.h"
#include "app/setup/settings.h"
#include "app/platform/stores.h"
#include "core/json_writer.h"
#include "devices/document_file.h"
#include "devices/page_images.h"

namespace gongji::app {
namespace {

BadInput no_document(long long id) {
    return BadInput("document: no document " + std::to_string(id), {"document_unknown", {{"document", std::to_string(id)}}});
}

}  // namespace

std::string paper_record(const core::StoredDocument& d) {
    core::JsonWriter w;
    w.begin_object()
        .key("id").value(d.id)
        .key("type").value(core::document_type_name(d.type))
        .key("file").value(d.file_name)
        .key("mime").value(d.mime)
        .key("pages").value(d.pages)
        .key("size").value(d.size_bytes)
        .key("sha256").value(d.sha256)
        .end_object();
    return w.str();
}

namespace {

// A paper refused by its content: the file, the reason in English and as a code with its values,
// for the desktop app to say in the user's language.
Problem unusable_paper(const std::string& file, const devices::CaptureError& e) {
    Problem p{"file_unusable", e.params()};
    p.params["file"] = file;
    p.params["why"] = e.what();
    if (!e.code().empty()) p.params["why_code"] = e.code();
    return p;
}

core::Case open_case(Workspace& ws, const std::string& number) {
    auto c = find_case(ws, number);
    if (core::is_final(c.status))
        throw Refused("already_decided", {{"case", c.number}, {"papers", "closed"}});
    return c;
}

}  // namespace

std::string sha256_hex(const std::string& bytes) {
    // OpenSSL's, which uses the processor's SHA instructions: papers and applications run to
    // megabytes, where Poco's portable one took a fifth of an intake request's time.
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
    return Poco::DigestEngine::digestToHex(Poco::DigestEngine::Digest(digest, digest + sizeof digest));
}

void refuse_card_read_as_paper(core::DocumentType type) {
    if (type == core::DocumentType::id_card_read)
        throw BadInput("id_card_read: only a card read on the window's reader gives it, never a file or a claim",
                       {"card_read_not_a_paper", {}});
}

namespace {

constexpr NumberSetting kLimitKeys[] = {
    {"document_max_mb", 1, 200}, {"document_max_megapixels", 1, 400}, {"document_max_pages", 1, 1000}};

}  // namespace

bool is_document_limit(const std::string& key) {
    for (const auto& k : kLimitKeys)
        if (key == k.key) return true;
    return false;
}

devices::DocumentLimits document_limits(Workspace& ws) { return document_limits(stores(ws).settings.all()); }

devices::DocumentLimits document_limits(const std::map<std::string, std::string>& settings) {
    devices::DocumentLimits limits;
    if (auto mb = number_setting(settings, "document_max_mb")) limits.max_bytes = static_cast<std::size_t>(*mb) << 20;
    if (auto mp = number_setting(settings, "document_max_megapixels")) limits.max_page_pixels = *mp * 1'000'000;
    if (auto pages = number_setting(settings, "document_max_pages")) limits.max_pages = static_cast<int>(*pages);
    return limits;
}

void set_document_limit(Workspace& ws, const Actor& actor, const std::string& key, const std::string& value) {
    for (const auto& k : kLimitKeys)
        if (key == k.key) return set_number_setting(ws, actor, core::Duty::security, k, value, "document_limit_invalid");
    throw BadInput("unknown document limit " + key, {"document_limit_invalid", {{"key", key}, {"value", value}}});
}

Upload read_upload(Workspace& ws, core::DocumentType type, const std::string& path) {
    refuse_card_read_as_paper(type);
    auto limits = document_limits(ws);
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    auto name = std::filesystem::path(path).filename().string();
    if (!ec && size > limits.max_bytes)  // never read into memory what will be refused
        throw BadInput(path + ": " + std::to_string(size >> 20) + " MB, more than the " + std::to_string(limits.max_bytes >> 20) +
                           " MB a paper may be",
                       {"file_unusable", {{"file", name}, {"why", "more than " + std::to_string(limits.max_bytes >> 20) + " MB"}}});
    Upload u{type, name, read_file(path)};
    check_paper(u, limits);
    return u;
}

CheckedPaper check_paper(const Upload& upload, const devices::DocumentLimits& limits) {
    refuse_card_read_as_paper(upload.type);
    try {
        return {&upload, devices::inspect_document_file(upload.bytes, limits)};
    } catch (const devices::CaptureError& e) {  // a scan or a camera's pages beyond the agency's limits
        throw BadInput(upload.file_name + ": " + e.what(), unusable_paper(upload.file_name, e));
    }
}

long long store_paper(Workspace& ws, const Actor& actor, long long case_id, const std::string& case_number,
                      const CheckedPaper& paper) {
    const Upload& upload = *paper.upload;
    core::StoredDocument d;
    d.case_id = case_id;
    d.type = upload.type;
    d.file_name = upload.file_name;
    d.mime = paper.file.mime;
    d.pages = paper.file.pages;
    d.size_bytes = static_cast<long long>(upload.bytes.size());
    d.sha256 = sha256_hex(upload.bytes);
    d.content_base64 = to_base64(upload.bytes);
    d.captured_by = actor.username;
    d.workstation = actor.workstation;
    d.captured_at = now();
    d.id = stores(ws).documents.insert(d);
    audit(ws, {actor.username, actor.workstation}, "document.attach", "case", case_number, "", paper_record(d));
    return d.id;
}

long long attach_document(Workspace& ws, const Actor& actor, const std::string& case_number, const Upload& upload) {
    require_role(actor, {core::Role::clerk, core::Role::supervisor});
    storage::Transaction tx(database(ws));
    auto c = open_case(ws, case_number);
    auto id = store_paper(ws, actor, c.id, c.number, check_paper(upload, document_limits(ws)));
    // The case lists the kinds of paper it has (the supervisor's summary, `case show`, the
    // receipt): a paper added later (the signed letter) joins them.
    if (c.documents.insert(upload.type).second) stores(ws).cases.set_documents(c.id, c.documents);
    tx.commit();
    return id;
}

long long scan_into_case(Workspace& ws, const Actor& actor, const std::string& case_number, core::DocumentType type,
                         const devices::ScanRequest& request) {
    require_role(actor, {core::Role::clerk, core::Role::supervisor});
    open_case(ws, case_number);  // before the scanner moves: a decided case takes no more papers
    return attach_document(ws, actor, case_number, scan_upload(type, request));
}

namespace {
// Named by the clerk's clock (China time) and the kind of paper: "scan-hukou-20261203-122328.png".
std::string capture_name(const char* how, core::DocumentType type, const char* extension) {
    auto t = now().china();
    auto stamp = t.substr(0, 4) + t.substr(5, 2) + t.substr(8, 2) + "-" + t.substr(11, 2) + t.substr(14, 2) + t.substr(17, 2);
    return std::string(how) + "-" + core::document_type_name(type) + "-" + stamp + extension;
}
}  // namespace

Upload scan_upload(core::DocumentType type, const devices::ScanRequest& request) {
    std::string png;
    try {
        png = devices::scan_to_png(request);
    } catch (const devices::CaptureError& e) {
        throw Refused("scan_failed", {{"why", e.what()}});
    }
    return {type, capture_name("scan", type, ".png"), png};
}

Upload camera_upload(core::DocumentType type, const std::vector<std::string>& pages) {
    if (pages.empty()) throw BadInput("camera: no page was captured", {"no_pages", {}});
    if (pages.size() == 1) return {type, capture_name("camera", type, ".png"), pages.front()};
    constexpr int kCameraDpi = 200;  // an A4 page filling a 1600×1200 still is about 190 dpi
    try {
        return {type, capture_name("camera", type, ".pdf"), devices::pdf_of_pages(pages, kCameraDpi)};
    } catch (const devices::CaptureError& e) {
        throw Refused("scan_failed", {{"why", e.what()}});
    }
}

void remove_document(Workspace& ws, const Actor& actor, long long document_id) {
    require_role(actor, {core::Role::clerk, core::Role::supervisor});
    auto& documents = stores(ws).documents;
    storage::Transaction tx(database(ws));
    auto d = documents.find(document_id);
    if (!d || d->removed_at) throw no_document(document_id);
    auto number = stores(ws).cases.number_of(d->case_id);
    auto c = open_case(ws, number);
    documents.mark_removed(document_id, actor.username, now());
    // The case's list of papers loses the type when no other paper of it is left.
    auto left = documents.list(d->case_id);
    bool another = std::any_of(left.begin(), left.end(), [&](const auto& o) {
        return o.id != document_id && !o.removed_at && o.type == d->type;
    });
    if (!another && c.documents.erase(d->type)) stores(ws).cases.set_documents(c.id, c.documents);
    audit(ws, {actor.username, actor.workstation}, "document.remove", "case", number, paper_record(*d), "");
    tx.commit();
}

std::vector<core::StoredDocument> list_documents(Workspace& ws, const std::string& case_number) {
    return stores(ws).documents.list(find_case(ws, case_number).id);
}

std::string read_document(Workspace& ws, const Actor& actor, long long document_id) {
    auto d = stores(ws).documents.find(document_id);
    if (!d) throw no_document(document_id);
    // Found again under either person of its case, and by the case's number.
    auto c = stores(ws).cases.find(stores(ws).cases.number_of(d->case_id));
    core::JsonWriter detail;
    detail.begin_object().key("case").value(c ? c->number : std::to_string(d->case_id));
    detail.key("type").value(core::document_type_name(d->type));
    if (c && c->authorizer_id) detail.key("authorizer").value(*c->authorizer_id);
    if (c) detail.key("user").value(c->user_id);
    detail.end_object();
    log_access(ws, {actor.username, actor.workstation}, "document.view", "document", std::to_string(document_id), detail.str());
    auto bytes = from_base64(d->content_base64);
    if (static_cast<long long>(bytes.size()) != d->size_bytes || sha256_hex(bytes) != d->sha256)
        throw Refused("document_damaged", {{"document", std::to_string(document_id)}, {"file", d->file_name}});
    return bytes;
}

}  // namespace gongji::app
