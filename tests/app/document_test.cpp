// Pins the document store on this run's backend: files kept whole with their SHA-256, read back
// intact, a changed byte in the database reported (never shown as good), removal audited, and a
// decided case closed to changes.
#include <boost/test/unit_test.hpp>

#include <soci/soci.h>

#include "app/trust/audit.h"
#include "app/cases/case_service.h"
#include "app/cases/captured_papers.h"
#include "fixture.h"
#include "samples.h"

using namespace gongji;

namespace {

struct CaseWithScans : test::DemoWorkspace {
    app::Actor clerk{"clerk", core::Role::clerk, "win-01"};
    app::Actor super{"super", core::Role::supervisor, "win-09"};
    std::string number;
    std::string pdf = test::sample_pdf(3), jpeg = test::sample_jpeg();

    CaseWithScans() {
        app::BindApplication a;
        a.policy = "guangxi";
        a.authorizer_id = "450802196503120117";
        a.user_id = "450802196708200129";
        a.relation = "12";
        a.uploads = {{core::DocumentType::id_card, "身份证.jpg", jpeg},
                     {core::DocumentType::marriage_certificate, "结婚证.pdf", pdf}};
        number = app::submit_bind(ws, clerk, a).number;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(documents, CaseWithScans)

BOOST_AUTO_TEST_CASE(files_are_kept_whole_with_their_hash_and_who_captured_them) {
    auto docs = app::list_documents(ws, number);
    BOOST_REQUIRE(docs.size() == 2u);
    BOOST_TEST(docs[0].mime == "image/jpeg");
    BOOST_TEST(docs[1].pages == 3);
    BOOST_TEST(docs[1].sha256 == app::sha256_hex(pdf));
    BOOST_TEST(docs[0].captured_by == "clerk");
    BOOST_TEST(docs[0].workstation == "win-01");
    BOOST_TEST(app::read_document(ws, super, docs[0].id) == jpeg);
    BOOST_TEST(app::read_document(ws, super, docs[1].id) == pdf);
    BOOST_TEST((app::find_case(ws, number).documents ==
                std::set{core::DocumentType::id_card, core::DocumentType::marriage_certificate}));
}

BOOST_AUTO_TEST_CASE(a_changed_byte_is_reported_not_shown) {
    auto id = app::list_documents(ws, number)[0].id;
    std::string content;
    app::database(ws).sql() << "SELECT content FROM documents WHERE id = :i", soci::use(id), soci::into(content);
    content[100] = content[100] == 'A' ? 'B' : 'A';
    app::database(ws).sql() << "UPDATE documents SET content = :c WHERE id = :i", soci::use(content), soci::use(id);
    try {
        app::read_document(ws, super, id);
        BOOST_ERROR("shown");
    } catch (const app::Refused& e) {
        BOOST_TEST(e.code() == "document_damaged");
    }
}

BOOST_AUTO_TEST_CASE(removing_a_document_is_audited_and_decided_cases_are_closed) {
    auto docs = app::list_documents(ws, number);
    app::remove_document(ws, clerk, docs[0].id);
    BOOST_TEST(app::list_documents(ws, number)[0].removed_by.value_or("") == "clerk");
    long long removals = 0;
    app::database(ws).sql() << "SELECT count(*) FROM audit_log WHERE action = 'document.remove' AND entity_key = :n",
        soci::use(number), soci::into(removals);
    BOOST_TEST(removals == 1);

    // The removed paper's kind leaves the case's list with it: no other paper of that kind is left.
    BOOST_TEST(!app::find_case(ws, number).has_document(docs[0].type));
    BOOST_TEST(app::find_case(ws, number).has_document(docs[1].type));

    app::attach_document(ws, clerk, number, {core::DocumentType::commitment_letter, "承诺书.png", test::sample_png()});
    // The case lists the paper added after submission among its kinds of paper.
    BOOST_TEST(app::find_case(ws, number).has_document(core::DocumentType::commitment_letter));
    // Without the removed kind the case cannot be approved; a new copy of it brings it back.
    BOOST_CHECK_THROW(app::approve_case(ws, super, number), app::NotEligible);
    app::attach_document(ws, clerk, number, {docs[0].type, "again.png", test::sample_png()});
    app::approve_case(ws, super, number);
    BOOST_CHECK_THROW(app::attach_document(ws, clerk, number, {core::DocumentType::other, "x.png", test::sample_png()}),
                      app::Refused);
    BOOST_CHECK_THROW(app::remove_document(ws, clerk, docs[1].id), app::Refused);
    BOOST_TEST(!app::verify_audit(ws).broken.has_value());
}

BOOST_AUTO_TEST_CASE(a_page_is_scanned_from_sanes_test_backend_into_the_case) {
    // SANE_CONFIG_DIR (set by ctest) holds a configuration with only the test backend.
    devices::ScanRequest r;
    r.device = "test:0";
    r.dpi = 200;
    auto id = app::scan_into_case(ws, clerk, number, core::DocumentType::hukou, r);
    auto docs = app::list_documents(ws, number);
    BOOST_REQUIRE(docs.size() == 3u);
    BOOST_TEST(docs[2].id == id);
    BOOST_TEST(docs[2].mime == "image/png");
    BOOST_TEST(docs[2].type == core::DocumentType::hukou);
    BOOST_TEST(app::read_document(ws, super, id).size() == static_cast<size_t>(docs[2].size_bytes));

    r.backend_options = {{"read-return-value", "SANE_STATUS_JAMMED"}};
    try {
        app::scan_into_case(ws, clerk, number, core::DocumentType::hukou, r);
        BOOST_ERROR("scanned");
    } catch (const app::Refused& e) {
        BOOST_TEST(e.code() == "scan_failed");
        BOOST_TEST(std::string(e.what()).find("jammed") != std::string::npos);
    }
    BOOST_TEST(app::list_documents(ws, number).size() == 3u);  // nothing half-kept
}

BOOST_AUTO_TEST_CASE(a_truncated_file_is_refused_before_anything_is_stored) {
    auto path = files.write("cut.jpg", jpeg.substr(0, jpeg.size() - 30));
    BOOST_CHECK_EXCEPTION(app::read_upload(ws, core::DocumentType::id_card, path), app::BadInput,
                          [](const app::BadInput& e) { return std::string(e.what()).find("truncated JPEG") != std::string::npos; });
}

BOOST_AUTO_TEST_CASE(the_agencys_size_limit_refuses_a_file_before_it_is_read) {
    BOOST_CHECK_THROW(app::set_document_limit(ws, clerk, "document_max_mb", "1"), app::Refused);  // administrators only
    BOOST_CHECK_THROW(app::set_document_limit(ws, admin, "document_max_mb", "0"), app::BadInput);
    BOOST_CHECK_THROW(app::set_document_limit(ws, admin, "document_max_mb", "lots"), app::BadInput);
    app::set_document_limit(ws, admin, "document_max_mb", "1");
    auto big = files.write("big.pdf", pdf + std::string(std::size_t(3) << 20, '\n') + "%%EOF\n");
    BOOST_CHECK_EXCEPTION(app::read_upload(ws, core::DocumentType::hukou, big), app::BadInput,
                          [](const app::BadInput& e) { return std::string(e.what()).find("more than the 1 MB") != std::string::npos; });
    // Whatever way it came (a scanner, a camera), it is not stored either.
    BOOST_CHECK_THROW(app::attach_document(ws, clerk, number, {core::DocumentType::hukou, "big.pdf", pdf + std::string(std::size_t(3) << 20, ' ') + "%%EOF\n"}),
                      app::BadInput);
    BOOST_TEST(app::list_documents(ws, number).size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_pdf_that_would_run_script_is_refused) {
    auto active = pdf + "9999 0 obj << /Type /Action /S /JavaScript /JS (app.alert(1)) >> endobj\n%%EOF\n";
    auto path = files.write("active.pdf", active);
    BOOST_CHECK_EXCEPTION(app::read_upload(ws, core::DocumentType::hukou, path), app::BadInput,
                          [](const app::BadInput& e) { return std::string(e.what()).find("JavaScript") != std::string::npos; });
    auto launch = files.write("launch.pdf", pdf + "9998 0 obj << /S /Launch /F (calc.exe) >> endobj\n%%EOF\n");
    BOOST_CHECK_THROW(app::read_upload(ws, core::DocumentType::hukou, launch), app::BadInput);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_CASE(an_id_card_whose_number_differs_must_be_acknowledged, test::DemoWorkspace) {
    app::Actor clerk{"clerk", core::Role::clerk, "win-01"};
    app::BindApplication a;
    a.policy = "guangxi";
    a.authorizer_id = "450802196503120117";
    a.user_id = "450802196708200129";
    a.relation = "12";
    // The authorizer's card reads right; the "user's" card carries someone else's number.
    a.uploads = {{core::DocumentType::id_card, "授权人身份证.png", test::sample_id_card("张伟", "450802196503120117")},
                 {core::DocumentType::id_card, "使用人身份证.png", test::sample_id_card("李秀英", "45080219851201012X")},
                 {core::DocumentType::marriage_certificate, "结婚证.pdf", test::sample_pdf(1)}};
    try {
        app::submit_bind(ws, clerk, a);
        BOOST_ERROR("submitted");
    } catch (const app::Refused& e) {
        BOOST_TEST(e.code() == "ocr_mismatch");
        BOOST_TEST(std::string(e.what()).find("45080219851201012X") != std::string::npos, e.what());
    }
    BOOST_TEST(!app::stores(ws).bindings.find_open(a.authorizer_id, a.user_id).has_value());

    a.ocr_acknowledged = true;
    auto c = app::submit_bind(ws, clerk, a);
    BOOST_TEST(c.detail.find("45080219851201012X") != std::string::npos, c.detail);
    BOOST_TEST(c.detail.find("\"acknowledged_by\":\"clerk\"") != std::string::npos, c.detail);
    long long acknowledged = 0;
    app::database(ws).sql() << "SELECT count(*) FROM audit_log WHERE action = 'ocr.acknowledged' AND entity_key = :n",
        soci::use(c.number), soci::into(acknowledged);
    BOOST_TEST(acknowledged == 1);
}
