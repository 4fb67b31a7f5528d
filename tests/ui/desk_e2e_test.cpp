#define BOOST_TEST_MODULE gongji_desk_e2e
#include <boost/test/unit_test.hpp>

// Pins the product a user starts: the real `gongji-desk` executable, its own start-up, driven
// with real key presses (xdotool, XTest) under Xvfb, and what it shows read back from the
// screen's pixels. The supervisor looks at a case's PNG, JPEG, two-page TIFF and PDF scans and
// approves it within the key budget; the clerk logs out with Ctrl+Shift+L and the next user
// logs in on the same window.

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <cairo.h>
#include <soci/soci.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <set>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "app/trust/audit.h"
#include "app/cases/case_service.h"
#include "app/cases/captured_papers.h"
#include "app/setup/policy_service.h"
#include "app/setup/init_service.h"
#include "app/platform/stores.h"
#include "app/platform/workspace.h"
#include "card_reader_simulator.h"
#include "samples.h"
#include "support/printing.h"
#include "support/test_database.h"

extern char** environ;

using namespace gongji;

namespace {

std::string run(const std::string& command) {
    std::string out;
    if (FILE* p = popen(command.c_str(), "r")) {
        char buffer[512];
        while (fgets(buffer, sizeof buffer, p)) out += buffer;
        pclose(p);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

// Every key press the test makes is counted: the budget is in key presses.
struct Keyboard {
    int presses = 0;
    void key(const std::string& keys) {  // "Return", "ctrl+shift+l", "Down Down"
        std::string command = "xdotool key --delay 60 " + keys;
        for (char c : keys)
            if (c == ' ') ++presses;
        ++presses;
        BOOST_REQUIRE_EQUAL(std::system(command.c_str()), 0);
    }
    void type(const std::string& text) {
        presses += static_cast<int>(text.size());
        BOOST_REQUIRE_EQUAL(std::system(("xdotool type --delay 40 '" + text + "'").c_str()), 0);
    }
    // An ID number: the budget counts the keys besides the numbers themselves.
    void type_id(const std::string& number) {
        BOOST_REQUIRE_EQUAL(std::system(("xdotool type --delay 40 '" + number + "'").c_str()), 0);
    }
};

// The program as a user starts it, on the test's database and a workstation of its own.
class Desk {
public:
    explicit Desk(const std::string& db_url) {
        setenv("GONGJI_WORKSTATION", "窗口-07", 1);
        setenv("GONGJI_LANG", "zh_CN", 1);
        setenv("HOME", home_.path().c_str(), 1);  // the remembered language, not the tester's
        std::string program = GONGJI_DESK_PROGRAM;
        std::string db = db_url;
        char* argv[] = {program.data(), const_cast<char*>("--db"), db.data(), nullptr};
        BOOST_REQUIRE_EQUAL(posix_spawn(&pid_, program.c_str(), nullptr, nullptr, argv, environ), 0);
    }
    ~Desk() {
        if (pid_ > 0 && !exited()) {
            kill(pid_, SIGTERM);
            waitpid(pid_, nullptr, 0);
        }
    }
    bool exited() {
        if (pid_ <= 0) return true;
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) pid_ = 0;
        return pid_ == 0;
    }
    // Waits up to 20 s for a visible window of the program whose title is `title`.
    bool wait_for_window(const std::string& title) { return wait_for_window(title, true); }
    bool wait_for_window_gone(const std::string& title) { return wait_for_window(title, false); }
    bool wait_for_window(const std::string& title, bool shown) {
        for (int i = 0; i < 200; ++i) {
            // Every visible window's title, one a line; compared whole (xdotool's own pattern is a
            // regular expression, in which the login's title matches the main window's).
            auto titles = "\n" + visible_titles() + "\n";
            if ((titles.find("\n" + title + "\n") != std::string::npos) == shown) {
                std::this_thread::sleep_for(std::chrono::milliseconds(400));  // painted and focused
                return true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        BOOST_TEST_MESSAGE("windows on screen: " << visible_titles());
        return false;
    }

    // Logs in with key presses (not counted against a task's budget) and waits for the main window.
    // The demo's passwords are for one login: the first time, the user chooses their own there.
    void log_in(Keyboard& keys, const std::string& user) {
        BOOST_REQUIRE(wait_for_window("共济窗口 — 登录"));
        keys.type(user);
        keys.key("Tab");
        const bool first = chosen_.insert(user).second;
        keys.type(first ? "demo" : kChosenPassword);
        keys.key("Return");
        if (first) {
            std::this_thread::sleep_for(std::chrono::milliseconds(600));  // the new password's fields
            keys.type(kChosenPassword);
            keys.key("Return");  // on to "again"
            keys.type(kChosenPassword);
            keys.key("Return");
        }
        BOOST_REQUIRE(wait_for_window("共济窗口"));
        keys.presses = 0;
    }

private:
    // Every visible window's title, one a line (xdotool's --name '' matches them all).
    static std::string visible_titles() {
        return run("for w in $(xdotool search --onlyvisible --name '' 2>/dev/null); do xdotool getwindowname $w; done");
    }

    static constexpr const char* kChosenPassword = "Window-2026a";
    test::TempDir home_;
    pid_t pid_ = 0;
    std::set<std::string> chosen_;  // users who chose their own password in this run
};

// The whole screen as the user sees it.
struct ScreenImage {
    int width = 0, height = 0;
    std::vector<unsigned char> rgb;

    static ScreenImage grab() {
        ScreenImage s;
        Display* display = XOpenDisplay(nullptr);
        BOOST_REQUIRE(display);
        Window root = DefaultRootWindow(display);
        XWindowAttributes a;
        XGetWindowAttributes(display, root, &a);
        XImage* image = XGetImage(display, root, 0, 0, static_cast<unsigned>(a.width), static_cast<unsigned>(a.height),
                                  AllPlanes, ZPixmap);
        s.width = a.width;
        s.height = a.height;
        s.rgb.resize(static_cast<size_t>(a.width * a.height) * 3);
        for (int y = 0; y < a.height; ++y)
            for (int x = 0; x < a.width; ++x) {
                unsigned long p = XGetPixel(image, x, y);
                auto* out = &s.rgb[static_cast<size_t>(y * a.width + x) * 3];
                out[0] = static_cast<unsigned char>((p >> 16) & 0xff);
                out[1] = static_cast<unsigned char>((p >> 8) & 0xff);
                out[2] = static_cast<unsigned char>(p & 0xff);
            }
        XDestroyImage(image);
        XCloseDisplay(display);
        return s;
    }
    // Pixels within a few levels of `c` (scaling blends only the edges).
    long count(test::Rgb c) const {
        long n = 0;
        for (size_t i = 0; i + 2 < rgb.size(); i += 3)
            if (std::abs(rgb[i] - c.r) < 12 && std::abs(rgb[i + 1] - c.g) < 12 && std::abs(rgb[i + 2] - c.b) < 12) ++n;
        return n;
    }
    void save(const std::string& name) const {
        auto* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
        auto* data = cairo_image_surface_get_data(surface);
        int stride = cairo_image_surface_get_stride(surface);
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x) {
                const auto* in = &rgb[static_cast<size_t>(y * width + x) * 3];
                auto* px = reinterpret_cast<uint32_t*>(data + y * stride) + x;
                *px = (uint32_t(in[0]) << 16) | (uint32_t(in[1]) << 8) | in[2];
            }
        cairo_surface_mark_dirty(surface);
        cairo_surface_write_to_png(surface, (std::string(GONGJI_SCREENSHOT_DIR) + "/" + name).c_str());
        cairo_surface_destroy(surface);
    }
};

// Waits until the screen shows at least `enough` pixels of colour `c` (the viewer draws when GTK
// gets round to it); returns the last count.
long wait_for_colour(test::Rgb c, long enough) {
    long n = 0;
    for (int i = 0; i < 50 && n < enough; ++i) {
        n = ScreenImage::grab().count(c);
        if (n < enough) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return n;
}

const test::Rgb kRed{220, 30, 30}, kGreen{30, 200, 60}, kBlue{40, 60, 220}, kMagenta{210, 40, 200}, kOrange{250, 150, 20};

// The number of the case the program submitted for `user`, once it is in the database (up to 5 s;
// empty when none came).
std::string submitted_case_of(const std::string& url, const std::string& user) {
    for (int i = 0; i < 50; ++i) {
        app::Workspace ws(url);
        app::CaseSearch f;
        f.person = user;
        auto found = app::list_cases(ws, f);
        if (!found.empty()) return found.front().number;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return "";
}

// The demo agency, its own profile chosen.
struct DemoOffice {
    test::FreshDatabase fresh;
    DemoOffice() {
        app::Workspace ws(fresh.url());
        app::InitOptions options;
        options.demo = true;
        app::initialize(ws, options);
        app::set_default_policy(ws, {"admin", core::Role::admin, "管理-01"}, "guangxi");
    }
};

struct SubmittedCase : DemoOffice {
    std::string number, next_number;
    SubmittedCase() {
        app::Workspace ws(fresh.url());
        // A spouse application with its papers as the window's scanners and cameras write them.
        app::BindApplication a;
        a.policy = "guangxi";
        a.authorizer_id = "450802196503120117";
        a.user_id = "450802196708200129";
        a.relation = "12";
        a.documents = {core::DocumentType::id_card};  // seen at the counter (OCR is not what this pins)
        a.uploads = {{core::DocumentType::hukou, "hukou.png", test::sample_png(600, 380, kRed)},
                     {core::DocumentType::birth_certificate, "birth.jpg", test::sample_jpeg(600, 380, kGreen)},
                     {core::DocumentType::marriage_certificate, "marriage.tif",
                      test::sample_tiff_pages(500, 700, {kBlue, kMagenta})},
                     {core::DocumentType::other, "statement.pdf", test::sample_pdf_filled(kOrange)}};
        number = app::submit_bind(ws, {"clerk", core::Role::clerk, "窗口-01"}, a).number;
        // A second one waiting behind it: 李娜's daughter.
        app::BindApplication b;
        b.policy = "guangxi";
        b.authorizer_id = "450803199309150128";
        b.user_id = "450802201911030122";
        b.relation = "30";
        b.documents = {core::DocumentType::id_card};
        b.uploads = {{core::DocumentType::hukou, "hukou.png", test::sample_png(600, 380, kRed)},
                     {core::DocumentType::birth_certificate, "birth.png", test::sample_png(600, 380, kGreen)}};
        next_number = app::submit_bind(ws, {"clerk", core::Role::clerk, "窗口-01"}, b).number;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_CASE(a_clerk_binds_a_spouse_from_their_two_id_cards_within_the_budget_in_all, DemoOffice) {
    // The agency counts a valid card read at the window as proof of identity (its own profile).
    {
        app::Workspace ws(fresh.url());
        auto profile = app::load_policy(ws, "guangxi");
        profile.name = "guangxi-card";
        for (auto& v : profile.versions) v.card_read_proves_identity = true;
        app::Actor admin{"admin", core::Role::admin, "管理-01"};
        app::save_policy_text(ws, admin, core::policy_profile_to_json(profile));
        app::set_default_policy(ws, admin, "guangxi-card");
    }
    test::CardReaderSimulator reader;
    test::TempDir machine;
    auto devices = machine.write("devices.conf", "card_reader = " + reader.slave_path() + "\n");
    setenv("GONGJI_DEVICES_FILE", devices.c_str(), 1);
    Desk desk(fresh.url());
    Keyboard keys;
    desk.log_in(keys, "clerk");  // the budget counts from the main window, ID numbers included

    auto read_once_more = [&](const test::SimulatedCard& card) {
        int before = reader.reads();
        reader.lay(card);
        for (int i = 0; i < 100 && reader.reads() == before; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        BOOST_REQUIRE(reader.reads() == before + 1);
        std::this_thread::sleep_for(std::chrono::milliseconds(400));  // the window takes it in
    };
    read_once_more(test::card_of("450802196503120117", "张伟"));  // the authorizer's card: his card on screen
    keys.key("ctrl+n");
    const std::string dialog = "新增共济关系";
    BOOST_REQUIRE(desk.wait_for_window(dialog));
    read_once_more(test::card_of("450802196708200129", "李秀英", "2"));  // fills the user, on to the relation
    keys.type("q");      // 妻, by its pinyin initial
    keys.key("Return");  // on to the first paper missing: identity is the card read
    keys.key("Return");  // the marriage certificate, scanned
    BOOST_REQUIRE(desk.wait_for_window(dialog + " — 已采集 1 份材料"));
    keys.key("alt+s");
    auto number = submitted_case_of(fresh.url(), "450802196708200129");
    BOOST_REQUIRE(!number.empty());
    ScreenImage::grab().save("e2e-new-binding-card-reader.png");
    keys.key("Escape");  // submitted: closes without asking
    BOOST_REQUIRE(desk.wait_for_window_gone(dialog + " — 已采集 1 份材料"));
    BOOST_TEST_MESSAGE("clerk with the card reader: " << keys.presses << " key presses in all, ID numbers included");
    BOOST_TEST(keys.presses <= 25, keys.presses << " key presses");

    app::Workspace ws(fresh.url());
    auto c = app::find_case(ws, number);
    BOOST_TEST(c.status == core::CaseStatus::submitted);
    BOOST_TEST(c.authorizer_id.value_or("") == "450802196503120117");
    BOOST_TEST(c.has_document(core::DocumentType::id_card_read));
    BOOST_TEST(app::card_reads_of(ws, c.id).size() == 2u);
    keys.key("ctrl+q");
    unsetenv("GONGJI_DEVICES_FILE");
}

BOOST_FIXTURE_TEST_CASE(a_supervisor_looks_at_every_scan_and_approves_within_eight_keys, SubmittedCase) {
    Desk desk(fresh.url());
    Keyboard keys;
    desk.log_in(keys, "super");  // the budget counts from the main window

    // The queue is the first thing shown, the oldest case on screen; Enter opens its papers.
    keys.key("Return");
    BOOST_REQUIRE(desk.wait_for_window("办件 " + number + " 的材料"));
    const long enough = 20000;  // a page fitted to the viewer is far larger than this
    BOOST_TEST(wait_for_colour(kRed, enough) >= enough, "the PNG is drawn");
    ScreenImage::grab().save("e2e-viewer-png.png");
    keys.key("Down");
    BOOST_TEST(wait_for_colour(kGreen, enough) >= enough, "the JPEG is drawn");
    keys.key("Down");
    BOOST_TEST(wait_for_colour(kBlue, enough) >= enough, "the TIFF's first page is drawn");
    keys.key("Next");
    BOOST_TEST(wait_for_colour(kMagenta, enough) >= enough, "the TIFF's second page is drawn");
    keys.key("Down");
    BOOST_TEST(wait_for_colour(kOrange, enough) >= enough, "the PDF is drawn");
    keys.key("Escape");
    BOOST_REQUIRE(desk.wait_for_window("共济窗口"));
    keys.key("alt+a");
    BOOST_TEST_MESSAGE("supervisor: " << keys.presses << " key presses");
    BOOST_TEST(keys.presses <= 8);

    // Approved in the database, by this supervisor.
    for (int i = 0; i < 50; ++i) {
        app::Workspace ws(fresh.url());
        if (app::find_case(ws, number).status == core::CaseStatus::approved) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    app::Workspace ws(fresh.url());
    auto decided = app::find_case(ws, number);
    BOOST_TEST(decided.status == core::CaseStatus::approved);
    BOOST_TEST(decided.decided_by.value_or("") == "super");
    ScreenImage::grab().save("e2e-review-approved.png");
    // The keyboard went on to the next case: Enter opens its papers, as it did for the first.
    keys.key("Return");
    BOOST_TEST(desk.wait_for_window("办件 " + next_number + " 的材料"), "the next case's papers open on Enter");
    keys.key("Escape");
    BOOST_REQUIRE(desk.wait_for_window("共济窗口"));

    // Log out and change user: the next person logs in on the same window.
    keys.key("ctrl+shift+l");
    desk.log_in(keys, "clerk");
    // Escape on the lock prompt leaves the screen locked; the app goes on.
    keys.key("ctrl+l");
    BOOST_REQUIRE(desk.wait_for_window("共济窗口"));
    keys.key("Escape");
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    BOOST_TEST(!desk.exited());
    keys.key("ctrl+q");
}


BOOST_FIXTURE_TEST_CASE(a_clerk_binds_a_spouse_with_scanned_papers_within_the_key_budget, DemoOffice) {
    Desk desk(fresh.url());
    Keyboard keys;
    desk.log_in(keys, "clerk");  // the budget counts from the main window, besides the two ID numbers

    keys.type_id("450802196503120117");  // 张伟's card on the reader, or typed
    keys.key("ctrl+n");
    BOOST_REQUIRE(desk.wait_for_window("新增共济关系"));
    keys.type_id("450802196708200129");
    keys.key("Return");  // on to the relation
    keys.type("q");      // 妻, by its pinyin initial
    keys.key("Return");  // on to the first paper missing
    const std::string dialog = "新增共济关系";
    // The line chosen is scanned (SANE's test scanner); the title counts the papers captured.
    keys.key("Return");  // the ID card
    BOOST_REQUIRE(desk.wait_for_window(dialog + " — 已采集 1 份材料"));
    keys.key("Return");  // the marriage certificate, the next line missing
    BOOST_REQUIRE(desk.wait_for_window(dialog + " — 已采集 2 份材料"));
    keys.key("alt+s");
    auto number = submitted_case_of(fresh.url(), "450802196708200129");
    BOOST_REQUIRE(!number.empty());
    // The citizen's papers in one go (Ctrl+P prints them; here their preview, closed again).
    keys.key("ctrl+shift+p");
    BOOST_REQUIRE(desk.wait_for_window("打印预览"));
    ScreenImage::grab().save("e2e-papers-preview.png");
    keys.key("Escape");
    BOOST_REQUIRE(desk.wait_for_window_gone("打印预览"));
    BOOST_REQUIRE(desk.wait_for_window(dialog + " — 已采集 2 份材料"));
    // The signed letter comes back and is scanned into the case.
    keys.key("alt+l");
    BOOST_REQUIRE(desk.wait_for_window(dialog + " — 已采集 3 份材料"));
    ScreenImage::grab().save("e2e-new-binding-submitted.png");
    keys.key("Escape");  // submitted: closes without asking
    BOOST_REQUIRE(desk.wait_for_window_gone(dialog + " — 已采集 3 份材料"));
    BOOST_TEST_MESSAGE("clerk: " << keys.presses << " key presses besides the ID numbers");
    BOOST_TEST(keys.presses <= 25, keys.presses << " key presses");

    app::Workspace ws(fresh.url());
    auto c = app::find_case(ws, number);
    BOOST_TEST(c.status == core::CaseStatus::submitted);
    BOOST_TEST(c.relation.value_or("") == "12");
    BOOST_TEST(c.policy.value_or("") == "guangxi");
    std::multiset<core::DocumentType> types;
    for (const auto& d : app::list_documents(ws, number)) types.insert(d.type);
    BOOST_TEST(types.count(core::DocumentType::id_card) == 1u);
    BOOST_TEST(types.count(core::DocumentType::marriage_certificate) == 1u);
    BOOST_TEST(types.count(core::DocumentType::commitment_letter) == 1u);
    keys.key("ctrl+q");
}

BOOST_FIXTURE_TEST_CASE(a_clerk_unbinds_after_one_question_and_previews_the_notice_from_the_keyboard, DemoOffice) {
    Desk desk(fresh.url());
    Keyboard keys;
    desk.log_in(keys, "clerk");
    keys.type_id("450802199205060113");  // 张磊: his one binding, to his father, is chosen on his card
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    keys.key("alt+u");
    BOOST_REQUIRE_MESSAGE(desk.wait_for_window("解除共济"), "Alt+U asks before it ends a binding");
    ScreenImage::grab().save("e2e-unbind-question.png");
    keys.key("alt+e");  // 解除(&E)
    BOOST_REQUIRE_MESSAGE(desk.wait_for_window("解除共济"), "then offers the unbinding notice");
    keys.key("Return");  // 打印预览, the offer's default
    BOOST_REQUIRE(desk.wait_for_window("打印预览"));
    keys.key("Next End Home Prior");  // the pages turn from the keyboard: the preview has it
    BOOST_TEST(!desk.exited());
    keys.key("Escape");
    BOOST_TEST(desk.wait_for_window_gone("打印预览"), "Esc closes the preview: it had the keyboard");
    BOOST_TEST_MESSAGE("clerk unbinding: " << keys.presses << " key presses besides the ID number");
    BOOST_TEST(keys.presses <= 8, keys.presses << " key presses");

    app::Workspace ws(fresh.url());
    auto bindings = app::stores(ws).bindings.list_by_user("450802199205060113");
    BOOST_REQUIRE(!bindings.empty());
    BOOST_TEST(!bindings.front().is_open());
    keys.key("ctrl+q");
}

BOOST_FIXTURE_TEST_CASE(a_database_that_lost_work_says_so_before_anyone_logs_in, DemoOffice) {
    // This machine saw two look-ups saved; the database then lost the last (a copy put back).
    test::TempDir data;
    setenv("XDG_DATA_HOME", data.path().c_str(), 1);  // the heads kept here, where the desk reads them
    {
        app::Workspace ws(fresh.url());
        for (int i = 0; i < 2; ++i) app::audit(ws, {"clerk", "窗口-07"}, "person.view", "person", "450802196503120117", "", "{}");
        auto& sql = app::database(ws).sql();
        long long seq = 0;
        std::string prev;
        sql << "SELECT seq, prev_hash FROM audit_log WHERE chain = '窗口-07' ORDER BY seq DESC LIMIT 1", soci::into(seq),
            soci::into(prev);
        sql << "DELETE FROM audit_log WHERE chain = '窗口-07' AND seq = :s", soci::use(seq);
        long long back = seq - 1;
        sql << "UPDATE audit_heads SET seq = :s, hash = :h WHERE chain = '窗口-07'", soci::use(back), soci::use(prev);
    }
    Desk desk(fresh.url());
    BOOST_TEST(desk.wait_for_window("数据库丢失了已保存的工作"), "the desk warns before anyone works on");
    ScreenImage::grab().save("e2e-lost-work-warning.png");
    Keyboard keys;
    keys.key("Return");
    BOOST_TEST(desk.wait_for_window("共济窗口 — 登录"), "and then lets the clerk log in, warned");
    unsetenv("XDG_DATA_HOME");
}
