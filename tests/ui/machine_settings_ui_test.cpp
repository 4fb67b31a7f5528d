// Pins the machine's devices dialog: the reader's port tried (the simulator on a
// pseudo-terminal answers its security-module question; a faulty one is said), the camera tried
// (GStreamer's test source gives a picture of its size), the choice saved for the machine and
// read back, and a settings file that cannot be written refused with nothing changed.
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>

#include <cstdlib>

#include "app/setup/device_settings.h"
#include "card_reader_simulator.h"
#include "ui/machine_settings_dialog.h"
#include "wx_test_support.h"

using namespace gongji;
using test::child;
using test::pump;
using test::wait_until;

namespace {

struct MachineFile {
    test::TempDir dir;
    std::string file = dir.path() + "/devices.conf";
    MachineFile() { ::setenv("GONGJI_DEVICES_FILE", file.c_str(), 1); }
    ~MachineFile() { ::unsetenv("GONGJI_DEVICES_FILE"); }
};

std::string text_of(wxWindow* w) { return w->GetLabel().ToStdString(wxConvUTF8); }

}  // namespace

BOOST_FIXTURE_TEST_SUITE(machine_devices, MachineFile)

BOOST_AUTO_TEST_CASE(each_device_is_tried_then_chosen_for_the_machine) {
    test::CardReaderSimulator reader;
    ui::MachineSettingsDialog dialog(nullptr);
    dialog.Show();
    auto* status = child<wxStaticText>(&dialog, "device_status");
    wait_until([&] { return !dialog.testing(); });

    child<wxComboBox>(&dialog, "device_card_reader")->SetValue(reader.slave_path());
    dialog.test_card_reader();
    BOOST_TEST(wait_until([&] { return text_of(status).find("读卡器工作正常") == 0u; }) >= 0, text_of(status));
    reader.fault(test::CardReaderSimulator::Fault::faulty_module);
    dialog.test_card_reader();
    BOOST_TEST(wait_until([&] { return text_of(status).find("安全模块工作异常") != std::string::npos; }) >= 0, text_of(status));

    child<wxComboBox>(&dialog, "device_camera")
        ->SetValue("gst:videotestsrc is-live=true ! video/x-raw,width=1280,height=960,framerate=15/1");
    dialog.test_camera();
    BOOST_TEST(wait_until([&] { return text_of(status).find("1280 × 960") != std::string::npos; }) >= 0, text_of(status));
    test::screenshot(&dialog, "machine-devices.png");

    child<wxSpinCtrl>(&dialog, "device_scanner_dpi")->SetValue(300);
    // One monitor here, the clerk's: no citizen's display is offered on it.
    auto* display = child<wxChoice>(&dialog, "device_customer_display");
    BOOST_TEST(display->GetCount() == 1u);
    BOOST_TEST(display->GetSelection() == 0);
    BOOST_REQUIRE(dialog.save());
    auto saved = app::device_settings();
    BOOST_TEST(saved.card_reader == reader.slave_path());
    BOOST_TEST(saved.camera.find("gst:videotestsrc") == 0u);
    BOOST_TEST(saved.scanner_dpi == 300);
    BOOST_TEST(saved.customer_display == -1);
}

BOOST_AUTO_TEST_CASE(a_settings_file_that_cannot_be_written_is_said_and_nothing_changes) {
    ::setenv("GONGJI_DEVICES_FILE", "/etc/hostname/devices.conf", 1);  // under a file: never writable
    ui::MachineSettingsDialog dialog(nullptr);
    dialog.Show();
    wait_until([&] { return !dialog.testing(); });
    child<wxComboBox>(&dialog, "device_card_reader")->SetValue("/dev/ttyUSB0");
    BOOST_TEST(!dialog.save());
    auto said = text_of(child<wxStaticText>(&dialog, "device_status"));
    BOOST_TEST(said.find("未保存") == 0u, said);
    BOOST_TEST(said.find("只有本机管理员") != std::string::npos, said);
}

BOOST_AUTO_TEST_SUITE_END()
